// A person's name two documents read alike, where one side's OCR doubted a character and
// saw a rarer look-alike PP-OCR is measured to read as it (佘 behind 余, 阚 behind 阙): the
// pages may differ where the readings cannot, so the comparison warns, naming the place.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import type { DossierInput } from '../../src/core/dossier';
import type { CharAlternatives, DocumentText, ExtractedDocument } from '../../src/core/extraction';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { extractDocument } from '../../src/core/extract/index';
import { loadRulePack } from '../../src/core/rule-pack';
import { readyDossier } from '../core/dossier-fixture';
import { bankForm, ocrItem } from './support/bank-form';

const pack = loadRulePack();

/** A form whose 法定代表人 is read as `name`, with `runnerUp` behind the first character at `p`. */
function formText(name: string, p: number, runnerUp: string): DocumentText {
  const alternatives: CharAlternatives[] =
    p < 0.99 ? [{ at: 0, p, options: [{ text: runnerUp, p: 1 - p - 0.05 }] }] : [];
  const chars = [...name].map((_, i) => (i === 0 ? p : 0.99));
  const item = {
    ...ocrItem(name, 0, 0, Math.min(...chars), alternatives.length > 0 ? alternatives : undefined),
    charConfidences: chars,
  };
  return bankForm(item, 'paddle');
}

function readAs(text: DocumentText, kind: 'bank-permit' | 'business-license'): ExtractedDocument {
  const doc = extractDocument(text, `${kind}.jpg`, { kind: 'bank-permit' });
  return { ...doc, kind, source: text.source };
}

/** License and bank form both read by OCR, after the cross-document step, in the ready dossier. */
function dossier(license: DocumentText, bank: DocumentText): DossierInput {
  const [l, b] = crossDocumentFill([
    { document: readAs(license, 'business-license'), text: license },
    { document: readAs(bank, 'bank-permit'), text: bank },
  ]);
  const input = readyDossier();
  const name = l!.fields.legalRepresentative!;
  input.documents = input.documents.map((d) => {
    if (d.kind === 'business-license')
      return { ...d, fields: { ...d.fields, legalRepresentative: name }, source: 'paddle' };
    if (d.kind === 'bank-permit')
      return {
        ...d,
        fields: { ...d.fields, legalRepresentative: b!.fields.legalRepresentative! },
        source: 'paddle',
        corrections: b!.corrections,
        ...(b!.doubted ? { doubted: b!.doubted } : {}),
      };
    if (d.kind === 'id-card-front') return { ...d, fields: { ...d.fields, name } };
    return d;
  });
  return input;
}

const check = (input: DossierInput) =>
  runChecks(input, pack).checks.find((c) => c.id === 'legal-rep.license-vs-bank')!;

describe('a name read alike on both documents, one side doubting a measured look-alike', () => {
  it('余晗 on both, the bank form’s 余 at 0.6 with 佘 behind it: warns, naming 佘 at position 1', () => {
    const input = dossier(formText('余晗', 0.99, ''), formText('余晗', 0.6, '佘'));
    const result = check(input);
    // Before: "are identical", a pass, though the form may print 佘晗.
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(
      /match as read.*余 at position 1 .* may be 佘.*confirm against the image/,
    );
    expect(result.messageZh).toMatch(/第1个字“余”可能为“佘”/);
    // A warning: the dossier stays ready.
    expect(runChecks(input, pack).verdict).toBe('ready');
  });

  it('阙 read for 阚 on one side (a surname look-alike): warns', () => {
    const result = check(dossier(formText('阙婕', 0.99, ''), formText('阙婕', 0.55, '阚')));
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/阙 at position 1 .* may be 阚/);
  });

  it('passes where the doubt is no measured look-alike, where the character was sure, or a rare one read', () => {
    // 王 doubted with 玉 behind it: no rarer name character PP-OCR reads as 王.
    expect(check(dossier(formText('王晗', 0.99, ''), formText('王晗', 0.6, '玉'))).status).toBe(
      'pass',
    );
    // 余 read at 0.995: no doubt.
    expect(check(dossier(formText('余晗', 0.99, ''), formText('余晗', 0.995, '佘'))).status).toBe(
      'pass',
    );
    // 阚 read (the rare one) with 阙 behind it: the common reading of a rare surname is no
    // hidden rare character.
    expect(check(dossier(formText('阚婕', 0.99, ''), formText('阚婕', 0.6, '阙'))).status).toBe(
      'pass',
    );
  });

  it('a person’s confirmation of the value ends the warning', () => {
    const input = dossier(formText('余晗', 0.99, ''), formText('余晗', 0.6, '佘'));
    input.confirmed = { 'bank-permit': { legalRepresentative: '余晗' } };
    expect(check(input).status).toBe('pass');
  });
});
