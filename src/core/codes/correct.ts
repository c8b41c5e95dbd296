// Checksum-guided correction proposals for codes read by OCR (spec §6). A proposal is made
// only when exactly one reading fits; it is shown to a person, never applied silently.
import type { Correction } from '../extraction';
import { ID_NUMBER_LENGTH, idCheckDigit, validateIdNumber } from './id-number';
import {
  USCC_ALPHABET,
  USCC_CATEGORIES,
  USCC_LENGTH,
  isUsccAlphabet,
  usccCheckCharacter,
  validateUscc,
} from './uscc';

/** Characters OCR confuses, each with the characters it may stand for. */
export const LOOK_ALIKES: ReadonlyMap<string, readonly string[]> = new Map([
  ['O', ['0']],
  ['0', ['O']],
  ['o', ['0']],
  ['I', ['1']],
  ['l', ['1']],
  ['1', ['I']],
  ['S', ['5']],
  ['5', ['S']],
  ['Z', ['2']],
  ['2', ['Z']],
  ['B', ['8']],
  ['8', ['B']],
  ['G', ['6']],
  ['6', ['G']],
]);

/**
 * Per character of a code as read, the other readings the OCR itself gave it, with their
 * probabilities (null where it had none). They are tried before LOOK_ALIKES.
 */
export type OcrOptions = readonly (readonly { text: string; p: number }[] | null)[];

/** Most positions with OCR alternatives tried two at a time (pairs grow quadratically). */
const MAX_PAIR_POSITIONS = 8;

interface Substitution {
  position: number;
  from: string;
  read: string;
  p: number;
}

/** The codes the OCR's own alternatives make valid, changing one character, else two. */
function ocrCandidates(
  chars: readonly string[],
  options: OcrOptions,
  isValid: (code: string) => boolean,
): { to: string; subs: Substitution[] }[] {
  const positions: Substitution[][] = chars.map((ch, i) =>
    (options[i] ?? [])
      .map((o) => ({ position: i, from: ch, read: o.text.toUpperCase(), p: o.p }))
      .filter((o) => /^[0-9A-Z]$/.test(o.read) && o.read !== ch),
  );
  const apply = (subs: readonly Substitution[]): string => {
    const next = [...chars];
    for (const s of subs) next[s.position] = s.read;
    return next.join('');
  };
  const singles = positions
    .flat()
    .filter((s) => isValid(apply([s])))
    .map((s) => ({ to: apply([s]), subs: [s] }));
  if (singles.length > 0) return singles;
  const doubtful = positions.filter((p) => p.length > 0);
  if (doubtful.length > MAX_PAIR_POSITIONS) return [];
  const pairs: { to: string; subs: Substitution[] }[] = [];
  doubtful.forEach((first, i) => {
    for (const second of doubtful.slice(i + 1))
      for (const a of first)
        for (const b of second)
          if (isValid(apply([a, b]))) pairs.push({ to: apply([a, b]), subs: [a, b] });
  });
  return pairs;
}

export interface CorrectionProposal {
  /** At most one proposal; empty when the code is valid, hopeless, or ambiguous. */
  corrections: Correction[];
  /** One sentence when something was considered but not proposed (e.g. ambiguous), else null. */
  note: string | null;
}

interface CodeRules {
  length: number;
  label: string;
  isValid(code: string): boolean;
  /** The check character for a 17-character body, or null when it cannot be computed. */
  checkCharacter(first17: string): string | null;
  /**
   * The code's symbols, where a character that is none of them and no look-alike of one
   * (`#`, an ideograph the OCR read for a letter or a digit) may be any of them.
   */
  alphabet?: string;
  /** Whether a character may stand at a position of the code (a letter in an ID number's digits may not). */
  possible(ch: string, position: number): boolean;
}

