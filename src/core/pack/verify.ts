// Verifies a pack against its own manifest: every listed file is re-hashed; a file whose
// hash or size differs is "changed", one not listed is "added", one listed but absent is
// "missing". The manifest itself is what the others are checked against.
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
import { DEFAULT_ZIP_LIMITS, readZipSafely, type ZipLimits } from './zip-reader';

export type EntryState = 'intact' | 'changed' | 'added' | 'missing';

export interface VerifiedEntry {
  name: string;
  state: EntryState;
  expected?: { sha256: string; bytes: number };
  actual?: { sha256: string; bytes: number };
}

export interface VerifyResult {
  status: 'intact' | 'altered';
  manifest: Manifest;
  /** Manifest order first, then added entries by name. */
  entries: VerifiedEntry[];
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

export async function verifyPack(
  zip: Uint8Array,
  hasher: Hasher,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<VerifyResult> {
  const files = readZipSafely(zip, limits);
  const manifestBytes = files.get(MANIFEST_NAME);
  if (!manifestBytes)
    throw new PackReadError('The zip holds no manifest.json, so it is not a dossier pack.');
  const manifest = parseManifest(manifestBytes);

  const entries: VerifiedEntry[] = [];
  const listed = new Set<string>([MANIFEST_NAME]);
  for (const file of manifest.files) {
    listed.add(file.name);
    const expected = { sha256: file.sha256, bytes: file.bytes };
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
  const status = entries.every((e) => e.state === 'intact') ? 'intact' : 'altered';
  return { status, manifest, entries };
}

/** One sentence per entry that is not intact, e.g. "01-营业执照-….jpg was changed". */
export function describeAlterations(result: VerifyResult): string[] {
  const verb: Record<Exclude<EntryState, 'intact'>, string> = {
    changed: 'was changed (its SHA-256 differs from the manifest)',
    added: 'was added (it is not in the manifest)',
    missing: 'is missing (the manifest lists it)',
  };
  return result.entries
    .filter((e) => e.state !== 'intact')
    .map((e) => `${e.name} ${verb[e.state as Exclude<EntryState, 'intact'>]}.`);
}
