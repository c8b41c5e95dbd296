// Rarer name characters PP-OCRv4 reads as a common character, often with no runner-up
// the decoder keeps (欧阳彧恺 read 欧阳或恺 at 0.997, 彧 behind at 0.2%): a name holding
// such a common character is not trusted at 0.9, and the rarer one is proposed. Measured
// by rendering 119 rare given-name and surname characters in `法定代表人 <name>` lines
// (3 fonts, 16 and 20 px, sharp and blurred: 1,020 names) and reading them: each entry
// was read for its rare character at least twice. Surnames are left out of that table (余
// for 佘: a common surname is mostly itself; surnames.ts and the runner-ups judge those), but a
// surname read as a surname that is rare itself is no likelier than the rare surname it
// stands for, and the place holds a surname: there the read one is doubted too
// (SURNAME_CONFUSABLES).
import type { Correction } from '../extraction';
import type { ValueAlternatives } from './alternatives';

/** Common character → the rarer name characters PP-OCRv4 was measured to read as it. */
export const NAME_CONFUSABLES: Readonly<Record<string, readonly string[]>> = {
  或: ['彧'],
  赞: ['赟'],
  没: ['殳'],
  洗: ['冼'],
  曼: ['旻'],
  错: ['锴'],
  缤: ['缑'],
  缓: ['缑'],
  也: ['乜'],
  圭: ['垚'],
  阔: ['阚'],
  铬: ['镕'],
  笃: ['笪'],
  障: ['暐'],
  肆: ['暐'],
  营: ['訾'],
  嬰: ['曌'],
  前: ['蒯'],
  鄱: ['郗', '鄢'],
  父: ['殳'],
  显: ['晁'],
  晃: ['晁'],
  警: ['訾'],
  哇: ['眭'],
  隐: ['隗'],
};

/**
 * A name's first character (its surname) read as a RARE surname PP-OCRv4 was measured to
 * read for another rare surname, with no runner-up kept: 亓 read 元 in all 12 renders of
 * a wide-pool name study (3 fonts; 14, 16, 18 and 20 px, sharp and blurred), 6 of them at
 * 0.99 or more, and in a tuned bank form's name at 0.987 (亓婕嘉); 逄 read 逢 in all 12,
 * 3 at 0.99 with no runner-up (the others kept 逄 behind and were doubted already). A
 * surname as rare as the one it hides is right about half the time, whatever the
 * recogniser's confidence; a common read surname (余 for 佘) is left to the runner-ups.
 */
export const SURNAME_CONFUSABLES: Readonly<Record<string, readonly string[]>> = {
  元: ['亓'],
  逢: ['逄'],
  // 阚 read 阙 (阀 behind it) on a tuned license scan and 阀 (阙 behind it) on its bank
  // form's image PDF (bench/ocr-replay-dossiers.ts, names1 seed offset 300).
  阙: ['阚'],
  阀: ['阚'],
  // Measured by bench/name-study.ts (one name per wide-pool surname, 3 fonts, 14 and 18
  // px, blurred 0.8 px: 1,824 names): each read for the rare surname at least twice, in
  // some print with the rare one not kept behind it (or kept below 2%, where another
  // print loses it). Left out: readings that are themselves among the 100 most common
  // surnames (余 for 佘): those are mostly themselves, and the runner-ups judge them.
  全: ['仝'],
  宣: ['笪'],
  鄂: ['鄢'],
  // Readings no surname starts with (surnames.ts doubts the name already): the surname
  // the place holds, read back.
  糕: ['禚'],
  睡: ['眭'],
  咎: ['昝'],
  院: ['隗'],
  翰: ['鞠'],
  耸: ['笪'],
  // Seen on the tuned families drawn over all 7 npm faces (--fonts=all, seed offsets 2700
  // and 2750): 网 for 阚 on a license photo (网翔) and on an ID copy's scan (网嘉).
  网: ['阚'],
  // 开 for 亓, read surely, on the bench's tuned full-set license scan (开钊昕) and a fresh
  // tuned ID scan (开璟, seed offset 4500): before, the name agreement's rule that any
  // surname may stand for a reading no surname starts with took it, a rule that also took
  // 刘 for a bank form printing 浏钊翔 (name-agreement.ts couldBe).
  开: ['亓'],
};

/**
 * A given name's character (a name's second place or later) read as another character
 * PP-OCRv4 was measured to read for a rarer given-name character (bench/name-study.ts: the
 * wide pool's given-name characters behind common surnames, and the surname pool's names;
 * seen at least twice, in some print with no runner-up kept or one below 2%). Only past
 * the surname: 晏 read for 旻 in a given name is also a surname of its own.
 */
export const GIVEN_NAME_CONFUSABLES: Readonly<Record<string, readonly string[]>> = {
  晏: ['旻'],
  蟠: ['璠'],
  播: ['璠'],
  环: ['璠'],
  墙: ['璠'],
  资: ['赟'],
  哗: ['晔'],
  // Seen on the tuned families drawn over all 7 npm faces (--fonts=all, seed offsets 2700
  // and 2750), with no runner-up kept: 区 for 珺 (隗区 on an ID's image PDF, 覃钊区 on a
  // bank form's) and for 玥 (冼区 on a license photo). 区 names a district, rarely a person.
  区: ['珺', '玥'],
};

