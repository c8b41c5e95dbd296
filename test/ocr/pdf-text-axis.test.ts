// A PDF's text layer sets its lines on one axis: a character a degree or two off it (one of
// a seal's ring, each set at its own angle around it: 科 at -1.9° beside the scope's 的项目,
// read as 的项目科外 at confidence 1.00) is no line's character; sideways text and a whole
// page set at a skewed scan's angle are.
import { degrees, PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';

async function textOf(draw: (page: PDFPage, font: PDFFont) => void): Promise<string[]> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  draw(pdf.addPage([400, 300]), font);
  const text = await readPdfTextNode(await pdf.save());
  return text.pages[0]!.items.map((i) => i.text);
}

describe('text set off the page’s axis', () => {
  it('drops a character of a seal’s ring a degree or two off the lines beside it', async () => {
    const read = await textOf((p, font) => {
      p.drawText('SCOPE OF THE BUSINESS', { x: 40, y: 150, size: 10, font });
      p.drawText('ACCOUNT 6222020200112233', { x: 40, y: 130, size: 10, font });
      p.drawText('K', { x: 200, y: 148, size: 12, font, rotate: degrees(-1.9) });
      p.drawText('J', { x: 215, y: 148, size: 12, font, rotate: degrees(1.5) });
      p.drawText('SIDEWAYS', { x: 380, y: 40, size: 12, font, rotate: degrees(90) });
    });
    expect(read).toContain('SCOPE OF THE BUSINESS');
    expect(read).toContain('SIDEWAYS');
    expect(read).not.toContain('K');
    expect(read).not.toContain('J');
  });

  it('keeps a page whose every line is set at the same slight angle (a skewed scan’s layer)', async () => {
    const read = await textOf((p, font) => {
      p.drawText('SCOPE OF THE BUSINESS', { x: 40, y: 150, size: 10, font, rotate: degrees(1.5) });
      p.drawText('ACCOUNT 6222020200112233', {
        x: 40,
        y: 130,
        size: 10,
        font,
        rotate: degrees(1.5),
      });
    });
    expect(read).toEqual(['SCOPE OF THE BUSINESS', 'ACCOUNT 6222020200112233']);
  });
});
