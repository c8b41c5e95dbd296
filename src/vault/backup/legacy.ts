// Format 1, written until the streamed format 2 (stream.ts) replaced it; kept as a reader
// so that older backups still restore. After the prefix (header.ts) came a 12-byte IV and
// the content sealed in one piece with the backup key (AES-256-GCM, AAD = the header bytes):
// JSON of every table's records and the manifest, bytes as {"$b": base64}. One JSON string
// in memory, which is why it failed past roughly 380 MB of documents.
import * as z from 'zod';
import { VAULT_TABLES, type VaultTableName } from '../db';
import type { VaultKeys } from '../envelope';
import { BackupError } from '../errors';
import { decodeJson, type BackupPrefix } from './header';
import { BackupTally, ManifestSchema } from './records';

export const LEGACY_FORMAT = 1;

const ContentSchema = z.object({
  manifest: ManifestSchema,
  tables: z.record(z.string(), z.array(z.unknown())),
});

/** Opens and checks a format-1 backup completely in memory; returns its records per table. */
export async function readLegacyBackup(
  file: Uint8Array,
  prefix: BackupPrefix,
  keys: VaultKeys,
): Promise<Record<VaultTableName, unknown[]>> {
  const at = prefix.length;
  if (at + 12 + 16 > file.length)
    throw new BackupError('The backup file is truncated.', 'truncated');
  let content: z.infer<typeof ContentSchema>;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: file.slice(at, at + 12), additionalData: prefix.headerBytes },
      keys.backup,
      file.slice(at + 12),
    );
    content = ContentSchema.parse(decodeJson(new TextDecoder().decode(plain)));
  } catch {
    throw new BackupError('The backup file is damaged or was altered.', 'damaged');
  }
  const tally = new BackupTally(keys, prefix.header.schemaVersion);
  const tables = {} as Record<VaultTableName, unknown[]>;
  for (const name of VAULT_TABLES) {
    tables[name] = [];
    for (const record of content.tables[name] ?? [])
      tables[name].push(await tally.admit(name, record));
  }
  tally.settle(content.manifest, (name) => content.tables[name] !== undefined);
  return tables;
}
