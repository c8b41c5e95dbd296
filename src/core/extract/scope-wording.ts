// The fixed wording every business scope since the 2019 reform prints around its list of
// activities: the headings 一般项目 and 许可项目, and the closing clauses the registration
// authority adds word for word. OCR misreads their characters as it does any other's
// (须 as 频, 目 as 日 in a photo); where a stretch of a scope is one of these wordings with
// a character or two misread, it is that wording. A scope is repaired in place, as its
// look-alike punctuation is (punctuation.ts): it is compared with nothing.
import { foldWidth } from '../text/normalise';
import { HAS_HAN } from '../text/han';

/** Closing clauses, inside their brackets, as the registration authorities print them. */
const CLAUSES: readonly string[] = [
  '除依法须经批准的项目外，凭营业执照依法自主开展经营活动',
  '依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准',
  '依法须经批准的项目，经相关部门批准后方可开展经营活动',
];
/** The most characters of a clause found misread or lost (the rest, at least 24 of 26, read right). */
const MAX_CLAUSE_MISREAD = 2;

const HEADINGS: readonly string[] = ['一般项目', '许可项目'];
/** A sentence's end before a heading: 。 or a dot the OCR read for it (punctuation.ts). */
const SENTENCE_END = /^[。.·•・｡]$/u;

/**
 * The stretch of `chars` from `at` with `wording`'s ideographs and marks put back, and a
 * character of it the OCR lost (项目外凭营业执照: its ， not read; 一般目： its 项, half
 * under a copy stamp), or null when too far off: `most` characters misread or lost at
 * most, none too many. The fewest such will do. With how many characters it replaces.
 */
function matched(
  chars: string[],
  at: number,
  wording: string,
  most: number,
): { out: string[]; read: number } | null {
  const want = [...wording];
  /** The wording from `j` on, read from `k` on with `left` misreads to spare. */
  const rest = (
    k: number,
    j: number,
    left: number,
  ): { out: string[]; k: number; misread: number } | null => {
    if (j === want.length) return { out: [], k, misread: 0 };
    const w = want[j]!;
    const got = chars[k];
    const tries: { k: number; put: string; cost: number }[] = [];
    if (got !== undefined && foldWidth(got) === foldWidth(w))
      tries.push({ k: k + 1, put: got, cost: 0 });
    // An ideograph misread as another, or the wording's mark read as another mark (项目外。凭
    // for 项目外，凭: a face's ， and 。 differ in a stroke): the wording's.
    else if (got !== undefined && HAS_HAN.test(w) === HAS_HAN.test(got))
      tries.push({ k: k + 1, put: w, cost: 1 });
    // A character lost (a mark between two ideographs, an ideograph the stamp hid): put
    // back, the next character read is the wording's next.
    if (got !== undefined && foldWidth(got) !== foldWidth(w)) tries.push({ k, put: w, cost: 1 });
    let best: { out: string[]; k: number; misread: number } | null = null;
    for (const t of tries) {
      if (t.cost > left) continue;
      const after = rest(t.k, j + 1, left - t.cost);
      if (after === null) continue;
      const misread = after.misread + t.cost;
      if (best === null || misread < best.misread)
        best = { out: [t.put, ...after.out], k: after.k, misread };
    }
    return best;
  };
  const found = rest(at, 0, most);
  return found === null || found.misread === 0 ? null : { out: found.out, read: found.k - at };
}

/**
 * The scope with the fixed wording put back where a character or two of it was misread:
 * a closing clause after its opening bracket, a heading (one character) at the scope's
 * start or after a 。 (or a dot read for it) and before its colon (OCR's ； for the colon
 * is made ： again).
 */
export function repairScopeWording(scope: string): string {
  const chars = [...scope];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '（' || ch === '(') {
      for (const clause of CLAUSES) {
        const fixed = matched(chars, i + 1, clause, MAX_CLAUSE_MISREAD);
        if (fixed) {
          chars.splice(i + 1, fixed.read, ...fixed.out);
          break;
        }
      }
    } else if (i === 0 || SENTENCE_END.test(chars[i - 1]!)) {
      for (const heading of HEADINGS) {
        const fixed = matched(chars, i, heading, 1);
        const after = fixed && chars[i + fixed.read];
        if (fixed && after && /[：:；;]/u.test(after)) {
          chars.splice(i, fixed.read + 1, ...fixed.out, '：');
          break;
        }
      }
    }
  }
  return chars.join('');
}

/** What follows a clause's own comma (项目外，凭营业执照…; 的项目，经相关部门…; 活动，具体…). */
const CLAUSE_AFTER_COMMA = /^(?:凭营业执照|经相关部门|具体经营项目)/u;

/**
 * A scope in the headed form (一般项目：, 许可项目：) separates its activities with ；, never
 * with ，: a ； whose dot the print or the OCR lost is read ，. Outside brackets, between
 * an ideograph or a closing bracket and an ideograph, a ， (or ,) is made ； again, unless
 * a closing clause's wording follows it (its bracket lost). Free-form scopes without a
 * heading, which do use ，, are left as read.
 */
export function repairListCommas(scope: string): string {
  if (!/(?:一般项目|许可项目)：/u.test(scope)) return scope;
  const chars = [...scope];
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if ((ch === '，' || ch === ',') && depth === 0) {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      const rest = chars.slice(i + 1, i + 7).join('');
      if (
        (HAS_HAN.test(before) || before === '）') &&
        HAS_HAN.test(after) &&
        !CLAUSE_AFTER_COMMA.test(rest)
      )
        chars[i] = '；';
    }
  }
  return chars.join('');
}
