// What the platform's reviewer sees in the images (spec §3): the required fields are
// legible (files.legible), the bank form carries its seal (bank.seal), and each image is
// fit to send (files.quality). They read the image analysis the reader added to each
// document (src/core/image): `quality` and `seal`.
import type { DocumentKind } from '../documents';
import type { ExtractedDocument } from '../extraction';
import { validateIdNumber } from '../codes/id-number';
import { validateUscc } from '../codes/uscc';
import { placeDoubt } from '../extract/places';
import { cutShort, neverValue, typeOf } from '../extract/value-types';
import { imageFieldLabel } from '../image/labels';
import { type Check, type CheckContext, fail, KIND_NAMES, pass, skip, warn } from './result';

/**
 * The fields the platform asks to see clearly: the license's credit code, business scope
 * and validity term, every field of both ID sides, the bank's full name and the account
 * number.
 */
export const LEGIBLE_FIELDS: Readonly<Record<DocumentKind, readonly string[]>> = {
  'business-license': ['creditCode', 'businessScope', 'validUntil'],
  'id-card-front': ['name', 'sex', 'ethnicity', 'birthDate', 'address', 'idNumber'],
  'id-card-back': ['issuingAuthority', 'validFrom', 'validUntil'],
  'bank-permit': ['bankName', 'accountNumber'],
};

/** The document of each kind the comparisons use, as read (confidence and image analysis). */
function readDocumentOf(ctx: CheckContext, kind: DocumentKind): ExtractedDocument | undefined {
  const file = ctx.docs.byKind[kind]?.file;
  return ctx.input.documents.find((d) => d.kind === kind && d.file === file && !d.error);
}

function isConfirmed(ctx: CheckContext, kind: DocumentKind, field: string): boolean {
  return typeof ctx.input.confirmed[kind]?.[field] === 'string';
}

const RESCAN: Record<DocumentKind, { en: string; zh: string }> = {
  'business-license': {
    en: 'scan the license again at 200 dpi or more',
    zh: '请以 200 dpi 或以上重新扫描营业执照',
  },
  'id-card-front': {
    en: 'scan the ID card again at 300 dpi or more',
    zh: '请以 300 dpi 或以上重新扫描身份证',
  },
  'id-card-back': {
    en: 'scan the ID card again at 300 dpi or more',
    zh: '请以 300 dpi 或以上重新扫描身份证',
  },
  'bank-permit': {
    en: 'scan the bank form again at 200 dpi or more',
    zh: '请以 200 dpi 或以上重新扫描开户许可证',
  },
};

/**
 * How surely a field's value was read, as files.legible compares it with the rule pack's
 * floor: the characters' own confidence where the reader measured it (fieldTextConfidence:
 * the field's letters, digits and ideographs, not its label or punctuation), else the
 * extraction's. A value independent evidence confirms (`corroborated`: a checksum, the ID
 * number's birth date) is legible at the confidence that evidence earned it, however
 * unsure the OCR was of a single character. Characters that are not a whole value of the
 * field's type, or a value that shows it was misread (misread: a checksum that fails, a
 * place that names none), are not legible, however sure (NOT_A_VALUE_CONFIDENCE).
 */
export function legibilityConfidence(doc: ExtractedDocument, field: string): number | undefined {
  const text = doc.quality?.textConfidence?.[field];
  const read = doc.confidence[field];
  const value = doc.fields[field];
  // Sure characters of something that is not the field's value (分局 for an issuing
  // authority: a piece of one), or of a part of it (a scope stopped where a seal covered
  // it), are no legible value: the characters' confidence stands only for a whole value.
  if (
    typeof value === 'string' &&
    (!wholeValueOfItsType(field, value) || misread(field, value) !== null)
  )
    return Math.min(text ?? 1, read ?? 1, NOT_A_VALUE_CONFIDENCE);
  if (doc.corroborated?.[field] !== undefined && read !== undefined)
    return Math.max(text ?? 0, read);
  return text ?? read;
}

/**
 * Whether the value itself shows it was misread, whatever the OCR's confidence in its
 * characters (the average of a long value hides one wrong character: a credit code read at
 * 0.95 whose check character fails): a credit code or an ID number whose check character
 * does not hold (GB 32100-2015, GB 11643-1999: what the checksum judges, as a valid one
 * corroborates), an address or an issuing authority whose province, city or district names
 * no place (温圳市, 漏圳市公安局: places.ts, the closed list of places).
 */
