// Files that hold several documents, made from the committed example scans: both ID
// sides photocopied on one A4 page (one above the other, or side by side; with or
// without the diagonal purpose watermark staff add), and whole dossiers in one PDF
// (image-only, as a multifunction printer scans them, or the text-layer PDFs joined).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { reportFontPath } from '../../../src/pack-host/report-font.node.ts';
import { REPO_ROOT } from '../../cli/run-cli';

export const EXAMPLES = join(REPO_ROOT, 'examples');
const FONT = 'SegmentTestCJK';
let fontReady = false;

/** A4 at 200 dpi, as office copiers scan it. */
const A4 = { width: 1654, height: 2339 };
/** An ID card (85.6 mm) at 200 dpi. */
const CARD_WIDTH = 674;

export const WATERMARK = '仅供办理店铺账号关联使用，他用无效';

export interface BothSidesOptions {
  layout: 'stacked' | 'side-by-side';
  watermark?: boolean;
  front?: string;
  back?: string;
}

function toGrey(ctx: SKRSContext2D, width: number, height: number): void {
  const image = ctx.getImageData(0, 0, width, height);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
    d[i] = d[i + 1] = d[i + 2] = y;
  }
  ctx.putImageData(image, 0, 0);
}

function drawWatermark(ctx: SKRSContext2D): void {
  if (!fontReady) GlobalFonts.registerFromPath(reportFontPath(), FONT);
  fontReady = true;
  ctx.save();
  ctx.fillStyle = 'rgba(90, 90, 90, 0.35)';
  ctx.font = `64px ${FONT}`;
  ctx.translate(A4.width / 2, A4.height / 2);
  ctx.rotate(-Math.PI / 6);
  for (let row = -3; row <= 3; row++) ctx.fillText(WATERMARK, -560, row * 420);
  ctx.restore();
}

/** Where each card lies on the page (page pixels), front first. */
export function cardPlacements(layout: BothSidesOptions['layout'], cardHeight: number) {
  if (layout === 'stacked') {
    const x = Math.round((A4.width - CARD_WIDTH) / 2);
    return [
      { x, y: 380, w: CARD_WIDTH, h: cardHeight },
      { x, y: 1150, w: CARD_WIDTH, h: cardHeight },
    ];
  }
  const gap = 110;
  const x = Math.round((A4.width - 2 * CARD_WIDTH - gap) / 2);
  return [
    { x, y: 420, w: CARD_WIDTH, h: cardHeight },
    { x: x + CARD_WIDTH + gap, y: 420, w: CARD_WIDTH, h: cardHeight },
  ];
}

/** Both sides of the scans-jpg example's ID card photocopied in grey on one A4 page (JPEG). */
export async function bothSidesPage(options: BothSidesOptions): Promise<Uint8Array> {
  const front = await loadImage(options.front ?? join(EXAMPLES, 'scans-jpg', 'id-front.jpg'));
  const back = await loadImage(options.back ?? join(EXAMPLES, 'scans-jpg', 'id-back.jpg'));
  const cardHeight = Math.round((CARD_WIDTH * front.height) / front.width);
  const canvas = createCanvas(A4.width, A4.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, A4.width, A4.height);
  const [a, b] = cardPlacements(options.layout, cardHeight);
  ctx.drawImage(front, a!.x, a!.y, a!.w, a!.h);
  ctx.drawImage(back, b!.x, b!.y, b!.w, b!.h);
  if (options.watermark) drawWatermark(ctx);
  toGrey(ctx, A4.width, A4.height);
  const jpeg = await canvas.encode('jpeg', 88);
  return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
}

/** The example scans (JPEG) as the pages of one image-only PDF, A4 at 200 dpi. */
export async function scannedDossierPdf(
  dir: string,
  names: readonly string[],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    const image = name.endsWith('.png') ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
    // Points: the image fills the page at its own size at 200 dpi.
    const w = (image.width * 72) / 200;
    const h = (image.height * 72) / 200;
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return pdf.save();
}

/** PDFs (paths or bytes) joined page after page into one (pdf-lib copyPages). */
export async function joinedPdf(files: readonly (string | Uint8Array)[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const file of files) {
    const src = await PDFDocument.load(typeof file === 'string' ? await readFile(file) : file);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save();
}
