// bench:ocr's scoring (bench/ocr-score.ts, bench/ocr-report.ts): "exact" counts a value as
// `dossier extract` prints it, and a code's first checksum proposal (the issue's "after
// proposals" for codes); "first proposal" any field's first proposal, "among proposals" any
// of them (the review offers every proposal with its own apply); the report gives each.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/extraction';
import { scoreDocument } from '../../bench/ocr-score';
import type { EngineRun } from '../../bench/ocr-read';
import { markdownTable, summarise } from '../../bench/ocr-report';

const doc = (
  fields: Record<string, string | null>,
  corrections: ExtractedDocument['corrections'],
): ExtractedDocument => ({
  file: 'license.jpg',
  kind: 'business-license',
  fields,
  confidence: {},
  corrections,
  warnings: [],
});

const alternative = (field: string, from: string, to: string) => ({
  field,
  from,
  to,
  reason: 'ocr-alternative' as const,
});

describe('scoring a field against its proposals', () => {
  const truth = {
    kind: 'business-license',
    fields: {
      legalRepresentative: '张三',
      companyName: '某某有限公司',
      creditCode: '91330106MA2ABCDE1X',
    },
  };
  const outcome = scoreDocument(
    doc(
      {
        legalRepresentative: '张二',
        companyName: '某某有限公司',
        creditCode: '91330106MA2ABCDE1Y',
      },
      [
        // The true name is the second proposal: reachable in the review, not the first.
        alternative('legalRepresentative', '张二', '张王'),
        alternative('legalRepresentative', '张二', '张三'),
        // No proposal holds the true code.
        alternative('creditCode', '91330106MA2ABCDE1Y', '91330106MA2ABCDE1Z'),
      ],
    ),
    truth,
  );
  const byField = Object.fromEntries(outcome.fields.map((f) => [f.field, f]));

  it('counts the first proposal only for "exact or first proposal"', () => {
    expect(byField.legalRepresentative).toMatchObject({
      exact: false,
      exactOrFirstProposal: false,
      amongProposals: true,
    });
  });

  it('counts a guess a person must judge (an OCR runner-up) only among proposals', () => {
    const read = scoreDocument(
      doc({ legalRepresentative: '张二' }, [alternative('legalRepresentative', '张二', '张三')]),
      truth,
    ).fields.find((f) => f.field === 'legalRepresentative');
    expect(read).toMatchObject({
      exact: false,
      exactAfterProposals: false,
      exactOrFirstProposal: true,
      amongProposals: true,
    });
  });

  it("counts a code's first checksum proposal as exact after proposals", () => {
    const code = scoreDocument(
      doc({ creditCode: '9133O106MA2ABCDE1X' }, [
        {
          field: 'creditCode',
          from: '9133O106MA2ABCDE1X',
          to: '91330106MA2ABCDE1X',
          reason: 'checksum',
        },
      ]),
      { kind: 'business-license', fields: { creditCode: '91330106MA2ABCDE1X' } },
    ).fields[0];
    expect(code).toMatchObject({ exact: false, exactAfterProposals: true });
  });

  it('counts a value exact as read in both, and a value no proposal holds in neither', () => {
    expect(byField.companyName).toMatchObject({ exactAfterProposals: true, amongProposals: true });
    expect(byField.creditCode).toMatchObject({ exactAfterProposals: false, amongProposals: false });
  });

  it('reports both figures, the existing one unchanged', () => {
    const run: EngineRun = {
      engine: 'paddle',
      startupSeconds: 1,
      peakRssMb: 100,
      files: [
        {
          file: 'license.jpg',
          family: 'license-test',
          partition: 'tuned',
          medium: 'scan',
          pages: 1,
          pageSize: 'a4',
          seconds: 1,
          cpuSeconds: 1,
          reported: 1,
          documents: [{ kind: 'business-license', page: 1, found: true, outcome }],
        },
      ],
      dossiers: [],
    };
    const summary = summarise(run);
    expect(summary.tuned.fields).toMatchObject({ exact: 1, total: 3 });
    expect(summary.tuned.fieldsAmongProposals).toMatchObject({ exact: 2, total: 3 });
    const table = markdownTable(summary);
    expect(table).toContain('| fields exact (codes after their checksum proposal) | 33.3% (1/3) |');
    expect(table).toContain(
      '| fields exact as read (what `dossier extract` prints) | 33.3% (1/3) |',
    );
    expect(table).toContain('| fields exact or true value among proposals | 66.7% (2/3) |');
  });
});
