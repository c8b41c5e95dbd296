// Verifies a pack: every file the manifest lists is re-hashed (a file whose hash or size
// differs is "changed", one not listed "added", one listed but absent "missing", one listed
// twice "duplicate"), and the manifest's own bytes are checked against the Ed25519
// signature in signature.json. Whether the signer is trusted is the caller's list.
import { strFromU8 } from 'fflate';
import type { Hasher } from '../ports';
import { PackReadError } from './errors';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  ManifestSchema,
  type Manifest,
} from './manifest';
import {
  normaliseFingerprint,
  signatureProblem,
  SIGNATURE_NAME,
  SignatureFileSchema,
  type ManifestSigner,
  type SignatureFile,
} from './signature';
import { DEFAULT_ZIP_LIMITS, readZipSafely, type ZipLimits } from './zip-reader';

export type EntryState = 'intact' | 'changed' | 'added' | 'missing' | 'duplicate';

export interface VerifiedEntry {
  name: string;
  state: EntryState;
  expected?: { sha256: string; bytes: number };
  actual?: { sha256: string; bytes: number };
}

/**
 * What the signature says: `trusted` and `unknown-key` are valid signatures (the key is
 * or is not on the verifier's list), `unsigned` has none, `invalid` names the problem.
 */
export type SignatureCheck =
  | { state: 'trusted' | 'unknown-key'; signer: ManifestSigner }
  | { state: 'unsigned'; legacy: boolean }
  | { state: 'invalid'; problem: string };

export interface VerifyResult {
  /** Altered when any entry or the signature does not hold. */
  status: 'intact' | 'altered';
  manifest: Manifest;
  /** Manifest order first, then added entries by name. */
  entries: VerifiedEntry[];
  signature: SignatureCheck;
}

export interface VerifyOptions {
  limits?: ZipLimits;
  /** Fingerprints (any spelling normaliseFingerprint accepts) whose signatures are trusted. */
  trusted?: readonly string[];
}

export function parseManifest(bytes: Uint8Array): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    throw new PackReadError('manifest.json in the pack is not valid JSON.');
  }
  if (typeof json === 'object' && json !== null) {
    const { format, version } = json as { format?: unknown; version?: unknown };
    if (format !== MANIFEST_FORMAT)
      throw new PackReadError('The zip is not a dossier pack (its manifest has another format).');
    if (typeof version === 'number' && version > MANIFEST_VERSION) {
      throw new PackReadError(
        `The pack's manifest is version ${version}, newer than this app reads (${MANIFEST_VERSION}): update the app.`,
      );
    }
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackReadError(
      `manifest.json does not match the pack format at ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

function checkSignature(
  manifest: Manifest,
  manifestBytes: Uint8Array,
  signatureBytes: Uint8Array | undefined,
  trusted: readonly string[],
): SignatureCheck {
  const { signer } = manifest;
  if (!signer) {
    if (signatureBytes)
      return {
        state: 'invalid',
        problem: 'signature.json is there but manifest.json names no signer',
      };
    return { state: 'unsigned', legacy: manifest.version === 1 };
  }
  if (!signatureBytes)
    return {
      state: 'invalid',
      problem: 'signature.json is missing (manifest.json names a signer)',
    };
  let file: SignatureFile;
  try {
    file = SignatureFileSchema.parse(JSON.parse(strFromU8(signatureBytes)));
  } catch {
    return { state: 'invalid', problem: 'signature.json is not a signature this app reads' };
  }
  const problem = signatureProblem(manifestBytes, signer, file);
  if (problem) return { state: 'invalid', problem };
  const known = new Set(trusted.map(normaliseFingerprint).filter((f) => f !== null));
  return { state: known.has(signer.fingerprint) ? 'trusted' : 'unknown-key', signer };
}

export async function verifyPack(
  zip: Uint8Array,
  hasher: Hasher,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const files = readZipSafely(zip, options.limits ?? DEFAULT_ZIP_LIMITS);
  const manifestBytes = files.get(MANIFEST_NAME);
  if (!manifestBytes)
    throw new PackReadError('The zip holds no manifest.json, so it is not a dossier pack.');
  const manifest = parseManifest(manifestBytes);

  const entries: VerifiedEntry[] = [];
  const listed = new Set<string>([MANIFEST_NAME, SIGNATURE_NAME]);
  for (const file of manifest.files) {
    const expected = { sha256: file.sha256, bytes: file.bytes };
    // Each entry is listed once: a second listing would let one file stand for two.
    if (listed.has(file.name)) {
      entries.push({ name: file.name, state: 'duplicate', expected });
      continue;
    }
    listed.add(file.name);
    const bytes = files.get(file.name);
    if (!bytes) {
      entries.push({ name: file.name, state: 'missing', expected });
      continue;
    }
    const actual = { sha256: await hasher.sha256(bytes), bytes: bytes.length };
    const same = actual.sha256 === expected.sha256 && actual.bytes === expected.bytes;
    entries.push({ name: file.name, state: same ? 'intact' : 'changed', expected, actual });
  }
  const added = [...files.keys()].filter((name) => !listed.has(name)).sort();
  for (const name of added) {
    const bytes = files.get(name)!;
    entries.push({
      name,
      state: 'added',
      actual: { sha256: await hasher.sha256(bytes), bytes: bytes.length },
    });
  }
  const signature = checkSignature(
    manifest,
    manifestBytes,
    files.get(SIGNATURE_NAME),
    options.trusted ?? [],
  );
  const status =
    entries.every((e) => e.state === 'intact') && signature.state !== 'invalid'
      ? 'intact'
      : 'altered';
  return { status, manifest, entries, signature };
}

/** One sentence per entry that is not intact, e.g. "01-营业执照-….jpg was changed". */
export function describeAlterations(result: VerifyResult): string[] {
  const verb: Record<Exclude<EntryState, 'intact'>, string> = {
    changed: 'was changed (its SHA-256 differs from the manifest)',
    added: 'was added (it is not in the manifest)',
    missing: 'is missing (the manifest lists it)',
    duplicate: 'is listed more than once in the manifest',
  };
  const lines = result.entries
    .filter((e) => e.state !== 'intact')
    .map((e) => `${e.name} ${verb[e.state as Exclude<EntryState, 'intact'>]}.`);
  if (result.signature.state === 'invalid')
    lines.unshift(`The signature fails: ${result.signature.problem}.`);
  return lines;
}
