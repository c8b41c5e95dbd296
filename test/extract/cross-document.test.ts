// Cross-document value search (issue 13): a value whose label was lost on one document is
// located on its page with the value another document of the dossier printed, and reported
// with the page's own characters. Real text-layer PDFs printed by Chromium from the layout
// families, read by the command line's dossier loader (pdfjs, the checks).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFamilyDossier, type FamilyDossier } from '../../scripts/fixtures/families/people';
import type { FamilyFile } from '../../scripts/fixtures/families/types';
import { closeRenderer } from '../../scripts/fixtures/render';
import { loadDossierDir, type LoadedDossier } from '../../src/cli/load-dossier';
import type { DocumentText } from '../../src/core/extraction';
import { locateValue } from '../../src/core/extract/locate-value';
import { renderOf, textPdf, withoutLabel } from './support/label-lost';

async function dossierDir(files: Record<string, FamilyFile>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crossdoc-'));
  for (const [name, file] of Object.entries(files)) {
    await writeFile(join(dir, name), await textPdf(file));
  }
  return dir;
}

const dirs: string[] = [];
let labelLost: LoadedDossier;
let bracket: LoadedDossier;
let dossier: FamilyDossier;
let bracketDossier: FamilyDossier;

beforeAll(async () => {
  try {
    dossier = makeFamilyDossier(7101, { entity: 'company' });
    // The bank form's 法定代表人 label is lost: only the license says whose name it is.
    const lost = await dossierDir({
      'license.pdf': renderOf('license-copy-2019', dossier, 11),
      'bank.pdf': withoutLabel(
        renderOf('bank-permit-rows', dossier, 12),
        '法定代表人（单位负责人）',
      ),
    });
    dirs.push(lost);
    labelLost = await loadDossierDir(lost, { today: '2026-11-24' });

    // The bank printed the account name with a half-width bracket, and its label is lost.
    const base = makeFamilyDossier(7102, { entity: 'company' });
    const name = `云栖（杭州）网络科技有限公司`;
    bracketDossier = {
      ...base,
      license: { ...base.license, companyName: name },
      bank: { ...base.bank, accountName: name.replace('（', '(') },
    };
    const odd = await dossierDir({
      'license.pdf': renderOf('license-copy-2019', bracketDossier, 21),
      'bank.pdf': withoutLabel(renderOf('bank-permit-rows', bracketDossier, 22), '存款人名称'),
    });
    dirs.push(odd);
    bracket = await loadDossierDir(odd, { today: '2026-11-24' });
  } finally {
    await closeRenderer();
  }
}, 180_000);