export function misread(field: string, value: string): { en: string; zh: string } | null {
  const checksum = { en: 'its check character does not hold', zh: '校验位不符' };
  if (field === 'creditCode') return validateUscc(value).valid ? null : checksum;
  if (field === 'idNumber') return validateIdNumber(value).valid ? null : checksum;
  if ((field === 'address' || field === 'issuingAuthority') && placeDoubt(field, value, null))
    return { en: 'it names a place that is none', zh: '其中的地名并不存在' };
  return null;
}

/** The legibility of characters that are not a whole value of the field's type. */
export const NOT_A_VALUE_CONFIDENCE = 0.5;

/** Whether a value is a whole value of its field's type (not a piece, a label, a notice). */
export function wholeValueOfItsType(field: string, value: string): boolean {
  return (
    typeOf(field).valid(value) &&
    neverValue(field, value) === null &&
    cutShort(field, value) === null
  );
}

export const filesLegible: Check = (ctx) => {
  const { minConfidence, minDpiA4, minIdWidthPx } = ctx.pack.legibility;
  const unreadable: { en: string; zh: string; kind: DocumentKind; field: string }[] = [];
  const lowResolution: { en: string; zh: string; kind: DocumentKind }[] = [];
  let seen = 0;
  for (const kind of Object.keys(LEGIBLE_FIELDS) as DocumentKind[]) {
    const doc = readDocumentOf(ctx, kind);
    // Legibility is a property of an image the reader looked at; a document given as
    // values alone (a test, an old record) has none to judge, and a PDF's text layer is
    // what is printed (a field absent there is for the checks that need it to say).
    if (doc?.quality === undefined || !doc.quality.raster) continue;
    seen++;
    const docName = KIND_NAMES[kind];
    const rescan = RESCAN[kind];
    for (const field of LEGIBLE_FIELDS[kind]) {
      if (isConfirmed(ctx, kind, field)) continue;
      const value = doc.fields[field];
      const confidence = legibilityConfidence(doc, field);
      const label = imageFieldLabel(field);
      if (value === null || value === undefined || value.trim() === '') {
        unreadable.push({
          en: `the ${label.en} on the ${docName.en} could not be read: ${rescan.en}, or enter it against the image`,
          zh: `${docName.zh}上的${label.zh}无法读取：${rescan.zh}，或对照图像录入`,
          kind,
          field,
        });
      } else if (misread(field, value) !== null) {
        const why = misread(field, value)!;
        unreadable.push({
          en: `the ${label.en} on the ${docName.en} was misread as ${value} (${why.en}): ${rescan.en}, or confirm it against the image`,
          zh: `${docName.zh}上的${label.zh}识别为“${value}”，有误（${why.zh}）：${rescan.zh}，或对照图像确认`,
          kind,
          field,
        });
      } else if (confidence !== undefined && confidence < minConfidence) {
        const pct = Math.round(confidence * 100);
        const floor = Math.round(minConfidence * 100);
        unreadable.push({
          en: `the ${label.en} on the ${docName.en} was read with ${pct}% confidence, below ${floor}%: ${rescan.en}, or confirm it against the image`,
          zh: `${docName.zh}上的${label.zh}识别置信度为 ${pct}%，低于 ${floor}%：${rescan.zh}，或对照图像确认`,
          kind,
          field,
        });
      }
    }
    const q = doc.quality;
    if (q?.dpi !== undefined && q.dpi < minDpiA4) {
      lowResolution.push({
        en: `the ${docName.en} is ${q.dpi} dpi, below ${minDpiA4} dpi: ${rescan.en}`,
        zh: `${docName.zh}分辨率为 ${q.dpi} dpi，低于 ${minDpiA4} dpi：${rescan.zh}`,
        kind,
      });
    } else if (q?.widthPx !== undefined && q.widthPx < minIdWidthPx) {
      lowResolution.push({
        en: `the ${docName.en} is ${q.widthPx} px wide, below ${minIdWidthPx} px: ${rescan.en}`,
        zh: `${docName.zh}宽 ${q.widthPx} 像素，低于 ${minIdWidthPx} 像素：${rescan.zh}`,
        kind,
      });
    }
  }
  if (seen === 0) {
    return skip(
      'Skipped: no scanned or photographed document to judge.',
      '已跳过：没有需要判断的扫描件或照片。',
    );
  }
  if (unreadable.length > 0) {
    return fail(
      `Not legible: ${unreadable.map((u) => u.en).join('; ')}.`,
      `无法清晰辨认：${unreadable.map((u) => u.zh).join('；')}。`,
      { subjects: unreadable.map(({ kind, field }) => ({ kind, field })) },
    );
  }
  if (lowResolution.length > 0) {
    return warn(
      `Legible, but ${lowResolution.map((l) => l.en).join('; ')}.`,
      `可以辨认，但${lowResolution.map((l) => l.zh).join('；')}。`,
      { subjects: lowResolution.map(({ kind }) => ({ kind, field: 'image' })) },
    );
  }
  return pass(
    `The required fields were read with at least ${Math.round(minConfidence * 100)}% confidence or confirmed, at a sufficient resolution.`,
    `要求的字段识别置信度均不低于 ${Math.round(minConfidence * 100)}% 或已确认，分辨率足够。`,
  );
};

