// Image quality and the bank seal in the app (issue 16), in Debian's Chromium with the
// app's CSP: the bank-no-seal example's PDFs with its license replaced by a scan cut off
// at the right (examples/scans-jpg/license.jpg, 70% of its width). The license's slot
// shows the quality badge, the checks tab lists the flag under files.quality, its link
// opens review with the flag's region outlined and its reason shown; the bank form has no
// seal (bank.seal fails) until the seal is confirmed in review, which is audited.
// Screenshots: test-results/ui-quality-*.png.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crop } from '../../src/ocr/raster';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import { createDossier, createVault } from './pages/dossier';

const app = useApp();
const dir = mkdtempSync(join(tmpdir(), 'app-quality-'));
const example = join(REPO_ROOT, 'examples', 'bank-no-seal');

beforeAll(async () => {
  const license = await nodeImageCodec.decode(
    new Uint8Array(readFileSync(join(REPO_ROOT, 'examples', 'scans-jpg', 'license.jpg'))),
    'image/jpeg',
  );
  const cut = crop(license, 0, 0, Math.round(license.width * 0.7), license.height);
  writeFileSync(join(dir, 'license-cut.jpg'), await nodeImageCodec.encode(cut, 'jpeg', 0.85));
}, 300_000);

describe('quality flags and the seal in the app', () => {
  it('shows a cut-off scan flagged from its slot to its region in review, and settles a missing seal by confirmation', async () => {
    const { page, violations, errors } = await app.open('2026-11-24');
    await createVault(page);
    const screen = await createDossier(page, '青梧屿图像质量');
    const outcomes = await screen.importFiles([
      join(dir, 'license-cut.jpg'),
      join(example, 'id-front.pdf'),
      join(example, 'id-back.pdf'),
      join(example, 'bank.pdf'),
    ]);
    expect(outcomes['license-cut.jpg']).toBe('imported');

    // The slot's badge names the flag at once.
    const badge = screen.slot('business-license').getByTestId('quality-badge');
    await badge.waitFor({ timeout: 60_000 });
    expect(await badge.getAttribute('data-flags')).toContain('border-incomplete');
    await page.screenshot({ path: 'test-results/ui-quality-slots.png', fullPage: true });

    // The checks: files.quality warns and lists the flag; bank.seal fails.
    await screen.tab('checks');
    expect(await screen.check('bank.seal').getAttribute('data-status')).toBe('fail');
    const quality = screen.check('files.quality');
    expect(await quality.getAttribute('data-status')).toBe('warn');
    const flag = quality.locator('[data-testid="quality-flag"][data-flag="border-incomplete"]');
    await flag.waitFor();
    expect(await flag.getAttribute('data-kind')).toBe('business-license');
    expect(await flag.innerText()).toMatch(/右边缘超出图像/);
    await page.screenshot({ path: 'test-results/ui-quality-checks.png', fullPage: true });

    // Its link opens review on the license with the flag's region outlined, reason above.
    await flag.getByTestId('quality-flag-open').click();
    const review = page.getByTestId('review');
    await review.waitFor();
    expect(await review.getAttribute('data-kind')).toBe('business-license');
    const alert = page.getByTestId('review-flag');
    await alert.waitFor();
    expect(await alert.getAttribute('data-flag')).toBe('border-incomplete');
    const outlined = page.locator('[data-testid="field-box"][data-selected="true"]');
    await outlined.waitFor({ timeout: 60_000 });
    expect(await outlined.getAttribute('data-field')).toMatch(/^quality-\d+$/);
    // The region lies along the right edge of the cut page.
    const frame = await page.getByTestId('page-frame').boundingBox();
    const box = await outlined.boundingBox();
    expect(frame).not.toBeNull();
    expect(box).not.toBeNull();
    expect(box!.height).toBeGreaterThan(box!.width);
    await page.screenshot({ path: 'test-results/ui-quality-review-region.png', fullPage: true });

    // The bank form: no seal found; a person confirms it against the image.
    await page.locator('[data-testid="review-document"][data-kind="bank-permit"]').click();
    const seal = page.getByTestId('review-seal');
    await seal.waitFor();
    expect(await seal.getAttribute('data-found')).toBe('false');
    await page.getByTestId('confirm-seal').click();
    await page.getByTestId('seal-confirmed').waitFor();
    await page.screenshot({ path: 'test-results/ui-quality-seal-confirmed.png', fullPage: true });
    await screen.tab('checks');
    await screen.showPassedChecks();
    expect(await screen.check('bank.seal').getAttribute('data-status')).toBe('pass');

    // Audited: the confirmation of the seal is in the dossier's audit log.
    await screen.tab('audit');
    const confirmation = page.locator('[data-testid="audit-row"][data-action="confirm"]');
    await confirmation.first().waitFor();
    expect(await confirmation.allInnerTexts()).toEqual([expect.stringMatching(/印章/)]);

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);
});
