// bench:ocr's dossier measure (bench/ocr-dossiers.ts, bench/ocr-report.ts): the truth of a
// dossier whose license is an image asks for the same width confirmation the reader asks
// for (OCR cannot tell （ from (, spec §3), and the report counts, per partition and per
// check id, which checks differed from the truth and how, without naming a held-out dossier.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import type { FieldValues } from '../../src/core/documents';
import {
  scoreDossier,
  truthDocuments,
  type DossierFile,
  type DossierResult,
} from '../../bench/ocr-dossiers';
import type { EngineRun } from '../../bench/ocr-read';
import { dossierTable, markdownTable, summarise } from '../../bench/ocr-report';
import {
  bankTruth,
  idBackTruth,
  idFrontTruth,
  licenseTruth,
} from '../../scripts/fixtures/families/types';
import { makeFamilyDossier } from '../../scripts/fixtures/families/people';
import type { Medium } from '../../scripts/fixtures/families/types';
import type { DocumentKind } from '../../src/core/documents';

const d = makeFamilyDossier(31);
// A company name with brackets, as many are: （苏州） is printed full-width on both documents.
const company = `${d.license.companyName.replace(/有限公司$/u, '')}（苏州）有限公司`;
const FIELDS: Record<DocumentKind, FieldValues> = {
  'business-license': { ...licenseTruth(d.license, 'company'), companyName: company },
  'id-card-front': idFrontTruth(d.idFront),
  'id-card-back': idBackTruth(d.idBack),
  'bank-permit': {
    ...bankTruth(d.bank, { permit: false, creditCode: false, legalRepresentative: true }),
    accountName: company,
  },
};

/** One file of one document, reported exactly as printed; an image's read by OCR. */
function file(
  kind: DocumentKind,
  medium: Medium,
  partition: 'tuned' | 'held-out' = 'tuned',
): DossierFile {
  const name = `${kind}.${medium === 'text-pdf' ? 'pdf' : 'jpg'}`;
  const ocr = medium !== 'text-pdf';
  const reported: ExtractedDocument = {
    file: name,
    kind,
    fields: FIELDS[kind],
    confidence: {},
    corrections: [],
    warnings: [],
    source: ocr ? 'paddle' : 'pdf-text',
    // What extractDocument reports for an OCR text holding a width-ambiguous compared value.
    ...(ocr && kind === 'business-license' ? { needsConfirmation: ['companyName'] } : {}),
  };
  return {
    truth: {
      file: name,
      family: `${kind}-test`,
      partition,
      medium,
      font: 'test',
      pages: [{ widthMm: 210, heightMm: 297, dpi: ocr ? 300 : null }],
      documents: [{ kind, fields: FIELDS[kind], page: 0 }],
      degradation: [],
      dossier: `dossier-${partition}-0`,
    },
    reported: [reported],
    mime: ocr ? 'image/jpeg' : 'application/pdf',
    bytes: 1000,
  };
}

const imageLicense = (partition: 'tuned' | 'held-out' = 'tuned'): DossierFile[] => [
  file('business-license', 'scan', partition),
  file('id-card-front', 'text-pdf', partition),
  file('id-card-back', 'text-pdf', partition),
  file('bank-permit', 'text-pdf', partition),
];

describe('the truth of a dossier read from images', () => {
  it('asks to confirm the width of a compared value printed on an image, not on a text layer', () => {
    const [license, , , bank] = imageLicense();
    expect(truthDocuments(license!)[0]!.needsConfirmation).toEqual(['companyName']);
    expect(truthDocuments(bank!)[0]!.needsConfirmation).toBeUndefined();
  });

  it('counts a reader that asks for that confirmation as right (the check warns on both)', () => {
    const result = scoreDossier('dossier-tuned-0', imageLicense());
    expect(result.expectedVerdict).toBe('ready');
    expect(result.after.mismatches).toEqual([]);
    expect(result.after.every).toBe(true);
  });

  it('still counts a reader that misreads the name as wrong, by check id and status', () => {
    const files = imageLicense();
    const bank = files[3]!;
    bank.reported = [
      { ...bank.reported[0]!, fields: { ...FIELDS['bank-permit'], accountName: `${company}X` } },
    ];
    const result = scoreDossier('dossier-tuned-0', files);
    expect(result.after.every).toBe(false);
    expect(result.after.mismatches).toEqual([
      { check: 'name.license-vs-bank', expected: 'warn', actual: 'fail' },
    ]);
  });
});

describe('the report of the dossier checks', () => {
  const wrongName = (partition: 'tuned' | 'held-out', i: number): DossierResult => {
    const files = imageLicense(partition);
    const bank = files[3]!;
    bank.reported = [
      { ...bank.reported[0]!, fields: { ...FIELDS['bank-permit'], accountName: '某某公司' } },
    ];
    return scoreDossier(`dossier-${partition}-${i}`, files);
  };
  const run: EngineRun = {
    engine: 'paddle',
    startupSeconds: 1,
    peakRssMb: 100,
    files: [],
    dossiers: [
      wrongName('tuned', 0),
      scoreDossier('dossier-tuned-1', imageLicense()),
      wrongName('held-out', 0),
      wrongName('held-out', 1),
      scoreDossier('dossier-held-out-2', imageLicense('held-out')),
    ],
  };
  const summary = summarise(run);

  it('counts per partition and check id how often a check differed, and how', () => {
    expect(summary.tuned.dossiers.checks).toEqual({ 'name.license-vs-bank': { 'warn→fail': 1 } });
    expect(summary.heldOut.dossiers.checks).toEqual({
      'name.license-vs-bank': { 'warn→fail': 2 },
    });
  });

  it('names no held-out dossier', () => {
    expect(JSON.stringify(summary.heldOut)).not.toContain('dossier-held-out');
  });

  it('prints the counts side by side in both tables', () => {
    const row =
      '| dossiers whose `name.license-vs-bank` differs from the truth (after the search) | 1 (warn→fail 1) | 2 (warn→fail 2) |';
    expect(markdownTable(summary)).toContain(row);
    expect(dossierTable(summary)).toContain(row);
  });
});