function propose(
  raw: string,
  field: string,
  rules: CodeRules,
  ocrOptions?: OcrOptions,
): CorrectionProposal {
  const none = (note: string | null = null): CorrectionProposal => ({ corrections: [], note });
  /** The one proposal: `raw` read as `to`, with its reason and why. */
  const proposal = (
    to: string,
    reason: 'checksum' | 'missing-check-character',
    note: string,
  ): CorrectionProposal => ({ corrections: [{ field, from: raw, to, reason, note }], note: null });
  if (rules.isValid(raw)) return none();
  const chars = [...raw];

  if (chars.length === rules.length - 1) {
    const check = rules.checkCharacter(raw);
    if (check === null || !rules.isValid(raw + check)) return none();
    return proposal(
      raw + check,
      'missing-check-character',
      `The ${rules.label} has 17 characters; the check character ${check} completes it, if the last character was missed.`,
    );
  }
  if (chars.length !== rules.length) return none();

  // What the OCR itself saw first: its runners-up are evidence, a fixed table only a guess.
  if (ocrOptions && ocrOptions.length === chars.length) {
    const fromOcr = ocrCandidates(chars, ocrOptions, (code) => rules.isValid(code));
    const [only, ...others] = fromOcr;
    if (only !== undefined && others.length === 0) {
      const said = only.subs
        .map(
          (s) =>
            `${s.read} (${Math.round(s.p * 100)}%) for ${s.from} at position ${s.position + 1}`,
        )
        .join(' and ');
      return proposal(
        only.to,
        'checksum',
        `The OCR's own second reading ${said} makes the ${rules.label} valid, check character included.`,
      );
    }
    if (others.length > 0)
      return none(
        `${fromOcr.length} of the OCR's alternative readings make the ${rules.label} valid, so none is proposed: check it against the image.`,
      );
  }

  const unknown = unknownCharacters(chars, rules);
  if (unknown.length > 1)
    return none(
      `${unknown.length} characters of the ${rules.label} are no letter or digit, so no repair is proposed: check it against the image.`,
    );
  if (unknown.length === 1 && rules.alphabet !== undefined) {
    const at = unknown[0]!;
    const fits = [...rules.alphabet]
      .map((read) => [...chars.slice(0, at), read, ...chars.slice(at + 1)].join(''))
      .filter((code) => rules.isValid(code));
    const [to, ...more] = fits;
    if (to === undefined || more.length > 0) return none();
    const what = /^[0-9A-Z]$/u.test(chars[at]!)
      ? `cannot stand at position ${at + 1} of the ${rules.label}`
      : `at position ${at + 1} is no letter or digit of the ${rules.label}`;
    return proposal(
      to,
      'checksum',
      `The character ${chars[at]} ${what}; only ${to.charAt(at)} there makes it valid, check character included.`,
    );
  }

  const forced = forcedReading(chars, rules);
  if (forced !== null)
    return proposal(
      forced.to,
      'checksum',
      `${forced.read.join(', ')} cannot stand in the ${rules.label}; reading each as its one look-alike makes it valid, check character included.`,
    );

  const candidates: { to: string; position: number; from: string; read: string }[] = [];
  chars.forEach((ch, i) => {
    for (const alternative of LOOK_ALIKES.get(ch) ?? []) {
      const candidate = [...chars.slice(0, i), alternative, ...chars.slice(i + 1)].join('');
      if (rules.isValid(candidate))
        candidates.push({ to: candidate, position: i + 1, from: ch, read: alternative });
    }
  });
  const [only, ...others] = candidates;
  if (only === undefined) return none();
  if (others.length > 0) {
    const readings = candidates
      .map((c) => `${c.from}→${c.read} at position ${c.position}`)
      .join(', ');
    return none(
      `${candidates.length} look-alike readings make the ${rules.label} valid (${readings}), so none is proposed: check it against the image.`,
    );
  }
  return proposal(
    only.to,
    'checksum',
    `Reading ${only.from} at position ${only.position} as ${only.read} makes the ${rules.label} valid, check character included.`,
  );
}

