// Checks of the credit code and the ID number (spec §3, algorithms §6).
import { proposeIdNumberCorrections, proposeUsccCorrections } from '../codes/correct';
import { validateIdNumber } from '../codes/id-number';
import { validateUscc } from '../codes/uscc';
import { diffChars, summariseDiff } from '../diff';
import { fieldOf, type EffectiveDocument } from './context';
import {
  type Check,
  type CheckContext,
  fail,
  KIND_NAMES,
  missingValue,
  pass,
  skip,
} from './result';

interface PrintedCode {
  doc: EffectiveDocument;
  code: string;
}

/** Every credit code printed in the dossier, license first. */
function printedCreditCodes(ctx: CheckContext): PrintedCode[] {
  const codes: PrintedCode[] = [];
  for (const doc of ctx.docs.documents) {
    const code = fieldOf(doc, 'creditCode');
    if (code !== null) codes.push({ doc, code });
  }
  return codes.sort(
    (a, b) => Number(b.doc.kind === 'business-license') - Number(a.doc.kind === 'business-license'),
  );
}

/**
 * No credit code was read anywhere: the license's is the one it needs (skip only when
 * there is no license at all; a license whose code was not read fails "not read").
 */
const noCreditCode = (ctx: CheckContext) => missingValue('business-license', 'creditCode', ctx);

export const creditCodeChecksum: Check = (ctx) => {
  const codes = printedCreditCodes(ctx);
  if (codes.length === 0) return noCreditCode(ctx);
  const subjects = codes.map((c) => ({ kind: c.doc.kind, field: 'creditCode' }));
  const values = codes.map((c) => c.code);
  for (const { doc, code } of codes) {
    const result = validateUscc(code);
    if (result.valid) continue;
    const where = KIND_NAMES[doc.kind];
    const proposal = proposeUsccCorrections(code).corrections[0];
    const hint = proposal
      ? ` Reading it as ${proposal.to} would make it valid: check the image.`
      : '';
    const hintZh = proposal ? `若读作 ${proposal.to} 则校验通过：请对照原图。` : '';
    return fail(
      `The credit code ${code} on the ${where.en} is not valid: ${result.problems.join(' ')}${hint}`,
      `${where.zh}上的统一社会信用代码 ${code} 不符合 GB 32100-2015 校验规则。${hintZh}`,
      { values, subjects },
    );
  }
  return pass(
    `Every credit code (${codes.length}) has 18 valid characters and a correct check character.`,
    `全部统一社会信用代码（${codes.length}个）均为18位且校验码正确。`,
    { values, subjects },
  );
};

export const creditCodeEligible: Check = (ctx) => {
  const first = printedCreditCodes(ctx)[0];
  if (first === undefined) return noCreditCode(ctx);
  const { code, doc } = first;
  const category = code.slice(0, 2);
  const values = [code];
  const subjects = [{ kind: doc.kind, field: 'creditCode' }];
  const ineligible = ctx.pack.ineligibleCreditCodeCategories.find((c) => code.startsWith(c.prefix));
  if (ineligible) {
    return fail(
      `The credit code starts with ${category}: ${ineligible.en}.`,
      `统一社会信用代码以 ${category} 开头：${ineligible.zh}。`,
      { values, subjects },
    );
  }
  if (!ctx.pack.eligibleCreditCodeCategories.includes(category)) {
    return fail(
      `The credit code's category ${category} is not one that ${ctx.pack.platform} lets link accounts.`,
      `统一社会信用代码的类别 ${category} 不在${ctx.pack.name.zh}允许的主体类别之内。`,
      { values, subjects },
    );
  }
  const name = validateUscc(code).categoryName;
  return pass(
    `The credit code's category ${category}${name ? ` (${name})` : ''} may link accounts.`,
    `统一社会信用代码类别 ${category} 可以关联账户。`,
    { values, subjects },
  );
};

export const creditCodeConsistent: Check = (ctx) => {
  const codes = printedCreditCodes(ctx);
  const subjects = codes.map((c) => ({ kind: c.doc.kind, field: 'creditCode' }));
  const values = codes.map((c) => c.code);
  // The license always prints its code: one not read leaves nothing to compare it with.
  const license = ctx.docs.byKind['business-license'];
  if (license !== undefined && fieldOf(license, 'creditCode') === null && codes.length > 0) {
    return missingValue('business-license', 'creditCode', ctx, subjects);
  }
  if (codes.length < 2) {
    return skip(
      'Skipped: fewer than two documents print a credit code, so there is nothing to compare.',
      '已跳过：印有统一社会信用代码的材料少于两份，无从比较。',
      { values, subjects },
    );
  }
  const [reference, ...others] = codes;
  if (reference === undefined)
    return skip('Skipped: no credit code.', '已跳过：无统一社会信用代码。');
  const differing = others.find((c) => c.code !== reference.code);
  if (differing === undefined) {
    return pass(
      `The credit code is identical on all ${codes.length} documents that print it.`,
      `全部${codes.length}份材料上的统一社会信用代码一致。`,
      { values, subjects },
    );
  }
  const a = KIND_NAMES[reference.doc.kind];
  const b = KIND_NAMES[differing.doc.kind];
  const diff = diffChars(reference.code, differing.code);
  const summary = summariseDiff(diff, {
    a: { en: `the ${a.en}'s code`, zh: `${a.zh}上的代码` },
    b: { en: `the ${b.en}'s code`, zh: `${b.zh}上的代码` },
  });
  return fail(
    `The credit code on the ${a.en} (${reference.code}) differs from the one on the ${b.en} (${differing.code}): ${summary.en}.`,
    `${a.zh}上的统一社会信用代码（${reference.code}）与${b.zh}上的（${differing.code}）不一致：${summary.zh}。`,
    {
      values: [reference.code, differing.code],
      diff,
      subjects: [
        subjects[0] ?? { kind: reference.doc.kind, field: 'creditCode' },
        { kind: differing.doc.kind, field: 'creditCode' },
      ],
    },
  );
};

export const idChecksum: Check = (ctx) => {
  const front = ctx.docs.byKind['id-card-front'];
  const id = fieldOf(front, 'idNumber');
  const birthDate = fieldOf(front, 'birthDate');
  const subjects = [
    { kind: 'id-card-front', field: 'idNumber' },
    { kind: 'id-card-front', field: 'birthDate' },
  ];
  if (id === null) return missingValue('id-card-front', 'idNumber', ctx, subjects);
  const values = [id, birthDate];
  const result = validateIdNumber(id, birthDate, ctx.today);
  if (!result.valid) {
    const proposal = proposeIdNumberCorrections(id, 'idNumber', birthDate).corrections[0];
    const hint = proposal
      ? ` Reading it as ${proposal.to} would make it valid: check the image.`
      : '';
    const hintZh = proposal ? `若读作 ${proposal.to} 则校验通过：请对照原图。` : '';
    return fail(
      `The ID number ${id} is not valid: ${result.problems.join(' ')}${hint}`,
      `公民身份号码 ${id} 不符合 GB 11643-1999 校验规则或与出生日期不符。${hintZh}`,
      { values, subjects },
    );
  }
  // The number's birth date must equal the card's: a card date not read cannot be compared.
  if (birthDate === null) return missingValue('id-card-front', 'birthDate', ctx, subjects);
  return pass(
    "The ID number has a valid check digit and its birth date equals the card's.",
    '公民身份号码校验码正确，且出生日期与身份证一致。',
    { values, subjects },
  );
};
