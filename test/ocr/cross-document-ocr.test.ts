// Cross-document value search on OCR text (issue 13): PP-OCRv4 reads the generated bank
// form scan; its 法定代表人 label is then taken out of the OCR lines (as a seal or a fold
// would take it), and the license's value locates the name on the page. What is reported
// is what OCR read there, so a one-character difference still fails the comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks';
import type { DocumentText, ExtractedDocument } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { loadRulePack } from '../../src/core/rule-pack';
import type { RasterOcrEngine } from '../../src/ocr/engine';
import { createPaddleEngineNode } from '../../src/ocr/paddle/engine.node.ts';
import { loadFixture } from './support/fixtures';

let engine: RasterOcrEngine;
let bankText: DocumentText;
let legalRepresentative: string;

beforeAll(async () => {
  engine = await createPaddleEngineNode();
  const f = await loadFixture('bank-serif-0-faint-scan');
  legalRepresentative = f.truth.fields.legalRepresentative!;
  const text = await engine.recognise({ bytes: f.bytes, mime: 'image/jpeg' });
  // The label lost: every OCR line keeps its text after the label, nothing before it.
  bankText = {
    ...text,
    pages: text.pages.map((p) => ({
      ...p,
      items: p.items.flatMap((item) => {
        const at = item.text.search(/法定代表|单位负责人/u);
        if (at < 0) return [item];
        const rest = item.text.slice(at).replace(/^.*?(人）|人\)|人)[:：]?/u, '');
        if (rest === '') return [];
        // The value's share of the line's width, from its end.
        const w = (item.w * rest.length) / item.text.length;
        return [{ ...item, x: item.x + item.w - w, w, text: rest }];
      }),
    })),
  };
}, 120_000);
afterAll(async () => engine?.dispose());

/** The license as read, confidently, with the legal representative it prints. */
function license(name: string): ExtractedDocument {
  return {
    file: 'license.jpg',
    kind: 'business-license',
    fields: { legalRepresentative: name, companyName: null },
    confidence: { legalRepresentative: 0.97 },
    corrections: [],
    warnings: [],
  };
}

function dossierOf(documents: ExtractedDocument[]) {
  return runChecks(
    {
      documents,
      accounts: [],
      declared: {},
      confirmed: {},
      exceptions: [],
      today: '2026-11-24',
      files: [],
    },
    loadRulePack(),
  ).checks.find((c) => c.id === 'legal-rep.license-vs-bank')!;
}

describe('cross-document search on OCR text', () => {
  it('locates the bank form’s legal representative whose label was lost, by the license’s', () => {
    const bank = extractDocument(bankText, 'bank.jpg');
    expect(bank.kind).toBe('bank-permit');
    expect(bank.fields.legalRepresentative).toBeNull();
    const [, filled] = crossDocumentFill([
      { document: license(legalRepresentative) },
      { document: bank, text: bankText },
    ]);
    expect(filled!.fields.legalRepresentative).toBe(legalRepresentative);
    expect(filled!.found?.legalRepresentative).toBe('cross-document');
    expect(filled!.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(dossierOf([license(legalRepresentative), filled!]).status).toBe('pass');
  });

  it('reports the page’s characters: a license one character off still fails the comparison', () => {
    const bank = extractDocument(bankText, 'bank.jpg');
    // The license's name differs from the bank's in its first character.
    const other = `逄${legalRepresentative.slice(1)}`;
    const [, filled] = crossDocumentFill([
      { document: license(other) },
      { document: bank, text: bankText },
    ]);
    expect(filled!.fields.legalRepresentative).toBe(legalRepresentative);
    const check = dossierOf([license(other), filled!]);
    expect(check.status).toBe('fail');
  });
});
