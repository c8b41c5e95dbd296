// Look-alikes OCR returns for the enumeration comma 、: 丶 (the dot stroke, an ideograph of
// its own) and ～ (a wave dash). In a business scope or an address a 、 is what was
// printed, so the repair is made; in a name or another compared field it is only
// proposed, with its reason, for a person to accept (like the checksum proposals).
// And for the ideographic full stop 。, which faces draw as a small circle low at the
// left (Song, Hei) or centred (Ming faces of the Taiwan tradition, as AR PL UMing): OCR
// then reads a Latin full stop or a middle dot. A business scope is Chinese prose, where
// neither stands between ideographs: there it was a 。 where a sentence ends, and a 、
// (a short dot in some faces) between the items of a list.
import type { Correction } from '../extraction';

/** Fields repaired in place: lists of items, compared (if at all) width-folded. */
const REPAIRED_FIELDS: ReadonlySet<string> = new Set(['businessScope', 'address']);

/** 丶 anywhere; ～ or ~ unless it stands between two digits (a range: 1～3号). */
const LOOK_ALIKE = /丶|(?<![0-9０-９])[～~]|[～~](?![0-9０-９])/gu;

export function repairEnumerationCommas(value: string): string {
  return value.replace(LOOK_ALIKE, '、');
}

/**
 * . · • ・ ｡ after an ideograph or a closing bracket, before an ideograph, an opening
 * bracket or the end: never a decimal point (that stands between digits) nor a name's
 * separator (a scope names no person).
 */
const DOT_LOOK_ALIKE = /(?<=[\p{Script=Han}）)])\s*[.·•・｡]\s*(?=[\p{Script=Han}（(]|$)/gu;

/** The scope's headings (a character misread, their colon read as ； at worst). */
const HEADING = /^(?:.般项目|一.项目|一般.目|一般项.|.可项目|许.项目|许可.目|许可项.)[：:；;]/u;
/** The closing clause's opening bracket and words. */
const CLAUSE = /^[（(](?:除依法|依法须)/u;

/**
 * The business scope with its look-alike dots made the marks they stand for: a 。 where a
 * sentence ends (before a heading, before the closing clause, at the end); between two
 * ideographs elsewhere it stands between the items of a list (技术服务、技术开发), where a
 * face whose 、 is a short dot is read with a Latin full stop: a 、. Anything else (after a
 * bracket) is left a 。, as before.
 */
export function repairScopeFullStops(value: string): string {
  return value.replace(DOT_LOOK_ALIKE, (mark: string, at: number) => {
    const rest = value.slice(at + mark.length);
    const sentenceEnds = rest === '' || HEADING.test(rest) || CLAUSE.test(rest);
    const between = /\p{Script=Han}$/u.test(value.slice(0, at)) && /^\p{Script=Han}/u.test(rest);
    return between && !sentenceEnds ? '、' : '。';
  });
}

/**
 * A field's value with its look-alike commas repaired where that is safe, and the
 * proposal for a field where a person must decide.
 */
export function lookAlikePunctuation(
  field: string,
  value: string,
): { value: string; correction: Correction | null } {
  const commas = repairEnumerationCommas(value);
  const repaired = field === 'businessScope' ? repairScopeFullStops(commas) : commas;
  if (repaired === value) return { value, correction: null };
  if (REPAIRED_FIELDS.has(field)) return { value: repaired, correction: null };
  return {
    value,
    correction: {
      field,
      from: value,
      to: repaired,
      reason: 'look-alike-punctuation',
      note: 'OCR often reads 、 as 丶 or ～; the value is compared character for character, so check it against the image.',
    },
  };
}
