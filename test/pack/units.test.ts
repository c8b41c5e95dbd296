// The pack's parts one by one: names, watermark layout, normalisation limits, PDFs, TIFF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import * as UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import {
  accountsCsv,
  layoutWatermark,
  minimumScale,
  normaliseFile,
  packFileName,
  PackFileError,
  safeFileName,
  unsafeEntryReason,
  watermarkText,
  MAX_NAME_BYTES,
} from '../../src/core/pack';
import { sniffMime } from '../../src/core/file-type';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { A4_300, RULE_PACK, scanJpeg } from './fixtures';

const limits = RULE_PACK.files;

/** HEIC samples are made with ImageMagick's libheif coder, where the machine has it. */
function heicEncoderAvailable(): boolean {
  try {
    const ok = /HEIC\*?\s+HEIC\s+rw/.test(
      execFileSync('convert', ['-list', 'format'], { encoding: 'utf8' }),
    );
    if (!ok) console.log('skipping the HEIC test: ImageMagick here cannot write HEIC');
    return ok;
  } catch {
    console.log('skipping the HEIC test: ImageMagick (convert) is not installed');
    return false;
  }
}
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('file names', () => {
  it('follows the convention per kind', () => {
    expect(
      packFileName({
        kind: 'business-license',
        company: '杭州某某有限公司',
        ext: 'jpg',
        occurrence: 1,
      }),
    ).toBe('01-营业执照-杭州某某有限公司.jpg');
    expect(packFileName({ kind: 'id-card-front', company: 'x', ext: 'jpg', occurrence: 1 })).toBe(
      '02-法人身份证-人像面.jpg',
    );
    expect(packFileName({ kind: 'id-card-back', company: null, ext: 'jpg', occurrence: 1 })).toBe(
      '03-法人身份证-国徽面.jpg',
    );
    expect(packFileName({ kind: 'bank-permit', company: null, ext: 'pdf', occurrence: 1 })).toBe(
      '04-基本存款账户信息.pdf',
    );
    expect(
      packFileName({
        kind: 'bank-permit',
        company: null,
        ext: 'pdf',
        occurrence: 1,
        isLegacyBankPermit: true,
      }),
    ).toBe('04-开户许可证.pdf');
    expect(packFileName({ kind: 'id-card-front', company: null, ext: 'jpg', occurrence: 2 })).toBe(
      '02-法人身份证-人像面-2.jpg',
    );
  });

  it('is safe on Windows, macOS and Linux', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j', 'jpg')).toBe('a_b_c_d_e_f_g_h_i_j.jpg');
    expect(safeFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1', 'pdf')).toBe('_lpt1.pdf');
    expect(safeFileName(' ..trailing. ', 'jpg')).toBe('trailing.jpg');
    expect(safeFileName('tab\tnew\nline', 'jpg')).toBe('tab_new_line.jpg');
    expect(safeFileName('', 'jpg')).toBe('_.jpg');
    const company = '深圳市'.repeat(60) + '有限公司';
    const long = packFileName({ kind: 'business-license', company, ext: 'jpg', occurrence: 1 });
    expect(utf8(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long).toMatch(/^01-营业执照-深圳市.*\.jpg$/);
    expect(unsafeEntryReason(long)).toBeNull();
    // Composed and decomposed forms give one name (macOS stores NFD).
    expect(safeFileName('e\u0301', 'jpg')).toBe('\u00e9.jpg');
  });
});

describe('the purpose watermark', () => {
  it('appends the date unless the text has one', () => {
    expect(watermarkText('仅供办理速卖通店铺账户关联使用', '2026-11-24')).toBe(
      '仅供办理速卖通店铺账户关联使用 2026-11-24',
    );
    expect(watermarkText('仅供 2026-11-01 使用', '2026-11-24')).toBe('仅供 2026-11-01 使用');
    expect(watermarkText('  ', '2026-11-24')).toContain('他用无效');
  });

  it('covers the image diagonally but keeps the field boxes clear', () => {
    const box = { x: 200, y: 700, w: 1400, h: 90 };
    const free = layoutWatermark(2480, 3508, '仅供办理速卖通店铺账户关联使用 2026-11-24', []);
    const kept = layoutWatermark(2480, 3508, '仅供办理速卖通店铺账户关联使用 2026-11-24', [box]);
    expect(free.overlays.length).toBeGreaterThan(8);
    expect(kept.overlays.length).toBeLessThan(free.overlays.length);
    expect(kept.overlays.every((o) => o.angleDegrees === 30 && o.opacity < 0.5)).toBe(true);
    // No copy's centre line passes through the box.
    for (const o of kept.overlays) {
      const theta = (o.angleDegrees * Math.PI) / 180;
      const half = (o.text.length * o.fontSize) / 2;
      for (let t = -1; t <= 1; t += 0.02) {
        const x = o.x + Math.cos(theta) * half * t;
        const y = o.y - Math.sin(theta) * half * t;
        const inside = x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h;
        expect(inside).toBe(false);
      }
    }
  });
});

describe('normalisation', () => {
  it('leaves a JPG within the limit untouched', async () => {
    const jpg = await scanJpeg({ width: 800, height: 500, title: '身份证', lines: ['x'] });
    const out = await normaliseFile(
      { sourceName: 'id.jpg', bytes: jpg, mime: 'image/jpeg', limits },
      { codec: nodeImageCodec },
    );
    expect(out.bytes).toBe(jpg);
    expect(out.conversions).toEqual([]);
  });

  it('re-encodes and then downscales an oversized JPG, never below 150 dpi on A4', async () => {
    const big = await scanJpeg(
      { width: 4960, height: 7016, title: '营业执照', lines: ['600 dpi'], noise: 40, seed: 11 },
      98,
    );
    expect(big.length).toBeGreaterThan(limits.maxBytes);
    const out = await normaliseFile(
      { sourceName: 'big.jpg', bytes: big, mime: 'image/jpeg', limits },
      { codec: nodeImageCodec },
    );
    expect(out.bytes.length).toBeLessThanOrEqual(limits.maxBytes);
    expect(sniffMime(out.bytes)).toBe('image/jpeg');
    expect(out.conversions.map((c) => c.step)).toContain('recompress');
    const downscale = out.conversions.find((c) => c.step === 'downscale');
    expect(downscale?.detail).toMatch(/^4960×7016 → \d+×\d+ px/);
    const [, w, h] = /→ (\d+)×(\d+) px/.exec(downscale!.detail)!;
    expect(Math.max(Number(w), Number(h)) / (297 / 25.4)).toBeGreaterThanOrEqual(149.5);
  }, 120_000);

  it('fails naming the file when even 150 dpi does not fit', async () => {
    const noisy = await scanJpeg(
      { ...A4_300, title: '营业执照', lines: ['x'], noise: 60, seed: 5 },
      95,
    );
    const tight = { ...limits, maxBytes: 150 * 1024 };
    const attempt = normaliseFile(
      { sourceName: 'noisy-license.jpg', bytes: noisy, mime: 'image/jpeg', limits: tight },
      { codec: nodeImageCodec },
    );
    await expect(attempt).rejects.toThrow(PackFileError);
    await expect(attempt).rejects.toThrow(
      /^noisy-license\.jpg is still .* at the lowest allowed resolution \(150 dpi on A4\)/,
    );
  }, 120_000);

  it('computes the floor scale from the A4 page size', () => {
    expect(minimumScale(2480, 3508, 150)).toBeCloseTo(0.5, 2);
    expect(minimumScale(1000, 1400, 150)).toBe(1);
  });

  it('recompresses the JPEG images of an oversized PDF', async () => {
    const scan = await scanJpeg(
      { ...A4_300, title: '基本存款账户信息', lines: ['x'], noise: 50, seed: 9 },
      97,
    );
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2; i++) {
      const image = await doc.embedJpg(scan);
      doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    }
    const pdf = await doc.save();
    expect(pdf.length).toBeGreaterThan(limits.maxBytes);
    const out = await normaliseFile(
      { sourceName: 'bank.pdf', bytes: pdf, mime: 'application/pdf', limits },
      { codec: nodeImageCodec },
    );
    expect(out.bytes.length).toBeLessThanOrEqual(limits.maxBytes);
    expect(out.conversions[0]?.step).toBe('pdf-images');
    const reread = await PDFDocument.load(out.bytes);
    expect(reread.getPageCount()).toBe(2);
  }, 120_000);

  it('fails naming an oversized PDF that has no JPEG to recompress', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    // Incompressible content: random bytes in an unreferenced raw stream.
    const noise = new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    doc.context.register(doc.context.stream(noise));
    page.drawText('x');
    const pdf = await doc.save({ useObjectStreams: false });
    const attempt = normaliseFile(
      { sourceName: 'huge.pdf', bytes: pdf, mime: 'application/pdf', limits },
      { codec: nodeImageCodec },
    );
    await expect(attempt).rejects.toThrow(
      /^huge\.pdf is .* over the 5\.0 MB limit, and holds no JPEG image/,
    );
  }, 60_000);

  it('converts a TIFF scan to JPG', async () => {
    const w = 620;
    const h = 877;
    const rgba = new Uint8Array(w * h * 4).map((_, i) =>
      i % 4 === 3 ? 255 : 200 + ((i >> 6) % 40),
    );
    const tiff = new Uint8Array(UTIF.encodeImage(rgba, w, h));
    expect(sniffMime(tiff)).toBe('image/tiff');
    const out = await normaliseFile(
      { sourceName: 'scan.tif', bytes: tiff, mime: 'image/tiff', limits },
      { codec: nodeImageCodec },
    );
    expect(sniffMime(out.bytes)).toBe('image/jpeg');
    expect(out.conversions[0]).toEqual({ step: 'format', detail: 'TIFF→JPG' });
  });

  it.skipIf(!heicEncoderAvailable())(
    'converts a HEIC phone photo to JPG (heic-decode)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'heic-'));
      const path = join(dir, 'photo.heic');
      execFileSync('convert', [
        '-size',
        '640x400',
        'xc:#e0d8c0',
        '-fill',
        'black',
        '-draw',
        'rectangle 50,50 300,120',
        path,
      ]);
      const heic = new Uint8Array(readFileSync(path));
      expect(sniffMime(heic)).toBe('image/heic');
      const out = await normaliseFile(
        { sourceName: 'photo.heic', bytes: heic, mime: 'image/heic', limits },
        { codec: nodeImageCodec },
      );
      expect(sniffMime(out.bytes)).toBe('image/jpeg');
      expect(out.conversions[0]).toEqual({ step: 'format', detail: 'HEIC→JPG' });
    },
    60_000,
  );

  it('refuses a file that is neither PDF nor image, in one sentence naming it', async () => {
    await expect(
      normaliseFile(
        { sourceName: 'notes.docx', bytes: new Uint8Array([1, 2, 3]), mime: 'unknown', limits },
        { codec: nodeImageCodec },
      ),
    ).rejects.toThrow(
      'notes.docx is neither a PDF nor an image (unknown), so it cannot go into the pack.',
    );
  });

  it('watermarks a PDF with the CJK font, semi-transparent', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const pdf = await doc.save();
    const out = await normaliseFile(
      {
        sourceName: 'bank.pdf',
        bytes: pdf,
        mime: 'application/pdf',
        limits,
        watermark: { text: '仅供关联使用 2026-11-24', boxes: [] },
      },
      { codec: nodeImageCodec, font: await loadReportFont() },
    );
    expect(out.watermarkCopies).toBeGreaterThan(5);
    expect(out.conversions).toEqual([
      { step: 'watermark', detail: `purpose watermark, ${out.watermarkCopies} copies` },
    ]);
  });
});

describe('accounts.csv', () => {
  it('quotes commas and quotes, and starts with a BOM', () => {
    const csv = accountsCsv([{ store: 'A, "B"', phone: '13800138000', email: 'a@example.com' }]);
    expect(csv.startsWith('\uFEFF序号 No.,')).toBe(true);
    expect(csv).toContain('1,"A, ""B""",13800138000,a@example.com\r\n');
  });
});