/**
 * The code with every character that cannot stand where it was read (O in an ID number's
 * digits, O or I anywhere in a credit code) read as its one look-alike that can, where
 * there are two or more such characters (one is a single substitution, tried with the
 * others) and the result is valid: 11010519491231OO2X is 11010519491231002X. Null where
 * one of them has no look-alike or several, or the result is not valid.
 */
function forcedReading(
  chars: readonly string[],
  rules: CodeRules,
): { to: string; read: string[] } | null {
  const impossible = chars.flatMap((ch, i) => (rules.possible(ch, i) ? [] : [i]));
  if (impossible.length < 2) return null;
  const next = [...chars];
  const read: string[] = [];
  for (const i of impossible) {
    const ch = chars[i]!;
    const fits = (LOOK_ALIKES.get(ch) ?? []).filter((a) => rules.possible(a, i));
    if (fits.length !== 1) return null;
    next[i] = fits[0]!;
    read.push(`${ch} at position ${i + 1} (${fits[0]!})`);
  }
  const to = next.join('');
  return rules.isValid(to) ? { to, read } : null;
}

/**
 * Where a code as read holds characters that are neither a letter nor a digit (nor a
 * look-alike of one), or a letter or digit that cannot stand where it was read and has no
 * look-alike that can (Q as a credit code's first character, which names a registering
 * authority): their positions, with an alphabet to try there; none without one.
 */
function unknownCharacters(chars: readonly string[], rules: CodeRules): number[] {
  if (rules.alphabet === undefined) return [];
  return chars.flatMap((ch, i) => {
    if (!/^[0-9A-Z]$/u.test(ch)) return LOOK_ALIKES.has(ch) ? [] : [i];
    if (rules.possible(ch, i)) return [];
    return (LOOK_ALIKES.get(ch) ?? []).some((a) => rules.possible(a, i)) ? [] : [i];
  });
}

/**
 * Whether a symbol may stand at a position of a credit code: the 1st names a registering
 * authority, the 3rd to 8th are the region's digits (GB 32100-2015).
 */
function usccPossible(ch: string, position: number): boolean {
  if (position === 0) return ch in USCC_CATEGORIES;
  if (position >= 2 && position <= 7) return /^[0-9]$/u.test(ch);
  return USCC_ALPHABET.includes(ch);
}

/**
 * Proposes the one look-alike reading, missing check character or reading of a character
 * that is no letter or digit (`#`, an ideograph) that makes a USCC valid.
 */
export function proposeUsccCorrections(
  raw: string,
  field = 'creditCode',
  ocrOptions?: OcrOptions,
): CorrectionProposal {
  return propose(
    raw,
    field,
    {
      length: USCC_LENGTH,
      label: 'credit code',
      isValid: (code) => validateUscc(code).valid,
      checkCharacter: (first17) => (isUsccAlphabet(first17) ? usccCheckCharacter(first17) : null),
      alphabet: USCC_ALPHABET,
      possible: usccPossible,
    },
    ocrOptions,
  );
}

/**
 * Proposes the one look-alike reading or missing check digit that makes an ID number
 * valid; with the card's birth date, readings that contradict it are not counted.
 */
export function proposeIdNumberCorrections(
  raw: string,
  field = 'idNumber',
  birthDate?: string | null,
  ocrOptions?: OcrOptions,
): CorrectionProposal {
  return propose(
    raw,
    field,
    {
      length: ID_NUMBER_LENGTH,
      label: 'ID number',
      isValid: (code) => validateIdNumber(code, birthDate).valid,
      checkCharacter: (first17) => (/^\d{17}$/.test(first17) ? idCheckDigit(first17) : null),
      possible: (ch, position) => /^[0-9]$/u.test(ch) || (position === 17 && ch === 'X'),
    },
    ocrOptions,
  );
}
