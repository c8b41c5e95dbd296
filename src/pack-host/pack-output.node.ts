// Where `dossier pack` may write, checked before any work: never inside the dossier folder
// (the next check would read the pack as a document), never over a folder, and over an
// existing file only when it is a pack this tool made (or with --force); write errors
// become one sentence. The write itself, and the removal of the temporary files an
// interrupted pack left beside the target, are src/shared/atomic-file.node.ts.
import { access, constants, lstat, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, relative, isAbsolute } from 'node:path';
import { strFromU8 } from 'fflate';
import { DEFAULT_ZIP_LIMITS, MANIFEST_FORMAT, MANIFEST_NAME, readZipSafely } from '../core/pack';

/** A refusal of the --out path, one sentence. */
export class PackOutputError extends Error {
  override name = 'PackOutputError';
}

const isInside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Whether the bytes are a pack this tool wrote: a zip read strictly, with our manifest. */
export function isDossierPack(bytes: Uint8Array): boolean {
  try {
    const manifest = readZipSafely(bytes).get(MANIFEST_NAME);
    if (!manifest) return false;
    const parsed: unknown = JSON.parse(strFromU8(manifest));
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { format?: unknown }).format === MANIFEST_FORMAT
    );
  } catch {
    return false;
  }
}

/** Refuses an --out that would land in the dossier, on a folder, or over a file that is not a pack. */
export async function checkPackOutput(
  out: string,
  dossierDir: string,
  force: boolean,
): Promise<void> {
  const folder = await realpath(dirname(out));
  const dossier = await realpath(dossierDir).catch(() => null);
  if (dossier && isInside(dossier, folder)) {
    throw new PackOutputError(
      `--out ${out} is inside the dossier folder, where the next check would read the pack as a document: write it elsewhere.`,
    );
  }
  const existing = await lstat(out).catch(() => null);
  if (existing?.isDirectory()) {
    throw new PackOutputError(`--out ${out} is a folder: give the name of the .zip file to write.`);
  }
  if (existing && !force) {
    const target = await stat(out).catch(() => null);
    const isPack =
      target?.isFile() &&
      target.size <= DEFAULT_ZIP_LIMITS.maxTotalBytes * 2 &&
      isDossierPack(new Uint8Array(await readFile(out)));
    if (!isPack) {
      throw new PackOutputError(
        `${out} exists and is not a pack made by dossier, so it was not replaced: choose another name, or add --force to replace it.`,
      );
    }
  }
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new PackOutputError(writeErrorSentence(error, out));
  }
}

/** One sentence for a failed write of the pack. */
export function writeErrorSentence(error: unknown, out: string): string {
  const folder = dirname(out);
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk holding ${folder} is full: the pack was not written (nothing was left behind); free some space or write it elsewhere.`;
    case 'EROFS':
      return `${folder} is on a read-only disk: the pack was not written; write it elsewhere.`;
    case 'EACCES':
    case 'EPERM':
      return `You may not write in ${folder}: the pack was not written; write it elsewhere.`;
    case 'EISDIR':
      return `--out ${out} is a folder: give the name of the .zip file to write.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${folder} for --out does not exist.`;
    default:
      return `The pack could not be written to ${out}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
