// Checks that compare one field on two documents character for character (spec §3).
import type { DocumentKind } from '../documents';
import { diffChars, summariseDiff } from '../diff';
import { foldWidth } from '../text/width';
import { fieldOf } from './context';
import { doubtedLookAlikes } from './name-lookalikes';
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
import { NOT_READ_REASON, type DiffEntry, type DiffKind } from './types';

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
    // Equal as read, but one side's OCR doubted a character and saw a measured look-alike
    // there (余 with 佘 behind it): the pages may differ where the readings cannot.
    const lookAlikes = [
      ...doubtedLookAlikes(docA, a.field, va).map((d) => ({ ...d, what: nameA })),
      ...doubtedLookAlikes(docB, b.field, vb).map((d) => ({ ...d, what: nameB })),
    ];
    if (lookAlikes.length > 0) {
      const en = lookAlikes
        .map((d) => `${d.read} at position ${d.at + 1} of ${d.what.en} may be ${d.other}`)
        .join('; ');
      const zh = lookAlikes
        .map((d) => `${d.what.zh}第${d.at + 1}个字“${d.read}”可能为“${d.other}”`)
        .join('；');
      return warn(
        `${sentence(nameA.en)} and ${nameB.en} match as read, but the OCR was unsure of a character it reads for a look-alike (${en}): confirm against the image.`,
        `${nameA.zh}与${nameB.zh}识别结果一致，但有识别把握不足、易与形近字混淆的字（${zh}）：请对照原图确认。`,
        { values, diff, subjects },
      );
    }
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
  // A value the OCR read as no whole value of its type (李 for a name, 李α) is a reading
  // that failed, not one that differs (spec §3): "not read", linking it, both values shown.
  const failed = [
    { side: a, doc: docA, value: va },
    { side: b, doc: docB, value: vb },
  ].filter(
    ({ side, doc, value }) =>
      doc.ocr && !confirmedByPerson(ctx, side) && !wholeValueOfItsType(side.field, value),
  );
  if (failed.length > 0) return failedReadings(failed, { values, diff, subjects });
  const summary = summariseDiff(diff, { a: nameA, b: nameB });
  const settledByImage = (d: DiffEntry): boolean => unconfirmed && IMAGE_DECIDES.has(d.kind);
  const doubts = doubtedDifferences(diff, docA.doubted.get(a.field), docB.doubted.get(b.field));
  // A place where the reader proposes the other document's character (a look-alike PP-OCR
  // is measured to read for it, 或 for 彧, read at 0.99) is as doubtful as a glyph read unsurely.
  const proposedA = docA.proposed.get(a.field) ?? [];
  const proposedB = docB.proposed.get(b.field) ?? [];
  const proposals = proposedDifferences(diff, va, vb, proposedA, proposedB);
  const unsure = doubts.map((d, i) => d || proposals[i]!);
  // It still fails (spec §3: a dossier never turns ready on a reading that failed): the
  // page may print the difference. The reason says so, names the reading proposed, and a
  // person's confirmation of the value drops its doubts.
  if (unsure.some(Boolean) && diff.every((d, i) => settledByImage(d) || unsure[i])) {
    // What to confirm: the reading a document's reader proposes, else the other
    // document's value for the one whose doubted places hold every difference.
    const allIn = (places: boolean[]): boolean =>
      diff.every((d, i) => settledByImage(d) || places[i]);
    const proposal =
      proposedA.includes(vb) ||
      allIn(doubtedDifferences(diff, docA.doubted.get(a.field), undefined))
        ? { what: nameA, value: vb }
        : proposedB.includes(va) ||
            allIn(doubtedDifferences(diff, undefined, docB.doubted.get(b.field)))
          ? { what: nameB, value: va }
          : null;
    return fail(
      `${sentence(nameA.en)} and ${nameB.en} differ as read only where the OCR was unsure of a character (${summary.en}): confirm against the image${proposal ? `; proposed for ${proposal.what.en}: ${proposal.value}` : ''}.`,
      `${nameA.zh}与${nameB.zh}识别结果仅在识别把握不足的字上不同（${summary.zh}）：请对照原图确认${proposal ? `；${proposal.what.zh}建议为“${proposal.value}”` : ''}。`,
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

/**
 * Per difference (in diff's order), whether a reading proposes the other value's character
 * there: a proposal of a (of a's length) holding b's character at its place, or of b
 * holding a's; a proposal that is the other value whole covers every difference.
 */
export function proposedDifferences(
  diff: readonly DiffEntry[],
  a: string,
  b: string,
  ofA: readonly string[],
  ofB: readonly string[],
): boolean[] {
  if (ofA.includes(b) || ofB.includes(a)) return diff.map(() => true);
  const holds = (proposals: readonly string[], length: number, at: number, ch: string): boolean =>
    proposals.some((p) => {
      const chars = [...p];
      return chars.length === length && chars[at] === ch;
    });
  const lengthA = [...a].length;
  const lengthB = [...b].length;
  let shift = 0;
  return diff.map((d) => {
    const atB = d.at + shift;
    if (d.a === '') shift++;
    else if (d.b === '') shift--;
    if (d.a === '' || d.b === '') return false;
    return holds(ofA, lengthA, d.at, d.b) || holds(ofB, lengthB, atB, d.a);
  });
}

function confirmedByPerson(ctx: CheckContext, side: Side): boolean {
  return typeof ctx.input.confirmed[side.kind]?.[side.field] === 'string';
}

/** A comparison whose values were read by OCR as no whole value of their type: not read. */
function failedReadings(
  failed: readonly { side: Side; doc: { key: string }; value: string }[],
  extra: { values: string[]; diff: DiffEntry[]; subjects: Side[] },
): CheckOutcome {
  const what = failed.map(({ side, value }) => ({
    ...describeField(side.kind, side.field),
    value,
  }));
  return fail(
    `${sentence(NOT_READ_REASON.en)} — ${what.map((w) => `${w.en}, read as ${w.value}, which is no whole value`).join('; ')}.`,
    `${NOT_READ_REASON.zh}——${what.map((w) => `${w.zh}识别为“${w.value}”，不是完整的值`).join('；')}。`,
    {
      ...extra,
      notRead: failed.map(({ side, doc }) => ({
        kind: side.kind,
        field: side.field,
        file: doc.key,
      })),
    },
  );
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
