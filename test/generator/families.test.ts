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
import { MULTI_FAMILIES } from '../../scripts/fixtures/families/multi';
import { degradationSeed, dossierCases, familyCases } from '../../scripts/fixtures/families/set';
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
  it('degrades samples drawn at another seed offset otherwise, and offset 0 as before', () => {
    // Offset 0 is bench:ocr's quick and full sets: their degradation seeds stay as they were.
    const at0 = familyCases('tuned', { perFamily: 4, perMulti: 4, media: 'text' });
    const first = familiesIn('tuned')[0]!;
    expect(at0.find((c) => c.name === `${first.id}-0-text-pdf`)!.seed).toBe(4000 + first.id.length);
    expect(at0.find((c) => c.family === 'dossier-pdf')!.seed).toBe(6000);
    const dossiers0 = dossierCases('tuned', 2, { media: 'text' });
    expect(dossiers0.map((c) => c.seed)).toEqual([8000, 8001, 8002, 8003, 8013, 8014, 8015, 8016]);
    // Another offset draws other samples (families.ts), and other degradations for them.
    const at2 = familyCases('tuned', { perFamily: 2, perMulti: 2, media: 'text', seedOffset: 2 });
    expect(at2.length).toBeGreaterThan(0);
    for (const c of at2) expect(c.seed, c.name).not.toBe(at0.find((o) => o.name === c.name)!.seed);
    const dossiers2 = dossierCases('tuned', 2, { media: 'text', seedOffset: 1600 });
    for (const [n, c] of dossiers2.entries()) expect(c.seed, c.name).not.toBe(dossiers0[n]!.seed);
  });

  it('degrades no two families alike at an offset other than 0, and keeps every seed of offset 0', () => {
    // Offset 0: every family case keeps 4000 + index × 97 + the id's length (and the
    // multi-document files 6000 + index), shared by families whose ids are equally long.
    const at0 = familyCases('tuned', { perFamily: 6, perMulti: 4, media: 'text' });
    for (const c of at0) {
      const index = Number(/-(\d+)-text-pdf$/.exec(c.name)![1]);
      const pinned = MULTI_FAMILIES.some((m) => m.id === c.family)
        ? 6000 + index
        : 4000 + index * 97 + c.family.length;
      expect(c.seed, c.name).toBe(pinned);
    }
    // Elsewhere each family's samples have seeds of their own (the old seeds gave
    // license-branch and id-a4-one-side, both 14 characters long, the same ones).
    const at2500 = familyCases('tuned', {
      perFamily: 10,
      perMulti: 10,
      media: 'text',
      seedOffset: 2500,
    });
    const seeds = at2500.map((c) => c.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
    // Every family's id (only the ids: no sample of a held-out family is drawn), 10 samples.
    const all = [...FAMILIES.map((f) => f.id), ...MULTI_FAMILIES.map((m) => m.id)].flatMap((id) =>
      Array.from({ length: 10 }, (_, i) =>
        degradationSeed(id, 4000 + (i + 1800) * 97 + id.length, 1800),
      ),
    );
    expect(new Set(all).size).toBe(all.length);
    // One sample is one sample whichever offset draws it: index 1 at offset 2499 is index 0 at 2500.
    const at2499 = familyCases('tuned', {
      perFamily: 2,
      perMulti: 2,
      media: 'text',
      seedOffset: 2499,
    });
    const byName = new Map(at2500.map((c) => [c.name, c.seed]));
    for (const c of at2499.filter((c) => c.name.includes('-1-'))) {
      expect(c.seed, c.name).toBe(byName.get(c.name.replace('-1-', '-0-')));
    }
  });
});
