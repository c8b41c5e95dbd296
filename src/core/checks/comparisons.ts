// Checks that compare one field on two documents character for character (spec §3).
import type { DocumentKind } from '../documents';
import { diffChars, summariseDiff } from '../diff';
import { foldWidth } from '../text/width';
import { fieldOf } from './context';
import { wholeValueOfItsType } from './images';
import {
  describeField,
  fail,
  pass,
  sentence,
  skip,
  missingValue,
  notReadAll,
  warn,
  type Check,
  type CheckContext,
  type CheckOutcome,
} from './result';
import type { DiffEntry, DiffKind } from './types';

interface Side {
  kind: DocumentKind;
  field: string;
}

/** Differences the image must settle when a value was read by OCR: which width, which spacing. */
const IMAGE_DECIDES: ReadonlySet<DiffKind> = new Set(['width', 'space']);

/**
 * Exact comparison of a.field and b.field. A value read by OCR with width-ambiguous
 * characters and not yet confirmed cannot pass or fail on width alone: equal values and
 * values differing only in width or spacing give `warn` ("confirm against the image").
 * Any other difference still fails, since confirming the width cannot make it pass.
 */
export function compareExactly(
  ctx: CheckContext,
  a: Side,
  b: Side,
  options: { optionalB?: boolean } = {},
): CheckOutcome {
  const docA = ctx.docs.byKind[a.kind];
  const docB = ctx.docs.byKind[b.kind];
  const va = fieldOf(docA, a.field);
  const vb = fieldOf(docB, b.field);
  if (docA === undefined) return missingValue(a.kind, a.field, ctx, [a, b]);
  if (docB === undefined) return missingValue(b.kind, b.field, ctx, [a, b]);
  if (vb === null && options.optionalB === true) {
    if (va === null) return missingValue(a.kind, a.field, ctx, [a, b]);
    const what = describeField(b.kind, b.field);
    return skip(`Skipped: ${what.en} is not printed.`, `已跳过：${what.zh}未印出。`, {
      subjects: [a, b],
    });
  }
  if (va === null || vb === null) {
    const missing = [va === null ? a : null, vb === null ? b : null].filter((s) => s !== null);
    return notReadAll(missing, ctx, [a, b]);
  }
  const nameA = describeField(a.kind, a.field);
  const nameB = describeField(b.kind, b.field);
  const subjects = [a, b];
  const values = [va, vb];
  const diff = diffChars(va, vb);
  const unconfirmed =
    (docA?.unconfirmed.has(a.field) ?? false) || (docB?.unconfirmed.has(b.field) ?? false);

  if (diff.length === 0) {
    if (unconfirmed) {
      return warn(
        `${sentence(nameA.en)} and ${nameB.en} match as read, but they contain characters printed in either width: confirm against the image.`,
        `${nameA.zh}与${nameB.zh}识别结果一致，但含有全角半角难以区分的字符：请对照原图确认。`,
        { values, diff, subjects },
      );
    }
    return pass(
      `${sentence(nameA.en)} and ${nameB.en} are identical.`,
      `${nameA.zh}与${nameB.zh}完全一致。`,
      { values, subjects },
    );
  }
  const summary = summariseDiff(diff, { a: nameA, b: nameB });
  const settledByImage = (d: DiffEntry): boolean => unconfirmed && IMAGE_DECIDES.has(d.kind);
  const doubts = doubtedDifferences(diff, docA.doubted.get(a.field), docB.doubted.get(b.field));
  // A value that is no whole value of its type (李 for a name) is a failed reading, not a doubtful one.
  const bothValues = wholeValueOfItsType(a.field, va) && wholeValueOfItsType(b.field, vb);
  // It still fails (spec §3: a dossier never turns ready on a reading that failed): the
  // page may print the difference. The reason says so, and a person's confirmation of the
  // value drops its doubts.
  if (bothValues && doubts.some(Boolean) && diff.every((d, i) => settledByImage(d) || doubts[i])) {
    return fail(
      `${sentence(nameA.en)} and ${nameB.en} differ as read only where the OCR was unsure of a character (${summary.en}): confirm against the image.`,
      `${nameA.zh}与${nameB.zh}识别结果仅在识别把握不足的字上不同（${summary.zh}）：请对照原图确认。`,
      { values, diff, subjects },
    );
  }
  if (unconfirmed && diff.every((d) => IMAGE_DECIDES.has(d.kind))) {
    return warn(
      `${sentence(nameA.en)} and ${nameB.en} differ only in width or spacing as read (${summary.en}): confirm against the image.`,
      `${nameA.zh}与${nameB.zh}识别结果仅在全角半角或空格上不同（${summary.zh}）：请对照原图确认。`,
      { values, diff, subjects },
    );
  }
  return fail(
    `${sentence(nameA.en)} and ${nameB.en} differ: ${summary.en}.`,
    `${nameA.zh}与${nameB.zh}不一致：${summary.zh}。`,
    { values, diff, subjects },
  );
}

