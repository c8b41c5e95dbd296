// What the text layer's reading asks of each page: the operator list (whose building
// decodes the page's image once more before it is rendered for OCR) only of a page with
// text items, and whether a page is a scan under its OCR layer judged page by page.
import { describe, expect, it, vi } from 'vitest';
import { OPS } from '../../src/ocr/pdf-dropped';
import { readOpenPdfText, type PdfDocument } from '../../src/ocr/pdf-text';

interface FakePage {
  /** Characters of the page's one text item per line (none: an image-only page). */
  lines: string[];
  /** Render mode the page's text is shown in. */
  mode?: number;
  /** Whether the page paints an image (a scan). */
  image?: boolean;
}

/** Glyph widths in thousandths of an em: an ideograph a whole em, a Latin one half. */
const em = (c: string): number => (/[\u4e00-\u9fff]/.test(c) ? 1000 : c === ' ' ? 250 : 500);

function fakeDocument(pages: FakePage[]) {
  const operatorLists = vi.fn();
  const document = {
    numPages: pages.length,
    getPage: (n: number) => {
      const { lines, mode = 0, image = false } = pages[n - 1]!;
      return Promise.resolve({
        getViewport: () => ({ width: 595, height: 842, transform: [1, 0, 0, -1, 0, 842] }),
        getTextContent: () =>
          Promise.resolve({
            items: lines.map((str, k) => ({
              str,
              transform: [12, 0, 0, 12, 50, 800 - 20 * k],
              width: [...str].reduce((w, c) => w + (em(c) * 12) / 1000, 0),
              height: 12,
            })),
          }),
        getOperatorList: () => {
          operatorLists(n);
          const fnArray: number[] = [OPS.beginText, OPS.setTextRenderingMode, OPS.setFont];
          const argsArray: unknown[] = [null, [mode], ['F1', 12]];
          for (const str of lines) {
            fnArray.push(OPS.showText);
            argsArray.push([[...str].map((unicode) => ({ unicode, width: em(unicode) }))]);
          }
          if (image) {
            fnArray.push(OPS.paintImageXObject);
            argsArray.push(['img_p0_1', 1700, 2400]);
          }
          return Promise.resolve({ fnArray, argsArray });
        },
        cleanup: () => undefined,
      });
    },
  };
  return { document: document as unknown as PdfDocument, operatorLists };
}

const report = [
  '统一社会信用代码 91320505MA1XXXXXX1',
  '名称 苏州某某科技有限公司',
  '法定代表人 张三',
];

describe("the text layer's pages", () => {
  it('reads a page with text, and a blank page among them only to ask whether it is a scan', async () => {
    const { document, operatorLists } = fakeDocument([{ lines: report }, { lines: [] }]);
    const text = await readOpenPdfText(document);
    expect(text.pages[0]!.items).toHaveLength(3);
    expect(operatorLists.mock.calls).toEqual([[1], [2]]);
  });

  it('sends a file with a scanned page among its text pages to OCR', async () => {
    // An ID card's scan put after the license's electronic copy. Old code: the text
    // page read, the scan's page empty, its documents silently missing.
    const { document } = fakeDocument([{ lines: report }, { lines: [], image: true }]);
    await expect(readOpenPdfText(document)).rejects.toMatchObject({ code: 'scanned-page' });
  });

  it('reads no operator list of an image-only PDF', async () => {
    const { document, operatorLists } = fakeDocument([{ lines: [] }, { lines: [] }]);
    await expect(readOpenPdfText(document)).rejects.toMatchObject({ code: 'no-text-layer' });
    expect(operatorLists).not.toHaveBeenCalled();
  });

  it('takes a scanned page under its invisible OCR layer for a scan among vector pages', async () => {
    // Two report pages (visible, 90 glyphs) and a scan whose OCR reading is invisible
    // (18 glyphs: 17% of the file's, 100% of its page's). Old code: the share of the
    // file, under 90%: the scan's OCR reading taken as the page's text at 1.00.
    const { document } = fakeDocument([
      { lines: report },
      { lines: report },
      { lines: ['姓名 李四', '公民身份号码 32050519900101'], mode: 3 },
    ]);
    await expect(readOpenPdfText(document)).rejects.toMatchObject({ code: 'ocr-layer' });
  });

  it('reads a vector file whose few invisible glyphs are not a page of them', async () => {
    const { document } = fakeDocument([{ lines: report }, { lines: report, mode: 0 }]);
    const text = await readOpenPdfText(document);
    expect(text.source).toBe('pdf-text');
  });
});
