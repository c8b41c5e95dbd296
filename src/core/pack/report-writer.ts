// The report's page furniture: its page size, margins and colours, the check statuses'
// words and colours, and the Writer, a page cursor that wraps text and starts a new page
// when the current one is full (report.ts draws the cover and the document pages with it).
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { CheckStatus } from '../checks/types';

export const PAGE = { width: 595.28, height: 841.89, margin: 42 };
export const INK = rgb(0.1, 0.1, 0.12);
export const GREY = rgb(0.42, 0.42, 0.45);
export const RULE = rgb(0.82, 0.82, 0.85);
export const STATUS: Record<CheckStatus, { zh: string; en: string; color: RGB }> = {
  pass: { zh: '通过', en: 'pass', color: rgb(0.1, 0.5, 0.2) },
  fail: { zh: '未通过', en: 'FAIL', color: rgb(0.75, 0.05, 0.05) },
  warn: { zh: '提醒', en: 'warn', color: rgb(0.7, 0.45, 0) },
  skip: { zh: '跳过', en: 'skip', color: GREY },
};

/** A page cursor that wraps text and starts a new page when the current one is full. */
export class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  ensure(height: number): void {
    if (this.y - height < PAGE.margin) this.newPage();
  }

  /**
   * Splits text into lines no wider than `width`: Chinese may break between any two
   * characters, Latin text only at spaces (a word longer than the line is cut).
   */
  wrap(text: string, size: number, width: number): string[] {
    const fits = (s: string) => this.font.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      // Tokens: a run of non-CJK non-space characters, a run of spaces, or one CJK character.
      const tokens = paragraph.match(/[\u0021-\u2e7f]+|\s+|[^\s]/gu) ?? [''];
      let line = '';
      for (const token of tokens) {
        if (fits(line + token)) {
          line += token;
          continue;
        }
        if (/^\s+$/.test(token)) {
          lines.push(line);
          line = '';
          continue;
        }
        if (line.trim() !== '') lines.push(line.trimEnd());
        line = '';
        for (const ch of token) {
          if (line !== '' && !fits(line + ch)) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  text(
    text: string,
    opts: { size?: number; x?: number; width?: number; color?: RGB; gap?: number } = {},
  ): void {
    const size = opts.size ?? 10;
    const x = opts.x ?? PAGE.margin;
    const width = opts.width ?? PAGE.width - PAGE.margin - x;
    const lineHeight = size * 1.4;
    for (const line of this.wrap(text, size, width)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x,
        y: this.y + size * 0.3,
        size,
        font: this.font,
        color: opts.color ?? INK,
      });
    }
    this.y -= opts.gap ?? 0;
  }

  /** A row of cells; each cell wraps within its column; the row's height is its tallest cell. */
  row(
    cells: readonly { text: string; width: number; color?: RGB; size?: number }[],
    gap = 3,
  ): void {
    const wrapped = cells.map((c) => ({
      ...c,
      size: c.size ?? 9,
      lines: this.wrap(c.text, c.size ?? 9, c.width - 6),
    }));
    const height = Math.max(...wrapped.map((c) => c.lines.length * c.size * 1.35)) + gap;
    this.ensure(height);
    let x = PAGE.margin;
    for (const c of wrapped) {
      let y = this.y;
      for (const line of c.lines) {
        y -= c.size * 1.35;
        this.page.drawText(line, {
          x,
          y: y + c.size * 0.3,
          size: c.size,
          font: this.font,
          color: c.color ?? INK,
        });
      }
      x += c.width;
    }
    this.y -= height;
    this.rule();
  }

  rule(): void {
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y + 1 },
      end: { x: PAGE.width - PAGE.margin, y: this.y + 1 },
      thickness: 0.4,
      color: RULE,
    });
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 8;
    this.text(text, { size: 13, gap: 4 });
  }
}

export const contentWidth = PAGE.width - 2 * PAGE.margin;
