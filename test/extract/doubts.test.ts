// A comparison that differs only at characters the OCR read unsurely says so: it fails
// with "confirm against the image" (spec §3: a dossier never turns ready on a reading that
// failed; the page may print the difference), not "different characters", until a person
// confirms the value; a difference at a character read for sure fails as a difference.
// Seen on bench dossiers drawn in all faces: a bank form's 司马钊赟 read 司马钊区 (区 at
// 0.84; PP-OCR cannot write 赟), an ID photo's 陈珺嘉 read 陈区嘉 (区 at 0.60).
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckId } from '../../src/core/checks';
import { doubtedDifferences, proposedDifferences } from '../../src/core/checks/comparisons';
import type { DossierInput } from '../../src/core/dossier';
import type { CharAlternatives, DocumentText, ExtractedDocument } from '../../src/core/extraction';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { doubtedPlaces } from '../../src/core/extract/doubts';
import { extractDocument } from '../../src/core/extract/index';
import { loadRulePack } from '../../src/core/rule-pack';
import { readyDossier } from '../core/dossier-fixture';
import { bankForm, ocrItem } from './support/bank-form';

const pack = loadRulePack();

/** The form's 法定代表人 read as `name`, each character at its probability in `p`. */
function formText(name: string, p: readonly number[], source: DocumentText['source'] = 'paddle') {
  const alternatives: CharAlternatives[] = p.flatMap((at, i) =>
    at < 0.99 ? [{ at: i, p: at, options: [{ text: '钢', p: 0.01 }] }] : [],
  );
  const item = {
    ...ocrItem(name, 0, 0, Math.min(...p), alternatives.length > 0 ? alternatives : undefined),
    charConfidences: [...p],
  };
  return bankForm(item, source);
}

function readAs(text: DocumentText, kind: 'bank-permit' | 'business-license'): ExtractedDocument {
  const doc = extractDocument(text, `${kind}.jpg`, { kind: 'bank-permit' });
  return { ...doc, kind, source: text.source };
}

/** The license (its text layer) and the bank form (OCR) after the cross-document step. */
function filled(licenseName: string, bankName: string, p: readonly number[]) {
  const license = formText(
    licenseName,
    [...licenseName].map(() => 1),
    'pdf-text',
  );
  const bank = formText(bankName, p);
  const [l, b] = crossDocumentFill([
    { document: readAs(license, 'business-license'), text: license },
    { document: readAs(bank, 'bank-permit'), text: bank },
  ]);
  return { license: l!, bank: b! };
}

/** The fixture's ready dossier with both legal representatives as `filled` gives them. */
function dossierWith(license: ExtractedDocument, bank: ExtractedDocument): DossierInput {
  const input = readyDossier();
  input.documents = input.documents.map((d) => {
    if (d.kind === 'business-license')
      return {
        ...d,
        fields: { ...d.fields, legalRepresentative: license.fields.legalRepresentative! },
      };
    if (d.kind === 'bank-permit')
      return {
        ...d,
        fields: { ...d.fields, legalRepresentative: bank.fields.legalRepresentative! },
        source: bank.source,
        corrections: bank.corrections,
        ...(bank.doubted ? { doubted: bank.doubted } : {}),
      };
    if (d.kind === 'id-card-front')
      return { ...d, fields: { ...d.fields, name: license.fields.legalRepresentative! } };
    return d;
  });
  return input;
}

const status = (input: DossierInput, id: CheckId) =>
  runChecks(input, pack).checks.find((c) => c.id === id)!;