export const bankSeal: Check = (ctx) => {
  const subjects = [{ kind: 'bank-permit', field: 'seal' }];
  const doc = readDocumentOf(ctx, 'bank-permit');
  if (doc === undefined) {
    return skip(
      'Skipped: there is no bank account form in the dossier.',
      '已跳过：材料中没有开户许可证或基本存款账户信息。',
      { subjects },
    );
  }
  if (ctx.input.confirmed['bank-permit']?.seal === true) {
    return pass(
      "A person confirmed the bank's seal against the image.",
      '已对照图像人工确认银行印章。',
      { subjects },
    );
  }
  const seal = doc.seal;
  if (seal === undefined) {
    return skip(
      "Skipped: the bank form's image was not analysed here; confirm the seal against the image.",
      '已跳过：此处未分析开户许可证图像；请对照图像确认印章。',
      { subjects },
    );
  }
  if (seal.found) {
    return pass(
      `The bank form carries a red seal (${seal.boxes.length} found).`,
      `开户许可证上有红色印章（找到 ${seal.boxes.length} 枚）。`,
      { subjects },
    );
  }
  if (seal.colour === 'greyscale') {
    return warn(
      'The bank form is a greyscale copy, where a seal cannot be told by its colour: confirm the seal against the image.',
      '开户许可证为黑白复印件，无法按颜色识别印章：请对照图像确认印章。',
      { subjects },
    );
  }
  return fail(
    "No red seal was found on the bank form, which must show the bank's official seal: scan the stamped original, or confirm the seal against the image.",
    '开户许可证上未找到红色印章，而平台要求显示银行公章：请扫描盖章的原件，或对照图像确认印章。',
    { subjects },
  );
};

export const filesQuality: Check = (ctx) => {
  const analysed = ctx.docs.documents
    .map((d) => readDocumentOf(ctx, d.kind))
    .filter((d, i, all): d is ExtractedDocument => d !== undefined && all.indexOf(d) === i)
    .filter((d) => d.quality?.raster === true);
  if (analysed.length === 0) {
    return skip(
      'Skipped: no scanned or photographed image to look at.',
      '已跳过：没有扫描件或照片需要检查。',
    );
  }
  const problems = analysed.filter((d) => (d.quality?.flags.length ?? 0) > 0);
  if (problems.length === 0) {
    return pass(
      'Every image is sharp, complete and free of glare.',
      '所有图像清晰、完整、无反光。',
    );
  }
  const list = (lang: 'en' | 'zh'): string =>
    problems
      .map((d) => {
        const flags = [...new Set(d.quality!.flags.map((f) => f.flag))].join(', ');
        // A file holding several documents: which of them.
        const part =
          d.page === undefined || d.kind === 'unknown' ? '' : ` ${KIND_NAMES[d.kind][lang]}`;
        return lang === 'en' ? `${d.file}${part} (${flags})` : `${d.file}${part}（${flags}）`;
      })
      .join(lang === 'en' ? '; ' : '；');
  const first = problems[0]!.quality!.flags[0]!;
  return warn(
    `Some images may be refused: ${list('en')}. ${first.reason}`,
    `部分图像可能被拒：${list('zh')}。${first.reasonZh}`,
    {
      subjects: problems.flatMap((d) =>
        d.kind === 'unknown'
          ? []
          : d.quality!.flags.map((f) => ({ kind: d.kind, field: f.field ?? 'image' })),
      ),
    },
  );
};
