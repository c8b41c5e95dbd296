// Checks of the dossier's documents as a whole: completeness, file formats, bank details.
import { DOCUMENT_KINDS } from '../documents';
import { fieldOf } from './context';
import { type Check, fail, KIND_NAMES, missingValue, pass, skip, warn } from './result';
import { NOT_READ_REASON } from './types';

export const docsComplete: Check = (ctx) => {
  // Two documents of one kind (two licenses, an old and a new ID card): never pick one.
  const doubled = DOCUMENT_KINDS.flatMap((kind) => {
    const docs = ctx.docs.claimants[kind];
    return docs === undefined ? [] : [{ kind, files: docs.map((d) => d.key) }];
  });
  const missing = DOCUMENT_KINDS.filter(
    (kind) => ctx.docs.byKind[kind] === undefined && ctx.docs.claimants[kind] === undefined,
  );
  if (doubled.length > 0) {
    const en = doubled.map((d) => `${d.files.join(' and ')} are each a ${KIND_NAMES[d.kind].en}`);
    const zh = doubled.map((d) => `${d.files.join('和')}都是${KIND_NAMES[d.kind].zh}`);
    const lacks =
      missing.length === 0
        ? { en: '', zh: '' }
        : {
            en: ` The dossier also lacks: ${missing.map((k) => KIND_NAMES[k].en).join(', ')}.`,
            zh: `材料还缺少：${missing.map((k) => KIND_NAMES[k].zh).join('、')}。`,
          };
    return fail(
      `More than one document claims one kind: ${en.join('; ')}; set aside the one that does not belong.${lacks.en}`,
      `同一种材料有多份：${zh.join('；')}；请搁置不属于本材料的那一份。${lacks.zh}`,
      {
        values: doubled.flatMap((d) => d.files),
        claimants: doubled,
        subjects: doubled.map((d) => ({ kind: d.kind, field: 'document' })),
      },
    );
  }
  if (missing.length > 0) {
    return fail(
      `The dossier lacks: ${missing.map((k) => KIND_NAMES[k].en).join(', ')}.`,
      `材料缺少：${missing.map((k) => KIND_NAMES[k].zh).join('、')}。`,
      { values: [...missing] },
    );
  }
  return pass(
    'The dossier has the business license, both sides of the ID card and the bank account form.',
    '材料齐全：营业执照、身份证正反面、开户许可证或基本存款账户信息。',
  );
};

const formatLabel: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG' };

export const filesFormat: Check = (ctx) => {
  const files = ctx.input.files;
  const subjects = [{ kind: 'dossier', field: 'files' }];
  if (files.length === 0) {
    return skip('Skipped: no files to export were given.', '已跳过：没有待导出的文件。', {
      subjects,
    });
  }
  const { formats, maxBytes } = ctx.pack.files;
  const allowed: readonly string[] = formats;
  const labels = formats.map((f) => formatLabel[f] ?? f);
  const allowedLabel = labels.join(' or ');
  const allowedLabelZh = labels.join('或');
  const maxMb = (maxBytes / 1024 / 1024).toFixed(0);
  // Images in another format and oversized files are what the export converts and
  // recompresses (and records); only a file that is no image or PDF at all cannot be
  // exported. The pack re-runs this check on the files it actually writes.
  const refused: string[] = [];
  const refusedZh: string[] = [];
  const converted: string[] = [];
  const convertedZh: string[] = [];
  for (const f of files) {
    const mb = (f.bytes / 1024 / 1024).toFixed(1);
    if (!allowed.includes(f.mime) && !f.mime.startsWith('image/')) {
      refused.push(`${f.file} (${f.mime}) is neither a PDF nor an image`);
      refusedZh.push(`${f.file}（${f.mime}）既不是PDF也不是图片`);
    } else if (!allowed.includes(f.mime)) {
      converted.push(`${f.file} (${f.mime}) will be converted to JPG`);
      convertedZh.push(`${f.file}（${f.mime}）将转换为JPG`);
    } else if (f.bytes > maxBytes) {
      converted.push(`${f.file} (${mb} MB, over ${maxMb} MB) will be recompressed`);
      convertedZh.push(`${f.file}（${mb} MB，超过${maxMb} MB）将被压缩`);
    }
  }
  if (refused.length > 0) {
    return fail(
      `Some files cannot be exported: ${refused.join('; ')}.`,
      `部分文件无法导出：${refusedZh.join('；')}。`,
      { values: files.map((f) => f.file), subjects },
    );
  }
  if (converted.length > 0) {
    return warn(
      `Not uploadable as they are, the export will fix them: ${converted.join('; ')}.`,
      `部分文件不能直接上传，导出时会处理：${convertedZh.join('；')}。`,
      { values: files.map((f) => f.file), subjects },
    );
  }
  return pass(
    `All ${files.length} files are ${allowedLabel} and at most ${maxMb} MB.`,
    `全部${files.length}个文件均为${allowedLabelZh}格式且不超过${maxMb} MB。`,
    { subjects },
  );
};

/** A bank's full name names the bank (银行, 信用社) and, usually, the branch. */
const BANK_WORD = /银行|信用社|信用合作联社/u;
const BRANCH_WORD = /支行|分行|营业部|分理处|储蓄所|分社/u;
const MIN_FULL_NAME_LENGTH = 6;

export const bankDetails: Check = (ctx) => {
  const bank = ctx.docs.byKind['bank-permit'];
  const subjects = [
    { kind: 'bank-permit', field: 'bankName' },
    { kind: 'bank-permit', field: 'accountNumber' },
  ];
  if (bank === undefined) return missingValue('bank-permit', 'bankName', ctx, subjects);
  const bankName = fieldOf(bank, 'bankName');
  const accountNumber = fieldOf(bank, 'accountNumber');
  const values = [bankName, accountNumber];
  const problems: string[] = [];
  const problemsZh: string[] = [];
  const notRead: { kind: string; field: string; file: string }[] = [];
  if (bankName === null) {
    problems.push(`the bank name was ${NOT_READ_REASON.en}`);
    problemsZh.push(`开户银行${NOT_READ_REASON.zh}`);
    notRead.push({ kind: 'bank-permit', field: 'bankName', file: bank.key });
  } else if (
    !BANK_WORD.test(bankName) ||
    (!BRANCH_WORD.test(bankName) && [...bankName].length < MIN_FULL_NAME_LENGTH)
  ) {
    problems.push(`"${bankName}" does not look like a bank's full name`);
    problemsZh.push(`“${bankName}”不像开户银行全称`);
  }
  const digits = accountNumber?.replace(/[\s-]/gu, '') ?? null;
  if (digits === null) {
    problems.push(`the account number was ${NOT_READ_REASON.en}`);
    problemsZh.push(`账号${NOT_READ_REASON.zh}`);
    notRead.push({ kind: 'bank-permit', field: 'accountNumber', file: bank.key });
  } else if (!/^\d{6,32}$/.test(digits)) {
    problems.push(`the account number "${accountNumber ?? ''}" is not made of digits`);
    problemsZh.push(`账号“${accountNumber ?? ''}”不是纯数字`);
  }
  if (problems.length > 0) {
    return fail(
      `The bank form's details are incomplete: ${problems.join('; ')}.`,
      `银行开户信息不完整：${problemsZh.join('；')}。`,
      { values, subjects, ...(notRead.length > 0 ? { notRead } : {}) },
    );
  }
  return pass(
    "The bank form shows the bank's full name and the account number.",
    '开户信息显示开户银行全称和账号。',
    { values, subjects },
  );
};
