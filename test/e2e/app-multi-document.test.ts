// Files holding several documents, imported in Debian's Chromium against the app's own
// build (real renderer, real IndexedDB vault, PP-OCR in the renderer): the whole dossier
// scanned into one image-only PDF (examples/dossier-one-scanned-pdf) fills the four slots
// from one file, and both ID sides photocopied on one watermarked page
// (examples/id-both-sides-one-page) fill both ID slots; the whole dossier is ready once its
// accounts and declared values are entered; the import row says
// "此文件包含 N 份资料：…", and review opens each document on its own page, a side of the
// copy with its region outlined (the front's above the back's). The image checks look at
// each document of a file: the bank form's seal on page 3 of the scanned PDF passes
// bank.seal, the greyscale ID copies are listed under files.quality. Everything survives a
// reload. Screenshots: test-results/ui-multi-*.png.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/core/documents';
import type { DossierFile } from '../../src/core/dossier';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import {
  createDossier,
  createVault,
  openDossier,
  unlockVault,
  type DossierPage,
} from './pages/dossier';

const TODAY = '2026-11-24';
/** PP-OCR in the renderer's wasm on a busy 2-core machine: a few pages a minute. */
const OCR_TIMEOUT = 540_000;
const app = useApp();

/** The example's files, its dossier.json and, per file, the kinds it holds in page order. */
function example(name: string): {
  files: string[];
  dossier: DossierFile;
  documents: Record<string, DocumentKind[]>;
} {
  const dir = join(REPO_ROOT, 'examples', name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    documents: Record<string, DocumentKind[]>;
  };
  const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
  const files = readdirSync(dir)
    .filter((f) => /\.(pdf|jpe?g|png)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
  return { files, dossier, documents: expected.documents };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/ui-multi-${name}.png`, fullPage: true });
}

/** The import row of a file: its outcome and, for a file holding several, what it holds. */
async function importRow(page: Page, file: string) {
  const row = page.locator(`[data-testid="import-row"][data-file="${file}"]`);
  const holds = row.getByTestId('import-documents');
  return {
    status: await row.getAttribute('data-status'),
    count: (await holds.count()) > 0 ? Number(await holds.getAttribute('data-count')) : 1,
    text: (await holds.count()) > 0 ? ((await holds.textContent()) ?? '') : '',
  };
}

/** Opens a document's review from its slot; returns the page shown and its outlined region. */
async function review(screen: DossierPage, kind: DocumentKind) {
  const { page } = screen;
  await screen.tab('documents');
  await screen.slot(kind).getByTestId('open-review').click();
  const panel = page.locator(`[data-testid="review"][data-kind="${kind}"]`);
  await panel.waitFor();
  await page.locator('[data-testid="page-frame"] img').waitFor({ timeout: 120_000 });
  const region = page.getByTestId('page-region');
  const outlined = (await region.count()) > 0;
  const box = outlined
    ? await region.evaluate((el) => ({
        top: parseFloat((el as HTMLElement).style.top),
        left: parseFloat((el as HTMLElement).style.left),
        width: parseFloat((el as HTMLElement).style.width),
        height: parseFloat((el as HTMLElement).style.height),
      }))
    : null;
  return { page: Number(await panel.getAttribute('data-page')), region: box };
}

async function filledFrom(screen: DossierPage, kind: DocumentKind): Promise<string> {
  const slot = screen.slot(kind);
  await slot.and(screen.page.locator('[data-filled="true"]')).waitFor();
  return (await slot.getByTestId('slot-file').textContent())?.trim() ?? '';
}

describe('files holding several documents, imported in the app', () => {
  it(
    'a whole dossier in one scanned PDF fills the four slots; both ID sides on one page fill both ID slots',
    async () => {
      const { page, requests, violations, errors } = await app.open(TODAY);
      await createVault(page);

      // 1. The whole dossier scanned into one image-only PDF: one file, four documents.
      const scanned = example('dossier-one-scanned-pdf');
      expect(scanned.files.map((f) => f.split('/').pop())).toEqual(['dossier.pdf']);
      const whole = await createDossier(page, '整套扫描示例公司');
      const outcomes = await whole.importFiles(scanned.files, OCR_TIMEOUT);
      expect(outcomes).toEqual({ 'dossier.pdf': 'imported' });
      const row = await importRow(page, 'dossier.pdf');
      expect(row.count).toBe(4);
      expect(row.text).toMatch(/^此文件包含 4 份资料：/);
      // Every slot is filled from that one file.
      for (const kind of DOCUMENT_KINDS)
        expect(await filledFrom(whole, kind)).toContain('dossier.pdf');
      // With its accounts and declared values, the dossier read from that one file is ready.
      await whole.fillAccounts(scanned.dossier.accounts);
      await whole.fillDeclared(scanned.dossier.declared);
      await whole.tab('checks');
      await page.getByTestId('verdict').waitFor();
      expect(await whole.verdict()).toBe('ready');
      await shot(page, 'dossier-ready');
      // The image checks ran on the documents of the one file: the bank form's seal (its
      // page 3) passes bank.seal, the fields are legible, and the ID front's page, a
      // greyscale copy, is listed under files.quality.
      await whole.showPassedChecks();
      expect(await whole.check('bank.seal').getAttribute('data-status')).toBe('pass');
      expect(await whole.check('files.legible').getAttribute('data-status')).toBe('pass');
      const quality = whole.check('files.quality');
      expect(await quality.getAttribute('data-status')).toBe('warn');
      await quality
        .locator('[data-testid="quality-flag"][data-flag="copy"][data-kind="id-card-front"]')
        .waitFor();
      await whole.check('bank.seal').scrollIntoViewIfNeeded();
      await shot(page, 'dossier-image-checks');
      await whole.tab('documents');
      await shot(page, 'dossier-documents');
      // Review opens each document on its own page (page order: license, ID front, ID back,
      // bank form), the whole page being the document: no region.
      const pages = scanned.documents['dossier.pdf']!;
      for (const kind of ['id-card-back', 'bank-permit'] as const) {
        const shown = await review(whole, kind);
        expect(shown.page, kind).toBe(pages.indexOf(kind));
        expect(shown.region, kind).toBeNull();
        await shot(page, `dossier-review-${kind}`);
      }
      // Review of the bank form says its seal was found on its page.
      const seal = page.getByTestId('review-seal');
      await seal.waitFor();
      expect(await seal.getAttribute('data-found')).toBe('true');

      // 2. Both ID sides photocopied on one page (one of them watermarked), with the
      // license and bank form as text PDFs.
      await page.getByTestId('nav-list').click();
      await page.getByTestId('screen-dossiers').waitFor();
      const copied = example('id-both-sides-one-page');
      const sides = await createDossier(page, '身份证复印示例公司');
      const imported = await sides.importFiles(copied.files, OCR_TIMEOUT);
      expect(Object.values(imported)).toEqual(['imported', 'imported', 'imported']);
      const idRow = await importRow(page, 'id-card.jpg');
      expect(idRow.count).toBe(2);
      expect(idRow.text).toBe('此文件包含 2 份资料：法人身份证人像面、法人身份证国徽面');
      expect(await filledFrom(sides, 'id-card-front')).toContain('id-card.jpg');
      expect(await filledFrom(sides, 'id-card-back')).toContain('id-card.jpg');
      expect(await filledFrom(sides, 'business-license')).toContain('license.pdf');
      expect(await filledFrom(sides, 'bank-permit')).toContain('bank.pdf');
      await shot(page, 'sides-documents');
      // Each side opens on the page with its own region outlined: the front above the back.
      const front = await review(sides, 'id-card-front');
      await shot(page, 'sides-review-front');
      const back = await review(sides, 'id-card-back');
      await shot(page, 'sides-review-back');
      expect(front.page).toBe(0);
      expect(back.page).toBe(0);
      expect(front.region).not.toBeNull();
      expect(back.region).not.toBeNull();
      expect(front.region!.top + front.region!.height).toBeLessThanOrEqual(back.region!.top);
      // The regions overlap horizontally (stacked, not side by side).
      expect(front.region!.left).toBeLessThan(back.region!.left + back.region!.width);
      // Each side of the copy was analysed on its own region: the front (greyscale) is
      // listed under files.quality, and the image checks ran.
      await sides.tab('checks');
      await page.getByTestId('verdict').waitFor();
      await sides.showPassedChecks();
      expect(await sides.check('files.legible').getAttribute('data-status')).not.toBe('skip');
      const sidesQuality = sides.check('files.quality');
      expect(await sidesQuality.getAttribute('data-status')).toBe('warn');
      await sidesQuality
        .locator('[data-testid="quality-flag"][data-flag="copy"][data-kind="id-card-front"]')
        .waitFor();
      await shot(page, 'sides-image-checks');

      // 3. Nothing is lost on reload: both dossiers still hold their documents.
      await page.reload();
      await unlockVault(page);
      const again = await openDossier(page, '整套扫描示例公司');
      for (const kind of DOCUMENT_KINDS)
        expect(await filledFrom(again, kind)).toContain('dossier.pdf');
      expect((await review(again, 'id-card-front')).page).toBe(pages.indexOf('id-card-front'));

      // Nothing left the origin, no CSP violation, no page error.
      expect(requests.leaving).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    },
    2 * OCR_TIMEOUT + 300_000,
  );
});