afterAll(async () => {
  await closeRenderer();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const bankOf = (loaded: LoadedDossier) => loaded.documents.find((d) => d.kind === 'bank-permit')!;
const checkOf = (loaded: LoadedDossier, id: string) =>
  loaded.result.checks.find((c) => c.id === id)!;

describe('a value whose label was lost is located with another document’s value', () => {
  it('finds the bank form’s legal representative by the license’s, marked and below 0.9', () => {
    const bank = bankOf(labelLost);
    expect(bank.fields.legalRepresentative).toBe(dossier.bank.legalRepresentative);
    expect(bank.found?.legalRepresentative).toBe('cross-document');
    // The account name, which the representative's value now runs on under, is read on
    // its label's line alone (the two lines together are no organisation's name), below 0.9.
    expect(bank.fields.accountName).toBe(dossier.bank.accountName);
    expect(bank.found?.accountName).toBeUndefined();
    expect(bank.confidence.accountName).toBeLessThan(0.9);
    expect(bank.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(bank.boxes?.legalRepresentative).toBeDefined();
    expect(bank.warnings.some((w) => w.startsWith('legalRepresentative was located'))).toBe(true);
    // The license read it by its own label: nothing there was searched for.
    const license = labelLost.documents.find((d) => d.kind === 'business-license')!;
    expect(license.found).toBeUndefined();
    expect(checkOf(labelLost, 'legal-rep.license-vs-bank').status).toBe('pass');
    // The documents handed on do not carry the page's text.
    expect(labelLost.documents.every((d) => d.text === undefined)).toBe(true);
  });

  it('reports the characters on the page: one half-width bracket still fails name.license-vs-bank', () => {
    const bank = bankOf(bracket);
    expect(bank.fields.accountName).toBe('云栖(杭州）网络科技有限公司');
    expect(bank.found?.accountName).toBe('cross-document');
    expect(bank.confidence.accountName).toBeLessThan(0.9);
    const check = checkOf(bracket, 'name.license-vs-bank');
    expect(check.status).toBe('fail');
  });
});

describe('locateValue', () => {
  const text = (lines: string[]): DocumentText => ({
    source: 'paddle',
    pages: [
      {
        page: 0,
        width: 1000,
        height: 1000,
        items: lines.map((t, i) => ({
          page: 0,
          x: 100,
          y: 100 + i * 60,
          w: 30 * t.length,
          h: 30,
          text: t,
          confidence: 0.97,
        })),
      },
    ],
  });

  it('gives the page’s characters where one differs (逢 for 逄), with a lower confidence', () => {
    const found = locateValue(text(['开户银行 中国银行', '逢春华', '账号 6222']), '逄春华');
    expect(found?.value).toBe('逢春华');
    expect(found?.edits).toBe(1);
    expect(found!.confidence).toBeLessThan(0.8);
  });

  it('never takes a short name from inside a longer word, nor across lines', () => {
    expect(locateValue(text(['王伟科技有限公司']), '王伟')).toBeNull();
    expect(locateValue(text(['逄春', '华']), '逄春华')).toBeNull();
    expect(locateValue(text(['经办人 王伟']), '王伟')?.value).toBe('王伟');
  });

  it('allows no edit in a two-character name and a few in a company name', () => {
    expect(locateValue(text(['王纬']), '王伟')).toBeNull();
    const found = locateValue(
      text(['存款人 杭州云栖网络科枝有限公同']),
      '杭州云栖网络科技有限公司',
    );
    expect(found?.value).toBe('杭州云栖网络科枝有限公同');
    expect(found?.edits).toBe(2);
  });

  /** Items placed by hand: [text, x, y]. */
  const placed = (items: [string, number, number][]): DocumentText => ({
    source: 'paddle',
    pages: [
      {
        page: 0,
        width: 1200,
        height: 1000,
        items: items.map(([t, x, y]) => ({
          page: 0,
          x,
          y,
          w: 30 * t.length,
          h: 30,
          text: t,
          confidence: 0.97,
        })),
      },
    ],
  });

  it('finds a company name wrapped onto the next line, in a sentence or a table cell', () => {
    const sentence = locateValue(
      placed([
        ['经审核，杭州星澜芯科技有限', 100, 100],
        ['公司符合开户条件，准予开立基本存款账户。', 100, 140],
      ]),
      '杭州星澜芯科技有限公司',
    );
    expect(sentence?.value).toBe('杭州星澜芯科技有限公司');
    expect(sentence?.edits).toBe(0);
    expect(sentence!.confidence).toBeLessThan(0.9);
    const cell = locateValue(
      placed([
        ['户名', 100, 100],
        ['杭州星澜芯科技发展有', 400, 100],
        ['限公司（滨江分部）', 400, 140],
        ['开户银行', 100, 200],
      ]),
      '杭州星澜芯科技发展有限公司（滨江分部）',
    );
    expect(cell?.value).toBe('杭州星澜芯科技发展有限公司（滨江分部）');
    expect(cell?.box.h).toBeGreaterThan(60);
  });

  it('never joins a line to another column’s text below it, nor a name across lines', () => {
    // The rest is in the right column, not under the first piece.
    const apart = locateValue(
      placed([
        ['杭州星澜芯科技有限', 100, 100],
        ['公司', 800, 140],
      ]),
      '杭州星澜芯科技有限公司',
    );
    expect(apart?.value).toBe('杭州星澜芯科技有限');
    expect(apart?.edits).toBe(2);
    expect(
      locateValue(
        placed([
          ['欧阳', 100, 100],
          ['沁晟', 100, 140],
        ]),
        '欧阳沁晟',
      ),
    ).toBeNull();
  });

  it('is unsure where two places match as well with different characters', () => {
    const found = locateValue(text(['逢春华', '逯春华']), '逄春华');
    expect(found!.confidence).toBeLessThanOrEqual(0.5);
  });
});
