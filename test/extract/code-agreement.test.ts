// A credit code failing its checksum whose proposed repair (the OCR's own second reading)
// is what the other document of the dossier reads: the repair is taken, below 0.9, the
// page's own reading kept as a proposal (issue 13). Nothing the page's reader did not
// propose is ever taken from the other document.
import { describe, expect, it } from 'vitest';
import type { Correction, ExtractedDocument } from '../../src/core/extraction';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { validateUscc } from '../../src/core/codes/uscc';

const VALID = '91320505RXK6FHJFCQ';
/** VALID with J read as U at position 15: it fails the checksum. */
const READ = '91320505RXK6FHUFCQ';

const repair: Correction = {
  field: 'creditCode',
  from: READ,
  to: VALID,
  reason: 'checksum',
  note: "The OCR's own second reading J (35%) for U at position 15 makes the credit code valid, check character included.",
};

function license(code: string, corrections: Correction[] = [repair]): ExtractedDocument {
  return {
    file: 'license.jpg',
    kind: 'business-license',
    fields: { creditCode: code },
    confidence: { creditCode: 0.5 },
    corrections,
    warnings: [],
  };
}

function bank(code: string, confidence = 1): ExtractedDocument {
  return {
    file: 'bank.pdf',
    kind: 'bank-permit',
    fields: { creditCode: code },
    confidence: { creditCode: confidence },
    corrections: [],
    warnings: [],
  };
}

const fill = (...docs: ExtractedDocument[]) =>
  crossDocumentFill(docs.map((document) => ({ document })));

describe('a credit code repaired where another document reads the repair', () => {
  it('the codes are what the test says they are', () => {
    expect(validateUscc(VALID).valid).toBe(true);
    expect(validateUscc(READ).valid).toBe(false);
  });

  it('U read for J (J the OCR’s second reading), the bank form reads J: J, below 0.9, U proposed', () => {
    const [lic, bnk] = fill(license(READ), bank(VALID));
    expect(lic!.fields.creditCode).toBe(VALID);
    expect(lic!.confidence.creditCode).toBeLessThan(0.9);
    expect(lic!.confidence.creditCode).toBeGreaterThanOrEqual(0.8);
    expect(lic!.found?.creditCode).toBe('cross-document');
    expect(lic!.corrections.filter((c) => c.field === 'creditCode').map((c) => c.to)).toEqual([
      READ,
    ]);
    expect(bnk!.fields.creditCode).toBe(VALID);
  });

  it('the bank form reads another code: the reading stays, the repair only proposed', () => {
    const other = '91330108QN0RYE4PB9';
    const [lic] = fill(license(READ), bank(other));
    expect(lic!.fields.creditCode).toBe(READ);
    expect(lic!.found?.creditCode).toBeUndefined();
  });

  it('no repair proposed by the reader: nothing is taken from the bank form', () => {
    const [lic] = fill(license(READ, []), bank(VALID));
    expect(lic!.fields.creditCode).toBe(READ);
  });

  it('the bank form read the code weakly (below 0.65): it does not speak for the license', () => {
    const [lic] = fill(license(READ), bank(VALID, 0.5));
    expect(lic!.fields.creditCode).toBe(READ);
  });

  it('a person confirmed the license’s code: left alone', () => {
    const [lic] = crossDocumentFill([{ document: license(READ) }, { document: bank(VALID) }], {
      'business-license': { creditCode: READ },
    });
    expect(lic!.fields.creditCode).toBe(READ);
  });

  it('a person confirmed the bank form’s code: it seconds the repair', () => {
    const [lic] = crossDocumentFill(
      [{ document: license(READ) }, { document: bank('something else', 0.3) }],
      { 'bank-permit': { creditCode: VALID } },
    );
    expect(lic!.fields.creditCode).toBe(VALID);
  });
});
