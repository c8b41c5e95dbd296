// The layout families of the fixture generator: enough of them per kind, two per kind
// held out of every tuning set, and ground truth that matches what the page prints.
import { describe, expect, it } from 'vitest';
import { DATE_FIELDS } from '../../src/core/documents';
import {
  FAMILIES,
  familiesIn,
  familySample,
  HELD_OUT,
} from '../../scripts/fixtures/families/families';
import { familyCases } from '../../scripts/fixtures/families/set';
import { escapeHtml } from '../../scripts/fixtures/families/style';

describe('layout families', () => {
  it('has at least 6 families per kind, 2 of them held out', () => {
    for (const kind of ['license', 'id', 'bank'] as const) {
      const families = FAMILIES.filter((f) => f.kind === kind);
      expect(families.length, kind).toBeGreaterThanOrEqual(6);
      expect(families.filter((f) => HELD_OUT.includes(f.id)).length, kind).toBeGreaterThanOrEqual(
        2,
      );
    }
    expect(new Set(FAMILIES.map((f) => f.id)).size).toBe(FAMILIES.length);
    for (const id of HELD_OUT)
      expect(
        FAMILIES.some((f) => f.id === id),
        id,
      ).toBe(true);
  });

  it('keeps held-out families out of the tuning set', () => {
    const cases = familyCases('tuned', { perFamily: 2, perMulti: 1, media: 'text' });
    expect(cases.some((c) => HELD_OUT.includes(c.family))).toBe(false);
    expect(cases.every((c) => c.partition === 'tuned')).toBe(true);
    expect(
      familiesIn('held-out')
        .map((f) => f.id)
        .sort(),
    ).toEqual([...HELD_OUT].sort());
  });

  it('prints every non-date truth value on the page it says', () => {
    for (const family of FAMILIES) {
      for (let i = 0; i < 4; i++) {
        const file = family.render(familySample(family, i));
        for (const doc of file.documents) {
          const html = file.pages[doc.page]!.html;
          for (const [field, value] of Object.entries(doc.fields)) {
            if (value === null || DATE_FIELDS.has(field)) continue;
            expect(html, `${family.id} #${i} ${doc.kind}.${field}`).toContain(escapeHtml(value));
          }
        }
      }
    }
  });

  it('places both ID sides of a both-sides copy in separate regions of one page', () => {
    for (const family of FAMILIES.filter((f) => f.id.startsWith('id-a4-both'))) {
      for (let i = 0; i < 4; i++) {
        const file = family.render(familySample(family, i));
        expect(file.pages).toHaveLength(1);
        const kinds = file.documents.map((d) => d.kind).sort();
        expect(kinds).toEqual(['id-card-back', 'id-card-front']);
        const [a, b] = file.documents.map((d) => d.regionMm!);
        const apart =
          a!.x + a!.w <= b!.x || b!.x + b!.w <= a!.x || a!.y + a!.h <= b!.y || b!.y + b!.h <= a!.y;
        expect(apart, `${family.id} #${i}`).toBe(true);
        const size = file.pages[0]!.size;
        for (const r of [a!, b!]) {
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.x + r.w).toBeLessThanOrEqual(size.widthMm);
          expect(r.y + r.h).toBeLessThanOrEqual(size.heightMm);
        }
      }
    }
  });

  it('puts a whole dossier in one file: four documents in page order', () => {
    for (const partition of ['tuned', 'held-out'] as const) {
      const dossier = familyCases(partition, { perFamily: 0, perMulti: 1, media: 'text' }).find(
        (c) => c.family === 'dossier-pdf',
      )!;
      const kinds = dossier.file.documents.map((d) => d.kind);
      expect(kinds.sort()).toEqual([
        'bank-permit',
        'business-license',
        'id-card-back',
        'id-card-front',
      ]);
      const pages = dossier.file.documents.map((d) => d.page);
      expect(pages).toEqual([...pages].sort((x, y) => x - y));
      expect(Math.max(...pages)).toBe(dossier.file.pages.length - 1);
    }
  });
});