describe('the characters of a compared value the OCR doubted', () => {
  it('are found among the glyphs of its box, by the recogniser’s own probability', () => {
    const text = formText('司马钊区', [1, 0.99, 0.93, 0.84]);
    const bank = readAs(text, 'bank-permit');
    expect(bank.fields.legalRepresentative).toBe('司马钊区');
    expect(doubtedPlaces(bank, 'legalRepresentative', text)).toEqual([3]);
    // A text layer is what is printed: nothing of it is doubted.
    const layer = formText('司马钊区', [1, 1, 1, 1], 'pdf-text');
    expect(doubtedPlaces(readAs(layer, 'bank-permit'), 'legalRepresentative', layer)).toEqual([]);
  });

  it('a character the reader chose over the glyph the OCR doubted (闵 for 闷 at 0.28) is doubted', () => {
    const text = formText('闷晟', [0.28, 0.89]);
    const read = readAs(text, 'bank-permit');
    const chosen = { ...read, fields: { ...read.fields, legalRepresentative: '闵晟' } };
    expect(doubtedPlaces(chosen, 'legalRepresentative', text)).toEqual([0, 1]);
  });

  it('司马钊区 with 区 at 0.84 against the license’s 司马钊赟: fails, asking to confirm against the image', () => {
    const { license, bank } = filled('司马钊赟', '司马钊区', [1, 0.99, 0.97, 0.84]);
    expect(bank.fields.legalRepresentative).toBe('司马钊区');
    expect(bank.doubted).toEqual({ legalRepresentative: [3] });
    const result = status(dossierWith(license, bank), 'legal-rep.license-vs-bank');
    // Before 2bb92cc: "different characters 赟 vs 区 at position 4"; 2bb92cc: a warning, ready.
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/only where the OCR was unsure of a character.*confirm against/);
    expect(result.diff).toEqual([{ at: 3, a: '赟', b: '区', kind: 'different' }]);
    expect(runChecks(dossierWith(license, bank), pack).verdict).not.toBe('ready');
  });

  it('a difference at a character read for sure still fails, even with a doubt elsewhere', () => {
    // 区 read at 0.99: the form prints 区, a real difference.
    const sure = filled('司马钊赟', '司马钊区', [1, 0.99, 0.99, 0.99]);
    expect(sure.bank.doubted).toBeUndefined();
    const difference = status(dossierWith(sure.license, sure.bank), 'legal-rep.license-vs-bank');
    expect(difference.status).toBe('fail');
    expect(difference.message).not.toMatch(/unsure/);
    // 马 doubted, 区 sure: the difference is not where the OCR doubted.
    const elsewhere = filled('司马钊赟', '司马钊区', [1, 0.7, 0.99, 0.99]);
    expect(elsewhere.bank.doubted).toEqual({ legalRepresentative: [1] });
    expect(
      status(dossierWith(elsewhere.license, elsewhere.bank), 'legal-rep.license-vs-bank').status,
    ).toBe('fail');
  });

  it('a value that is no name (李α, α doubted) is a failed reading: still a failure, "not read", linked', () => {
    const { license, bank } = filled('李彧', '李α', [1, 0.62]);
    expect(bank.doubted).toEqual({ legalRepresentative: [1] });
    const result = status(dossierWith(license, bank), 'legal-rep.license-vs-bank');
    expect(result.status).toBe('fail');
    // Before: "differ: different characters 彧 vs α at position 2", a mismatch asserted.
    expect(result.message).toMatch(/^Not read: confirm it against the image — .*read as 李α/);
    expect(result.notRead?.map((n) => `${n.kind} ${n.field}`)).toEqual([
      'bank-permit legalRepresentative',
    ]);
    expect(result.values).toEqual(['李彧', '李α']);
    // A person's confirmation of 李α makes it a value: compared as one, a difference.
    const input = dossierWith(license, bank);
    input.confirmed = { 'bank-permit': { legalRepresentative: '李α' } };
    expect(status(input, 'legal-rep.license-vs-bank').message).toMatch(/differ: /);
  });

  it('a difference only where the other document reads a doubted character: the other value proposed', () => {
    const { license, bank } = filled('司马钊赟', '司马钊区', [1, 0.99, 0.97, 0.84]);
    const result = status(dossierWith(license, bank), 'legal-rep.license-vs-bank');
    expect(result.message).toMatch(
      /confirm against the image; proposed for the legal representative on the bank account form: 司马钊赟/,
    );
  });

  it('隗或霖 read for sure where the license prints 隗彧霖 (PP-OCR reads 彧 as 或, proposed): asks to confirm', () => {
    const { license, bank } = filled('隗彧霖', '隗或霖', [1, 0.99, 0.99]);
    expect(bank.doubted).toBeUndefined();
    expect(bank.corrections.map((c) => c.to)).toContain('隗彧霖');
    const result = status(dossierWith(license, bank), 'legal-rep.license-vs-bank');
    expect(result.status).toBe('fail');
    // Before: "differ: different characters 彧 vs 或 at position 2".
    expect(result.message).toMatch(
      /only where the OCR was unsure of a character.*confirm against the image; proposed for the legal representative on the bank account form: 隗彧霖/,
    );
    // A difference elsewhere, read for sure, is still a difference.
    const other = filled('隗彧霖', '隗或林', [1, 0.99, 0.99]);
    expect(
      status(dossierWith(other.license, other.bank), 'legal-rep.license-vs-bank').message,
    ).toMatch(/differ: /);
  });

  it('a value a person confirmed is compared as confirmed: its doubts are gone', () => {
    const { license, bank } = filled('司马钊赟', '司马钊区', [1, 0.99, 0.97, 0.84]);
    const input = dossierWith(license, bank);
    input.confirmed = { 'bank-permit': { legalRepresentative: '司马钊区' } };
    expect(status(input, 'legal-rep.license-vs-bank').status).toBe('fail');
  });

  it('places each difference in both values: substitutions, missing and extra characters', () => {
    // a 王小明 vs b 王明明X: 小→明 at 1 (b 1), extra X at 3 in a (b 3).
    const diff = [
      { at: 1, a: '小', b: '明', kind: 'different' as const },
      { at: 3, a: '', b: 'X', kind: 'extra' as const },
    ];
    expect(doubtedDifferences(diff, new Set([1]), undefined)).toEqual([true, false]);
    expect(doubtedDifferences(diff, undefined, new Set([3]))).toEqual([false, true]);
    // a 王小明 vs b 王明: 小 missing (a 1), then nothing; b's place after it shifts back.
    const missing = [
      { at: 1, a: '小', b: '', kind: 'missing' as const },
      { at: 2, a: '明', b: '名', kind: 'different' as const },
    ];
    expect(doubtedDifferences(missing, undefined, new Set([1]))).toEqual([false, true]);
    expect(doubtedDifferences(missing, new Set([1]), undefined)).toEqual([true, false]);
  });

  it('places each difference a proposal holds: the other character at its place, or the other value whole', () => {
    const diff = [{ at: 1, a: '或', b: '彧', kind: 'different' as const }];
    expect(proposedDifferences(diff, '隗或霖', '隗彧霖', ['隗彧林'], [])).toEqual([true]);
    expect(proposedDifferences(diff, '隗或霖', '隗彧霖', [], ['隗或霖'])).toEqual([true]);
    expect(proposedDifferences(diff, '隗或霖', '隗彧霖', ['隗惑霖'], [])).toEqual([false]);
    const missing = [{ at: 2, a: '霖', b: '', kind: 'missing' as const }];
    expect(proposedDifferences(missing, '隗或霖', '隗或', ['隗或'], [])).toEqual([true]);
    expect(proposedDifferences(missing, '隗或霖', '隗或', ['隗或林'], [])).toEqual([false]);
  });
});
