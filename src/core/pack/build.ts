// Assembles the verified document pack: normalised documents under stable names,
// accounts.csv, report.pdf and manifest.json, zipped with UTF-8 names. Plain data in,
// bytes out: the CLI writes them to disk, the app hands them to the bridge. Its input and
// output types are build-input.ts; the zip itself is zip-writer.ts.
import { strToU8 } from 'fflate';
import type { CheckResult } from '../checks/types';
import { FIELDS_BY_KIND, type DetectedKind } from '../documents';
import { confirmedValues, type Confirmed } from '../dossier';
import type { ExtractedDocument } from '../extraction';
import { accountsCsv } from './accounts-csv';
import type { BuildPackDeps, BuildPackInput, BuiltPack, PackEntry } from './build-input';
import { PackBlockedError } from './errors';
import { formatBytes } from './format';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  ManifestSchema,
  type Manifest,
  type ManifestDocument,
  type ManifestFile,
  type WatermarkRecord,
} from './manifest';
import { packFileName } from './naming';
import { normaliseFile, type NormalisedFile, type WatermarkRequest } from './normalise';
import { buildReportPdf, type ReportDocument } from './report';
import { manifestSigner, signManifest, SIGNATURE_NAME } from './signature';
import { WATERMARK_DEFAULTS, watermarkText } from './watermark';
import { documentPart } from './document-part';
import { assertWithinVerifyLimits } from './size-limits';
import { zipEntries } from './zip-writer';

/** Entries every pack holds besides its documents: accounts.csv, report.pdf, manifest, signature. */
const PACK_RECORDS = 4;

export const REPORT_NAME = 'report.pdf';
export const ACCOUNTS_NAME = 'accounts.csv';

/** The value exported for each field of a document: a person's confirmation wins over OCR. */
export function exportedFields(
  kind: DetectedKind,
  extracted: ExtractedDocument['fields'],
  confirmed: Confirmed,
  confirmedBy: string | undefined,
): ManifestDocument['fields'] {
  if (kind === 'unknown') return {};
  const byPerson = confirmedValues(confirmed, kind);
  const fields: ManifestDocument['fields'] = {};
  for (const field of FIELDS_BY_KIND[kind] as readonly string[]) {
    const value = byPerson[field];
    fields[field] =
      value !== undefined
        ? { value, source: 'confirmed', ...(confirmedBy ? { confirmedBy } : {}) }
        : { value: extracted[field] ?? null, source: 'extracted' };
  }
  return fields;
}

function companyOf(input: BuildPackInput): Manifest['company'] {
  const license = input.documents.find(
    (d) => d.extracted.kind === 'business-license' && !d.extracted.error,
  );
  const confirmed = confirmedValues(input.confirmed, 'business-license');
  return {
    name: confirmed.companyName ?? license?.extracted.fields.companyName ?? null,
    creditCode: confirmed.creditCode ?? license?.extracted.fields.creditCode ?? null,
  };
}

export function blockedMessage(checks: readonly CheckResult[]): string {
  const failed = checks.filter((c) => c.status === 'fail' && !c.exception).map((c) => c.id);
  const list = failed.length ? `: ${failed.join(', ')}` : '';
  return `The dossier is blocked, ${failed.length} ${failed.length === 1 ? 'check fails' : 'checks fail'}${list}.`;
}

/** Failures that normalisation cannot change: everything but `files.format` when it is re-checked. */
function blockingBeforeNormalisation(input: BuildPackInput): CheckResult[] {
  return input.checks.filter(
    (c) => c.status === 'fail' && !c.exception && !(input.recheck && c.id === 'files.format'),
  );
}

