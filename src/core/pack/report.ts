// report.pdf: a cover page (company, verdict, checks, accounts, a FORCED banner when the
// export was forced) and one page per document with its thumbnail and confirmed fields.
// The CJK font is embedded as a subset so that the report renders on any machine.
import { PDFDocument, rgb, type RGB } from 'pdf-lib';
import type { CheckResult, Verdict } from '../checks/types';
import { CHECK_NAMES } from '../checks/names';
import { DATE_FIELDS, type DetectedKind } from '../documents';
import { fieldLabel, KIND_LABELS } from '../labels';
import type { Account } from '../dossier';
import { FLAG_NAMES, SEAL_ROLE_NAMES, type DocumentQuality, type SealReport } from '../image';
import type { ImageCodec } from './image-codec';
import { reencodePdfJpegs } from './pdf-images';
import type { ReportFont } from './report-font';
import { printedFields } from '../printed-fields';
import { contentWidth, GREY, INK, PAGE, RULE, STATUS, Writer } from './report-writer';
import { localTimeZh, statedOffsetMinutes, valueZh } from './report-text';

export interface ReportDocument {
  /** Entry name in the pack. */
  file: string;
  kind: DetectedKind;
  sourceName: string;
  fields: Record<
    string,
    { value: string | null; source: 'confirmed' | 'extracted'; confirmedBy?: string }
  >;
  /** What normalisation changed, one line. */
  summary?: string;
  sha256: string;
  /** A small JPEG of the document, or the exported PDF itself (its first page is drawn). */
  preview: { type: 'jpeg'; bytes: Uint8Array } | { type: 'pdf'; bytes: Uint8Array } | null;
  /** The image analysis as read (issue 16): its quality flags and the seals found. */
  quality?: DocumentQuality;
  seal?: SealReport;
}

export interface ReportInput {
  company: { name: string | null; creditCode: string | null };
  verdict: Verdict;
  forced: boolean;
  today: string;
  createdAt: string;
  app: { name: string; version: string };
  rulePack: { id: string; version: string; name: string };
  checks: readonly CheckResult[];
  accounts: readonly Account[];
  documents: readonly ReportDocument[];
  watermarkText: string | null;
  /** Who signs the pack's manifest; null for an unsigned pack. */
  signer?: { name: string; fingerprint: string } | null;
}