/**
 * Per difference (in diff's order), whether it lies at a character the OCR read unsurely:
 * a character read in place of another at a doubted place of either value, a character
 * of a missing from b at a doubted place of a, one extra in b at a doubted place of b. A
 * character one value lacks is no doubt of the other's reading.
 */
export function doubtedDifferences(
  diff: readonly DiffEntry[],
  inA: ReadonlySet<number> | undefined,
  inB: ReadonlySet<number> | undefined,
): boolean[] {
  // Where a difference falls in b: its place in a, moved by the characters b has more so far.
  let shift = 0;
  return diff.map((d) => {
    const atB = d.at + shift;
    if (d.a === '') shift++;
    else if (d.b === '') shift--;
    if (d.a === '') return inB?.has(atB) ?? false;
    if (d.b === '') return inA?.has(d.at) ?? false;
    return (inA?.has(d.at) ?? false) || (inB?.has(atB) ?? false);
  });
}

export const nameLicenseVsBank: Check = (ctx) =>
  compareExactly(
    ctx,
    { kind: 'business-license', field: 'companyName' },
    { kind: 'bank-permit', field: 'accountName' },
  );

export const legalRepLicenseVsId: Check = (ctx) =>
  compareExactly(
    ctx,
    { kind: 'business-license', field: 'legalRepresentative' },
    { kind: 'id-card-front', field: 'name' },
  );

export const legalRepLicenseVsBank: Check = (ctx) =>
  compareExactly(
    ctx,
    { kind: 'business-license', field: 'legalRepresentative' },
    { kind: 'bank-permit', field: 'legalRepresentative' },
    { optionalB: true },
  );

/** Spaces removed and width unified: the platform compares addresses by meaning, not by print. */
function normaliseAddress(s: string): string {
  return foldWidth(s).replace(/\s+/gu, '');
}

export const addressDeclaredOffice: Check = (ctx) => {
  const declared = ctx.input.declared.officeAddress?.trim() ?? '';
  const subjects = [
    { kind: 'business-license', field: 'address' },
    { kind: 'declared', field: 'officeAddress' },
  ];
  if (declared === '') {
    return skip('Skipped: no office address is declared.', '已跳过：未填写办公地址。', {
      subjects,
    });
  }
  const license = fieldOf(ctx.docs.byKind['business-license'], 'address');
  if (license === null) return missingValue('business-license', 'address', ctx, subjects);
  const values = [license, declared];
  if (normaliseAddress(license) === normaliseAddress(declared)) {
    return pass(
      'The declared office address matches the license address (spaces and width ignored).',
      '填写的办公地址与营业执照住所一致（不计空格和全角半角）。',
      { values, subjects },
    );
  }
  // Width and spacing are ignored here on purpose, so only other differences are shown.
  const diff = diffChars(license, declared).filter((d) => !IMAGE_DECIDES.has(d.kind));
  const summary = summariseDiff(diff, {
    a: { en: 'the license address', zh: '营业执照住所' },
    b: { en: 'the declared office address', zh: '填写的办公地址' },
  });
  return warn(
    `The declared office address differs from the license address (${summary.en}); the platform refuses offices more than 500 m away, which cannot be measured offline.`,
    `填写的办公地址与营业执照住所不同（${summary.zh}）；平台拒绝相距超过500米的办公地址，离线无法测量，请自行核实。`,
    { values, diff, subjects },
  );
};
