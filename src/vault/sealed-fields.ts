// Which fields of which table are sealed, and how: the one list the table modules seal
// and open through (test/vault/schema.test.ts checks it against every record schema).
// Each value is AES-256-GCM with AAD = `table \0 id \0 field` (envelope.ts).
import { openBytes, openText, sealBytes, sealText } from './envelope';
import { VaultIntegrityError } from './errors';
import type { Bytes, Sealed } from './schema/sealed';

type FieldKind = 'text' | 'json' | 'bytes';

export const SEALED_FIELDS = {
  dossiers: {
    company: 'text',
    legalRepresentative: 'text',
    idNumber: 'text',
    creditCode: 'text',
    checkSummary: 'json',
  },
  documents: { fileName: 'text', sha256: 'text' },
  blobs: { data: 'bytes' },
  extractions: {
    ocrValue: 'text',
    box: 'json',
    corrections: 'json',
    confirmedValue: 'text',
    confirmedBy: 'text',
  },
  accounts: { store: 'text', phone: 'text', email: 'text' },
  declared: { idValidUntil: 'text', officeAddress: 'text' },
  changeEvents: { before: 'text', after: 'text' },
  readings: { reading: 'json' },
  exceptions: { reason: 'text', by: 'text' },
  trackedChanges: { change: 'json' },
  copyRegister: { entry: 'json' },
} as const satisfies Record<string, Record<string, FieldKind>>;

export type SealedTable = keyof typeof SEALED_FIELDS;
type FieldsOf<T extends SealedTable> = (typeof SEALED_FIELDS)[T];
type PlainOf<K> = K extends 'text' ? string : K extends 'json' ? unknown : Bytes;
/** The plain values a table's sealed fields hold (null: no value). */
export type PlainFields<T extends SealedTable> = {
  -readonly [F in keyof FieldsOf<T>]?: PlainOf<FieldsOf<T>[F]> | null;
};

/**
 * Seals the given fields of one record. A null value stays null (no value); the result's
 * type is Sealed where the input could not be null.
 */
export async function sealFields<T extends SealedTable, V extends PlainFields<T>>(
  key: CryptoKey,
  table: T,
  id: string,
  values: V,
): Promise<{ -readonly [F in keyof V]-?: null extends V[F] ? Sealed | null : Sealed }> {
  const kinds = SEALED_FIELDS[table] as Record<string, FieldKind>;
  const entries = await Promise.all(
    Object.entries(values).map(async ([field, value]: [string, unknown]) => {
      const kind = kinds[field];
      if (!kind) throw new Error(`${table}.${field} is not a sealed field.`);
      if (value === null || value === undefined) return [field, null] as const;
      const sealed =
        kind === 'bytes'
          ? await sealBytes(key, table, id, field, value as Bytes)
          : await sealText(
              key,
              table,
              id,
              field,
              kind === 'json' ? JSON.stringify(value) : (value as string),
            );
      return [field, sealed] as const;
    }),
  );
  return Object.fromEntries(entries) as {
    -readonly [F in keyof V]-?: null extends V[F] ? Sealed | null : Sealed;
  };
}

type Opened<T extends SealedTable, R> = {
  -readonly [F in keyof FieldsOf<T> & keyof R]-?: null extends R[F]
    ? PlainOf<FieldsOf<T>[F]> | null
    : undefined extends R[F]
      ? PlainOf<FieldsOf<T>[F]> | null
      : PlainOf<FieldsOf<T>[F]>;
};

/**
 * Opens every sealed field the record holds (null or absent reads as null; JSON parsed,
 * not yet validated). Anything altered, moved or not JSON is a VaultIntegrityError.
 */
export async function openFields<T extends SealedTable, R extends object>(
  key: CryptoKey,
  table: T,
  id: string,
  record: R,
): Promise<Opened<T, R>> {
  const kinds = SEALED_FIELDS[table] as Record<string, FieldKind>;
  const stored = record as Record<string, unknown>;
  const entries = await Promise.all(
    Object.entries(kinds)
      .filter(([field]) => field in stored)
      .map(async ([field, kind]) => {
        const sealed = stored[field];
        if (sealed === null || sealed === undefined) return [field, null] as const;
        if (kind === 'bytes')
          return [field, await openBytes(key, table, id, field, sealed)] as const;
        const text = await openText(key, table, id, field, sealed);
        if (kind === 'text') return [field, text] as const;
        try {
          return [field, JSON.parse(text) as unknown] as const;
        } catch {
          // Authentic ciphertext of non-JSON cannot come from this code: treat it as damage.
          throw new VaultIntegrityError(table, id, field);
        }
      }),
  );
  return Object.fromEntries(entries) as Opened<T, R>;
}