function drawCover(w: Writer, input: ReportInput): void {
  const { company, verdict, forced } = input;
  // Every time is shown on the clock of the place the pack was made.
  const offset = statedOffsetMinutes(input.createdAt) ?? 0;
  w.text('企业资料包核验报告 · Dossier pack report', { size: 11, color: GREY, gap: 4 });
  w.text(company.name ?? '（未读到企业名称 / company name not read）', { size: 20, gap: 2 });
  w.text(`统一社会信用代码 Credit code: ${company.creditCode ?? '—'}`, { size: 10, gap: 8 });

  if (forced) {
    const height = 46;
    w.ensure(height + 8);
    w.page.drawRectangle({
      x: PAGE.margin,
      y: w.y - height,
      width: contentWidth,
      height,
      color: rgb(0.78, 0.05, 0.05),
    });
    w.page.drawText('强制导出 FORCED EXPORT', {
      x: PAGE.margin + 12,
      y: w.y - 20,
      size: 15,
      font: w.font,
      color: rgb(1, 1, 1),
    });
    w.page.drawText(
      '此资料包未通过核验，仍被导出 · This dossier failed its checks and was exported anyway.',
      {
        x: PAGE.margin + 12,
        y: w.y - 37,
        size: 9,
        font: w.font,
        color: rgb(1, 1, 1),
      },
    );
    w.y -= height + 10;
  }

  const verdictLabel: Record<Verdict, { text: string; color: RGB }> = {
    ready: { text: '可提交 READY — 所有检查均未失败 / no check failed', color: STATUS.pass.color },
    blocked: {
      text: '未通过 BLOCKED — 有检查失败 / at least one check failed',
      color: STATUS.fail.color,
    },
  };
  w.text(`结论 Verdict: ${verdictLabel[verdict].text}`, {
    size: 12,
    color: verdictLabel[verdict].color,
    gap: 4,
  });
  w.text(
    `核验日期 Reference date: ${valueZh(input.today)}    ` +
      `生成时间 Created: ${localTimeZh(input.createdAt, offset)}\n` +
      `规则包 Rule pack: ${input.rulePack.name} (${input.rulePack.id} ${input.rulePack.version})    ` +
      `${input.app.name} ${input.app.version}`,
    { size: 8.5, color: GREY, gap: 2 },
  );
  if (input.signer) {
    w.text(
      `签名 Signed by: ${input.signer.name}    密钥指纹 Key fingerprint: ${input.signer.fingerprint}\n` +
        `核验 Verify: dossier verify PACK.zip --trust ${input.signer.fingerprint} → "intact and signed by ${input.signer.name}"`,
      { size: 8.5, color: GREY, gap: 2 },
    );
  }
  if (input.watermarkText) {
    w.text(`用途水印 Purpose watermark: ${input.watermarkText}`, {
      size: 8.5,
      color: GREY,
      gap: 2,
    });
  }

  w.heading('检查结果 Checks');
  const cols = [60, 140, contentWidth - 200];
  w.row(
    [
      { text: '状态 Status', width: cols[0]!, color: GREY },
      { text: '检查 Check', width: cols[1]!, color: GREY },
      { text: '说明 Details', width: cols[2]!, color: GREY },
    ],
    2,
  );
  for (const check of input.checks) {
    const status = STATUS[check.status];
    const details = [check.messageZh, check.message];
    if (check.status !== 'pass' && check.values?.length) {
      details.push(`值 values: ${check.values.map(valueZh).join('  |  ')}`);
    }
    if (check.exception) {
      details.push(
        `已接受例外 accepted exception — ${check.exception.by}, ` +
          `${localTimeZh(check.exception.at, offset)}: ${check.exception.reason}`,
      );
    }
    w.row([
      { text: `${status.zh} ${status.en}`, width: cols[0]!, color: status.color },
      {
        text: `${CHECK_NAMES[check.id].zh}\n${CHECK_NAMES[check.id].en}`,
        width: cols[1]!,
        size: 8.5,
      },
      { text: details.join('\n'), width: cols[2]!, size: 8.5 },
    ]);
  }

  w.heading(`关联账户 Accounts (${input.accounts.length})`);
  if (input.accounts.length === 0) w.text('（无 none）', { color: GREY });
  const acols = [28, 170, 110, contentWidth - 308];
  for (const [i, a] of input.accounts.entries()) {
    w.row([
      { text: String(i + 1), width: acols[0]! },
      { text: a.store, width: acols[1]! },
      { text: a.phone, width: acols[2]! },
      { text: a.email, width: acols[3]! },
    ]);
  }

  w.heading('文件 Files');
  for (const d of input.documents) {
    w.text(`${d.file}  ←  ${d.sourceName}`, { size: 9 });
    if (d.summary) w.text(d.summary, { size: 8, color: GREY, x: PAGE.margin + 12 });
    const flags = [...new Set((d.quality?.flags ?? []).map((f) => f.flag))];
    if (flags.length > 0) {
      w.text(`图像问题 Image flags: ${flags.map((f) => `${FLAG_NAMES[f].zh} ${f}`).join('、')}`, {
        size: 8,
        color: STATUS.warn.color,
        x: PAGE.margin + 12,
      });
    }
    w.text(`SHA-256 ${d.sha256}`, { size: 7, color: GREY, x: PAGE.margin + 12, gap: 2 });
  }
  w.y -= 6;
  w.text(
    '材料无法反映的风险：登录设备或 IP 与其他公司的账户共用。 ' +
      'Not visible in documents: a login device or IP shared with another company’s account.',
    { size: 8, color: GREY },
  );
}