export async function buildPack(input: BuildPackInput, deps: BuildPackDeps): Promise<BuiltPack> {
  // Refuse early what normalisation cannot fix, before spending time on the files.
  if (
    input.verdict === 'blocked' &&
    !input.force &&
    (!input.recheck || blockingBeforeNormalisation(input).length > 0)
  ) {
    throw new PackBlockedError(blockedMessage(input.checks));
  }
  const progress = deps.onProgress ?? (() => undefined);
  const company = companyOf(input);
  const watermark = input.watermark
    ? {
        text: watermarkText(input.watermark.text, input.today),
        opacity: input.watermark.opacity ?? WATERMARK_DEFAULTS.opacity,
        angleDegrees: input.watermark.angleDegrees ?? WATERMARK_DEFAULTS.angleDegrees,
        color: input.watermark.color ?? WATERMARK_DEFAULTS.color,
      }
    : null;

  const excluded: Manifest['excluded'] = [];
  const usable = input.documents.filter((d) => {
    if (d.extracted.error !== undefined) {
      excluded.push({ source: d.sourceName, reason: d.extracted.error });
      return false;
    }
    if (d.extracted.kind === 'unknown') {
      excluded.push({ source: d.sourceName, reason: 'Its document kind was not recognised.' });
      return false;
    }
    return true;
  });
  const order: DetectedKind[] = [
    'business-license',
    'id-card-front',
    'id-card-back',
    'bank-permit',
  ];
  const sorted = [...usable].sort(
    (a, b) =>
      order.indexOf(a.extracted.kind) - order.indexOf(b.extracted.kind) ||
      a.sourceName.localeCompare(b.sourceName),
  );

  const files: ManifestFile[] = [];
  const documents: ManifestDocument[] = [];
  const reportDocs: ReportDocument[] = [];
  const entries: PackEntry[] = [];
  const changes: string[] = [];
  const seen = new Map<DetectedKind, number>();
  const watermarkedOn: string[] = [];
  const avoided: Record<string, number> = {};

  for (const [i, doc] of sorted.entries()) {
    const kind = doc.extracted.kind;
    progress(`[${i + 1}/${sorted.length}] normalising ${doc.sourceName}`);
    // A document that is a part of its file is exported as its own file (its pages, or
    // its region cropped with a margin); its boxes are then in another space.
    const part = await documentPart(doc, doc.extracted, deps.codec);
    const boxes = part ? [] : Object.values(doc.extracted.boxes ?? {});
    const request: WatermarkRequest | undefined = watermark ? { ...watermark, boxes } : undefined;
    const normalised: NormalisedFile = await normaliseFile(
      {
        sourceName: doc.sourceName,
        bytes: part?.bytes ?? doc.bytes,
        mime: part?.mime ?? doc.mime,
        limits: input.rulePack.files,
        watermark: request,
      },
      { codec: deps.codec, font: deps.font },
    );
    const occurrence = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, occurrence);
    const fields = exportedFields(kind, doc.extracted.fields, input.confirmed, input.confirmedBy);
    const name = packFileName({
      kind,
      company: company.name,
      ext: normalised.ext,
      occurrence,
      isLegacyBankPermit: kind === 'bank-permit' && Boolean(fields.approvalNumber?.value),
    });
    const [sha256, sourceSha256] = await Promise.all([
      deps.hasher.sha256(normalised.bytes),
      deps.hasher.sha256(doc.bytes),
    ]);
    let summary: string | undefined;
    if (normalised.conversions.length > 0) {
      const formatStep = normalised.conversions.find((c) => c.step === 'format');
      const details = normalised.conversions.filter((c) => c !== formatStep).map((c) => c.detail);
      summary = [
        `${doc.sourceName} → ${name}`,
        ...(formatStep ? [formatStep.detail] : []),
        `${formatBytes(doc.bytes.length)} → ${formatBytes(normalised.bytes.length)}`,
        ...details,
      ].join(', ');
      changes.push(summary);
    }
    if (watermark) {
      watermarkedOn.push(name);
      avoided[name] = boxes.length;
    }
    files.push({
      name,
      role: 'document',
      mime: normalised.mime,
      bytes: normalised.bytes.length,
      sha256,
      kind,
      source: {
        name: doc.sourceName,
        mime: doc.mime,
        bytes: doc.bytes.length,
        sha256: sourceSha256,
      },
      conversions: normalised.conversions,
      ...(summary ? { summary } : {}),
      ...(part ? { part: part.crop } : {}),
    });
    documents.push({ file: name, kind, fields });
    entries.push({ name, bytes: normalised.bytes });
    // Stop as soon as the pack could not be verified: before drawing the report.
    assertWithinVerifyLimits(entries, PACK_RECORDS);
    reportDocs.push({
      file: name,
      kind,
      sourceName: doc.sourceName,
      fields,
      sha256,
      ...(summary ? { summary } : {}),
      preview: await preview(normalised, deps),
      ...(doc.extracted.quality ? { quality: doc.extracted.quality } : {}),
      ...(doc.extracted.seal ? { seal: doc.extracted.seal } : {}),
    });
  }

  let { checks, verdict } = input;
  if (input.recheck) {
    ({ checks, verdict } = input.recheck(
      files.map((f) => ({ file: f.name, mime: f.mime, bytes: f.bytes })),
    ));
    if (verdict === 'blocked' && !input.force) throw new PackBlockedError(blockedMessage(checks));
  }
  const forced = input.force && verdict === 'blocked';
  const signer = deps.signer ? manifestSigner(deps.signer) : undefined;

  progress('writing accounts.csv and report.pdf');
  const csv = strToU8(accountsCsv(input.accounts));
  const report = await buildReportPdf(
    {
      company,
      verdict,
      forced,
      today: input.today,
      createdAt: input.createdAt,
      app: input.app,
      rulePack: {
        id: input.rulePack.id,
        version: input.rulePack.version,
        name: input.rulePack.name.zh,
      },
      checks,
      accounts: input.accounts,
      documents: reportDocs,
      watermarkText: watermark?.text ?? null,
      signer: signer ? { name: signer.name, fingerprint: signer.fingerprint } : null,
    },
    deps.font,
    deps.codec,
  );
  for (const [name, bytes, role, mime] of [
    [ACCOUNTS_NAME, csv, 'accounts', 'text/csv'],
    [REPORT_NAME, report, 'report', 'application/pdf'],
  ] as const) {
    files.push({
      name,
      role,
      mime,
      bytes: bytes.length,
      sha256: await deps.hasher.sha256(bytes),
      conversions: [],
    });
    entries.push({ name, bytes });
  }

  const watermarkRecord: WatermarkRecord | null = watermark
    ? { ...watermark, appliedTo: watermarkedOn, avoidedBoxes: avoided }
    : null;
  const manifest = ManifestSchema.parse({
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    app: input.app,
    rulePack: { id: input.rulePack.id, version: input.rulePack.version },
    createdAt: input.createdAt,
    today: input.today,
    company,
    verdict,
    forced,
    watermark: watermarkRecord,
    files,
    documents,
    checks: [...checks],
    exceptions: [...input.exceptions],
    accounts: [...input.accounts],
    excluded,
    ...(signer ? { signer } : {}),
  } satisfies Manifest);
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  entries.push({ name: MANIFEST_NAME, bytes: manifestBytes });
  if (deps.signer) {
    const signature = await signManifest(manifestBytes, deps.signer);
    entries.push({
      name: SIGNATURE_NAME,
      bytes: strToU8(`${JSON.stringify(signature, null, 2)}\n`),
    });
  }

  assertWithinVerifyLimits(entries);
  progress('zipping');
  return { zip: zipEntries(entries, input.createdAt), manifest, entries, changes };
}

async function preview(
  file: NormalisedFile,
  deps: BuildPackDeps,
): Promise<ReportDocument['preview']> {
  if (file.mime === 'application/pdf') return { type: 'pdf', bytes: file.bytes };
  const limit = deps.thumbnailPixels ?? 1000;
  try {
    const image = await deps.codec.decode(file.bytes, 'image/jpeg');
    try {
      const scale = Math.min(1, limit / Math.max(image.width, image.height));
      const bytes = await image.toJpeg({
        width: Math.max(1, Math.round(image.width * scale)),
        height: Math.max(1, Math.round(image.height * scale)),
        quality: 0.7,
      });
      return { type: 'jpeg', bytes };
    } finally {
      image.close();
    }
  } catch {
    return null;
  }
}