/**
 * The rarer characters PP-OCR was measured to read as `ch` at a name's place `i` (a
 * surname's only at the first place, a given name's only past it): what a place read `ch`
 * may hold.
 */
export function misreadingsOf(ch: string, i: number): readonly string[] {
  return [
    ...(NAME_CONFUSABLES[ch] ?? []),
    ...((i === 0 ? SURNAME_CONFUSABLES : GIVEN_NAME_CONFUSABLES)[ch] ?? []),
  ];
}

/**
 * The rarer characters `ch` may stand for at position `i` of a name: misreadingsOf, but a
 * transcribed minority name's first place holds no Han surname.
 */
function rarerReadings(ch: string, i: number, value: string): readonly string[] {
  return value.includes('·') ? misreadingsOf(ch, i + 1) : misreadingsOf(ch, i);
}

/**
 * A person's name's characters that PP-OCR is known to read for a rarer name character,
 * as proposals (the OCR's own runner-up, when it kept one, first); empty when none.
 */
export function confusableNameCharacters(
  field: string,
  value: string,
  alternatives: ValueAlternatives | null,
): Correction[] {
  const chars = [...value];
  return chars.flatMap((ch, i) =>
    rarerReadings(ch, i, value)
      .map((rare) => ({
        rare,
        p: alternatives?.[i]?.options.find((o) => o.text === rare)?.p ?? 0,
      }))
      .sort((a, b) => b.p - a.p)
      .map(({ rare, p }): Correction => ({
        field,
        from: value,
        to: [...chars.slice(0, i), rare, ...chars.slice(i + 1)].join(''),
        reason: 'ocr-alternative',
        note: `PP-OCR reads the name character ${rare} as ${ch}${p > 0 ? ` (it also saw ${rare} here, ${Math.round(p * 1000) / 10}%)` : ''}: check position ${i + 1} against the image.`,
      })),
  );
}

/**
 * Look-alikes the visual judge (src/ocr/paddle/glyph-judge.ts) may choose between beyond
 * the tables above, by place (0: the surname; 1: a given name's): rarer given-name
 * characters PP-OCR reads as a common one, sure of it, where the common one is itself a
 * name character too common to doubt every time it is read (晓 and 哈). Only a glyph the
 * judge finds likest the rarer one takes it (held below 0.9, what was read proposed).
 * 余 for 佘 (余 is among the 100 most common surnames, which the tables leave to the
 * runner-ups): a whole-glyph likeness turned two right 余 wrong in one face (bench/
 * name-judge.ts, seeds 3610-3611), so it was left out; weighed where the two differ
 * (glyph-judge.ts differenceWeights) it told 佘 for 余 in 42 of 62 glyphs and no 余 wrong
 * of 70 (seeds 3600-3601; 3610-3611: 33 of 63 and 0 of 63).
 */
export const JUDGED_LOOKALIKES: readonly Readonly<Record<string, readonly string[]>>[] = [
  { 余: ['佘'] },
  { 听: ['昕'], 哈: ['晗'], 晓: ['骁'] },
];

/** The characters a glyph read `ch` at a name's place `i` may be, besides itself. */
export function lookalikesOf(ch: string, i: number): readonly string[] {
  const judged = JUDGED_LOOKALIKES[i === 0 ? 0 : 1]![ch] ?? [];
  return [...new Set([...misreadingsOf(ch, i), ...judged])];
}

/** Every character read that has look-alikes at some place, with all of them (the judge's list). */
export function allLookalikes(): ReadonlyMap<string, readonly string[]> {
  const all = new Map<string, Set<string>>();
  const add = (table: Readonly<Record<string, readonly string[]>>): void => {
    for (const [ch, rares] of Object.entries(table)) {
      const set = all.get(ch) ?? new Set<string>();
      for (const r of rares) set.add(r);
      all.set(ch, set);
    }
  };
  [NAME_CONFUSABLES, SURNAME_CONFUSABLES, GIVEN_NAME_CONFUSABLES, ...JUDGED_LOOKALIKES].forEach(
    add,
  );
  return new Map([...all].map(([ch, set]) => [ch, [...set]]));
}

/**
 * A person's name with the character the visual judge saw at a place taken, where it is
 * a look-alike of what was read there (lookalikesOf): the value as judged and the
 * reading as made, proposed; null where the judge saw no look-alike.
 */
export function judgedName(
  field: string,
  value: string,
  alternatives: ValueAlternatives | null,
): { value: string; correction: Correction } | null {
  if (alternatives === null) return null;
  const chars = [...value];
  const offset = value.includes('·') ? 1 : 0;
  let changed = false;
  const seen: string[] = [];
  const judged = chars.map((ch, i) => {
    const j = alternatives[i]?.judged;
    if (j === undefined || !lookalikesOf(ch, i + offset).includes(j)) return ch;
    changed = true;
    seen.push(`${j} for ${ch} at position ${i + 1}`);
    return j;
  });
  if (!changed) return null;
  const taken = judged.join('');
  return {
    value: taken,
    correction: {
      field,
      from: taken,
      to: value,
      reason: 'ocr-alternative',
      note: `The OCR read ${value}; the glyph's print looks likest ${seen.join(', ')}: check it against the image.`,
    },
  };
}
