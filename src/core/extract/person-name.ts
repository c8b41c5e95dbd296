// A person's name as a value type (a legal representative, a cardholder): 2-4 ideographs or a
// transcribed minority name with `·`, never an organisation's word or a legal form, never a
// piece of its own label (a wrapped suffix `（单位负责人）`, read exactly or with one character
// misread). A name read with a label's piece stuck to it is read without that piece.
import { ALL_LABELS, compact } from './label-words';
import { LABELS } from './labels';
import { startsWithSurname } from './surnames';
import { parseText } from './values';

const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
/** The fields holding a person's name (their labels' pieces are never one). */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(['legalRepresentative', 'name']);
/** A minority name in the transcription with a middle dot: 买买提·艾力. */
const MINORITY_NAME = /^\p{Script=Han}{1,8}(?:[·•・]\p{Script=Han}{1,8}){1,3}$/u;

export const isPersonName = (v: string): boolean => PERSON_NAME.test(v) || MINORITY_NAME.test(v);

/**
 * A name with a piece of a label stuck to it (名 of a letter-spaced 姓  名 grouped with the
 * value, 人 of 法定代表人 wrapped, 性 of the 性别 beside it, or the next label and its value
 * read on): the name without that piece, when only that makes it a name (2-4 ideographs
 * that start with a surname).
 */
function withoutLabelPiece(v: string): string | null {
  const chars = [...v];
  const labels = ALL_LABELS;
  const isHead = (piece: string): boolean => labels.some((l) => l.endsWith(piece));
  const isTail = (piece: string): boolean => labels.some((l) => l.startsWith(piece));
  const named = (s: string): boolean => PERSON_NAME.test(s) && startsWithSurname(s);
  if (named(v)) return null;
  for (let head = 0; head <= 3; head++) {
    if (head > 0 && !isHead(chars.slice(0, head).join(''))) continue;
    for (let tail = 0; tail <= 3 && head + tail < chars.length; tail++) {
      if (head + tail === 0) continue;
      if (tail > 0 && !isTail(chars.slice(chars.length - tail).join(''))) continue;
      const rest = chars.slice(head, chars.length - tail).join('');
      // A name ending in a label's first character (王建民) keeps it unless it is too long.
      if (tail > 0 && isPersonName(chars.slice(head).join(''))) continue;
      if (named(rest)) return rest;
    }
  }
  // The next field's label and value read on with the name (王样例性别男).
  for (const label of labels) {
    const at = label.length >= 2 ? v.indexOf(label) : -1;
    if (at >= 2 && named(v.slice(0, at))) return v.slice(0, at);
  }
  return null;
}

/** The person a company sends (执行事务合伙人 某某有限公司（委派代表：张三）): 张三. */
const DELEGATE = /委派代表[:：]?([^（()）,，;；、]+)/u;

/**
 * Punctuation at a name's ends: a label's colon read as a comma (法定代表人，), a stray
 * mark of the OCR. No name starts or ends with one (a minority name's dot is inside it;
 * a bracket may close a partner's qualifier, so brackets stay).
 */
const NAME_END_PUNCTUATION =
  /^[，,。.：:；;、·•・'"“”‘’`~～_|-]+|[，,。.：:；;、·•・'"“”‘’`~～_|-]+$/gu;

/** A person's name from the text found (a label's piece or a delegate's company taken off). */
export function parsePersonName(text: string): string | null {
  const v = parseText(text)?.replace(/\s+/gu, '').replace(NAME_END_PUNCTUATION, '') || null;
  if (v === null) return null;
  const delegate = DELEGATE.exec(v)?.[1];
  if (delegate !== undefined) return withoutLabelPiece(delegate) ?? delegate;
  return withoutLabelPiece(v) ?? withoutMisreadLabelHead(v) ?? v;
}

/** Whether a parsed value is a person's name: 2-4 ideographs or a minority name, no organisation's word. */
export const validPersonName = (v: string): boolean =>
  isPersonName(v) && !ORGANISATION_WORD.test(v);

/**
 * Words of an organisation or a legal form (有限合伙, 普通合伙, 合伙企业, 个体工商户): a
 * person's name of 2-4 ideographs never holds one. 单位 is a label's (单位负责人); the
 * surname 单 with another given name (单立) is no such word.
 */
const ORGANISATION_WORD =
  /公司|企业|合伙|有限|股份|集团|银行|支行|分行|个体|工商|单位|委派|事务所|合作社|机关|盖章/u;

/** How many characters of `piece` differ from `label`'s at `at`. */
function differing(piece: readonly string[], label: readonly string[], at: number): number {
  let diff = 0;
  for (let k = 0; k < piece.length; k++) if (label[at + k] !== piece[k]) diff++;
  return diff;
}

/**
 * Whether a value is a piece of a person's label with one character misread (负责入 for
 * 负责人, （单位负责入）): the label's own wrapped suffix, read unsurely, never a name. Three
 * characters at least: a two-character name may share one with a label by chance.
 */
export function nearPersonLabel(value: string): boolean {
  const piece = [...compact(value)];
  if (piece.length < 3) return false;
  return PERSON_LABELS.some((label) => {
    const chars = [...label];
    for (let at = 0; at + piece.length <= chars.length; at++)
      if (differing(piece, chars, at) <= 1) return true;
    return false;
  });
}

/**
 * A name after the end of its label read with one character misread (（单位负责入）隗婕: the
 * wrapped suffix and the name under it read as one value): the name, when only the
 * label's end (three characters at least) stands before it.
 */
function withoutMisreadLabelHead(v: string): string | null {
  const chars = [...v];
  for (let head = chars.length - 2; head >= 3; head--) {
    const piece = [...compact(chars.slice(0, head).join(''))];
    const rest = chars.slice(head).join('');
    if (!PERSON_NAME.test(rest) || !startsWithSurname(rest)) continue;
    const ends = PERSON_LABELS.some((label) => {
      const l = [...label];
      return l.length >= piece.length && differing(piece, l, l.length - piece.length) <= 1;
    });
    if (ends) return rest;
  }
  return null;
}
/** Every alias of the labels of a person's name (法定代表人(单位负责人), 经营者, 姓名 …), folded. */
const PERSON_LABELS: readonly string[] = [
  ...new Set(
    Object.values(LABELS)
      .flat()
      .filter((def) => {
        const target = def.target;
        return target !== null && 'field' in target && PERSON_FIELDS.has(target.field);
      })
      .flatMap((def) => def.aliases.map(compact)),
  ),
];