async function drawDocumentPage(doc: PDFDocument, w: Writer, d: ReportDocument): Promise<void> {
  w.newPage();
  const label = KIND_LABELS[d.kind];
  w.text(`${label.zh} · ${label.en}`, { size: 15, gap: 2 });
  w.text(`${d.file}  ←  ${d.sourceName}`, { size: 9, color: GREY, gap: 8 });

  const box = { width: contentWidth, height: 400 };
  if (d.preview) {
    try {
      let drawn: { width: number; height: number; draw: (x: number, y: number, s: number) => void };
      if (d.preview.type === 'jpeg') {
        const image = await doc.embedJpg(d.preview.bytes);
        drawn = {
          width: image.width,
          height: image.height,
          draw: (x, y, s) =>
            w.page.drawImage(image, { x, y, width: image.width * s, height: image.height * s }),
        };
      } else {
        const [embedded] = await doc.embedPdf(d.preview.bytes, [0]);
        if (!embedded) throw new Error('The PDF has no page.');
        drawn = {
          width: embedded.width,
          height: embedded.height,
          draw: (x, y, s) => w.page.drawPage(embedded, { x, y, xScale: s, yScale: s }),
        };
      }
      const scale = Math.min(box.width / drawn.width, box.height / drawn.height);
      const dw = drawn.width * scale;
      const dh = drawn.height * scale;
      const x = PAGE.margin + (box.width - dw) / 2;
      drawn.draw(x, w.y - dh, scale);
      w.page.drawRectangle({
        x,
        y: w.y - dh,
        width: dw,
        height: dh,
        borderColor: RULE,
        borderWidth: 0.6,
      });
      w.y -= dh + 12;
    } catch {
      w.text('（无法生成预览 / no preview could be drawn）', { color: GREY, gap: 8 });
    }
  }

  w.text('字段 Fields', { size: 11, gap: 2 });
  const cols = [130, contentWidth - 230, 100];
  // A field this design of bank form does not print (核准号 on a 基本存款账户信息) is left out.
  const printed = printedFields(d.kind, (f) => (d.fields[f]?.value ?? null) !== null);
  for (const [field, entry] of Object.entries(d.fields)) {
    if (entry.value === null && d.kind !== 'unknown' && !printed.includes(field)) continue;
    const source =
      entry.source === 'confirmed'
        ? `已确认 confirmed${entry.confirmedBy ? ` · ${entry.confirmedBy}` : ''}`
        : '识别 extracted';
    w.row([
      { text: `${fieldLabel(field).zh}\n${field}`, width: cols[0]!, size: 8.5 },
      {
        text: DATE_FIELDS.has(field) ? valueZh(entry.value) : (entry.value ?? '—'),
        width: cols[1]!,
      },
      {
        text: source,
        width: cols[2]!,
        size: 8,
        color: entry.source === 'confirmed' ? STATUS.pass.color : GREY,
      },
    ]);
  }
  if (d.summary) w.text(d.summary, { size: 8, color: GREY });
  drawImageFindings(w, d);
}

/** The image's quality flags (each with its reason) and its seals, below its fields. */
function drawImageFindings(w: Writer, d: ReportDocument): void {
  if (d.quality === undefined && d.seal === undefined) return;
  w.y -= 4;
  w.text('图像质量 Image quality', { size: 11, gap: 2 });
  const flags = d.quality?.flags ?? [];
  if (d.quality && !d.quality.raster) {
    w.text('文字版 PDF，无需检查图像质量 A text PDF: no image to judge', {
      size: 8.5,
      color: GREY,
    });
  } else if (flags.length === 0) {
    w.text('未发现问题 No problem found', { size: 8.5, color: STATUS.pass.color });
  }
  const cols = [100, contentWidth - 100];
  for (const f of flags) {
    const name = FLAG_NAMES[f.flag];
    w.row([
      { text: `${name.zh}\n${f.flag}`, width: cols[0]!, size: 8.5, color: STATUS.warn.color },
      { text: `${f.reasonZh}\n${f.reason}`, width: cols[1]!, size: 8.5 },
    ]);
  }
  if (d.seal) {
    const roles = d.seal.boxes.map((b) => SEAL_ROLE_NAMES[b.role]);
    w.text(
      d.seal.found
        ? `印章 Seal: ${roles.map((r) => r.zh).join('、')} · ${roles.map((r) => r.en).join(', ')}`
        : d.seal.colour === 'greyscale'
          ? '印章 Seal: 黑白复印件，无法按颜色识别 · a greyscale copy, not told by colour'
          : '印章 Seal: 未找到红色印章 · no red seal found',
      { size: 8.5, color: d.seal.found ? INK : STATUS.warn.color },
    );
  }
}

/** Longest side, in pixels, of an image inside an embedded PDF preview. */
const PREVIEW_IMAGE_PIXELS = 1000;

/**
 * Builds report.pdf. With a codec, the JPEG images that embedded PDF previews brought in
 * are shrunk to thumbnails, so that a scanned bank form does not double the pack's size.
 */
export async function buildReportPdf(
  input: ReportInput,
  reportFont: ReportFont,
  codec?: ImageCodec,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(reportFont.fontkit);
  const font = await doc.embedFont(reportFont.bytes, { subset: true });
  doc.setTitle(`${input.company.name ?? 'Dossier'} — dossier pack report`);
  doc.setProducer(`${input.app.name} ${input.app.version}`);
  doc.setCreator(`${input.app.name} ${input.app.version}`);
  // Fixed dates keep the report's bytes a function of its input.
  const created = new Date(input.createdAt);
  if (!Number.isNaN(created.getTime())) {
    doc.setCreationDate(created);
    doc.setModificationDate(created);
  }
  const writer = new Writer(doc, font);
  drawCover(writer, input);
  for (const d of input.documents) await drawDocumentPage(doc, writer, d);
  if (codec?.canDecode('image/jpeg')) {
    await reencodePdfJpegs(doc, codec, 0.7, (w, h) => PREVIEW_IMAGE_PIXELS / Math.max(w, h));
  }
  return doc.save({ useObjectStreams: true });
}
