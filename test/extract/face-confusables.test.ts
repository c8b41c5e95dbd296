// Look-alike name characters seen on the tuned families drawn over all 7 npm faces
// (--fonts=all, seed offsets 2700 and 2750), fed into confusables.ts: 网 at a surname's
// place stands for 阚 (网 is no surname), 区 in a given name for 珺 or 玥. From synthetic
// positioned OCR text, every character read surely with no runner-up kept.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

function license(name: string) {
  return extractDocument(
    page(
      [
        item('营业执照', 500, 30, 36),
        item('统一社会信用代码', 60, 80),
        item('91350100M000100Y43', 300, 80),
        item('名称', 60, 120),
        item('杭州星澜芯科技有限公司', 300, 120),
        item('法定代表人', 60, 160),
        item(name, 300, 160, 20, 0.99),
      ],
      'paddle',
    ),
    'license.jpg',
  );
}
const proposals = (doc: ReturnType<typeof license>): string[] =>
  doc.corrections.filter((c) => c.field === 'legalRepresentative').map((c) => c.to);

describe('look-alikes of rare name characters in the seven faces', () => {
  it('reads 阚 at a surname’s place read 网 (old code: 网翔 kept)', () => {
    const doc = license('网翔');
    expect(doc.fields.legalRepresentative).toBe('阚翔');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(proposals(doc)).toContain('网翔');
  });

  it('doubts 区 in a given name and proposes 珺 and 玥 (old code: trusted at 0.99)', () => {
    const doc = license('覃钊区');
    expect(doc.fields.legalRepresentative).toBe('覃钊区');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(proposals(doc)).toEqual(expect.arrayContaining(['覃钊珺', '覃钊玥']));
  });

  it('leaves 区 as a surname and names without it trusted', () => {
    for (const name of ['区嘉', '覃钊昕']) {
      const doc = license(name);
      expect(doc.fields.legalRepresentative, name).toBe(name);
      expect(doc.confidence.legalRepresentative, name).toBeGreaterThanOrEqual(0.9);
    }
  });
});
