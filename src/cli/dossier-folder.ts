// What is in a dossier folder, read without trusting it: only regular files are read (a
// FIFO would block forever, a device never ends), every entry left out is named with its
// reason, and names that are not UTF-8 (GBK/GB18030 from Chinese Windows zip tools) are
// decoded for display while the file is opened by its raw bytes.
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import iconv from 'iconv-lite';

/** The folder cannot be used as a dossier: the command exits 2 with this sentence. */
export class DossierDirError extends Error {}

/** dossier.json larger than this is refused unread (a real one is a few KB). */
export const MAX_DOSSIER_JSON_BYTES = 1024 * 1024;

export interface DossierFolderFile {
  /** The name as shown (decoded from GB18030 when it is not UTF-8). */
  name: string;
  /** What to open: the raw bytes of the name when it is not UTF-8. */
  path: string | Buffer;
  size: number;
}

export interface SkippedEntry {
  name: string;
  reason: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A raw file name as text: UTF-8 when it is valid, else GB18030 (a superset of GBK). */
export function decodeFileName(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

/** Why an entry that is not a regular file is left out, in a few words. */
function notAFile(info: Stats | null): string {
  if (info === null) return 'a link to nothing (its target does not exist)';
  if (info.isDirectory()) return 'a folder (sub-folders are not read)';
  if (info.isFIFO()) return 'a pipe (FIFO), not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a file';
  if (info.isSocket()) return 'a socket, not a file';
  return 'not a regular file';
}

/**
 * The regular files of a folder (links followed to a regular file), by decoded name, and
 * every other entry with the reason it was left out. `ignore` names statements and notes.
 */
export async function listDossierFolder(
  dir: string,
  ignore: (name: string) => boolean,
): Promise<{ files: DossierFolderFile[]; skipped: SkippedEntry[] }> {
  const raw = await readdir(dir, { encoding: 'buffer' });
  const files: DossierFolderFile[] = [];
  const skipped: SkippedEntry[] = [];
  for (const rawName of raw) {
    const name = decodeFileName(rawName);
    if (name.startsWith('.') || ignore(name)) continue;
    const path =
      name === rawName.toString('utf8')
        ? join(dir, name)
        : Buffer.concat([Buffer.from(dir.endsWith(sep) ? dir : dir + sep), rawName]);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      skipped.push({ name, reason: notAFile(info) });
      continue;
    }
    files.push({ name, path, size: info.size });
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  return { files, skipped };
}

/**
 * The text of dossier.json, or null when there is none. Refused with one sentence: a
 * folder, pipe, device or link to one; a file that cannot be read; over 1 MB.
 */
export async function readDossierJsonText(dir: string): Promise<string | null> {
  const path = join(dir, 'dossier.json');
  const info = await stat(path).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? null : error,
  );
  if (info === null) return null;
  if (info instanceof Error)
    throw new DossierDirError(`dossier.json cannot be read (${info.code ?? info.message}).`);
  if (!info.isFile()) throw new DossierDirError(`dossier.json is ${notAFile(info)}.`);
  if (info.size > MAX_DOSSIER_JSON_BYTES)
    throw new DossierDirError(
      `dossier.json is ${(info.size / 1048576).toFixed(1)} MB, over the 1 MB limit for a dossier's statements.`,
    );
  // O_NONBLOCK: if the file was swapped for a pipe since stat, opening it does not hang.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(
    (error: NodeJS.ErrnoException) => {
      throw new DossierDirError(`dossier.json cannot be read (${error.code ?? error.message}).`);
    },
  );
  try {
    const buffer = Buffer.alloc(MAX_DOSSIER_JSON_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_DOSSIER_JSON_BYTES)
      throw new DossierDirError('dossier.json is over the 1 MB limit for a dossier\'s statements.');
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
