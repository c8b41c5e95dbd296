// `dossier verify FILE.zip [--json]` (spec/cli-contract.md): re-hashes every file of a
// pack against its manifest. Exit 0 intact, 1 altered, 2 unreadable or bad usage.
import { readFile, stat } from 'node:fs/promises';
import { EXIT, UsageError, type CliIo } from '../io';
import { parseArgs } from 'node:util';
import { describeAlterations, PackReadError, verifyPack, type VerifyResult } from '../../core/pack';
import { nodeHasher } from '../../pack/node-hasher';

/** A pack larger than this is not read at all (a real pack is a few tens of MB). */
const MAX_PACK_FILE_BYTES = 512 * 1024 * 1024;

export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  // node:util directly rather than ../args: verifying a pack must not load the dossier reader.
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError('verify takes exactly one pack (a .zip file).');
  const path = positionals[0]!;

  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    io.stderr(`dossier verify: the file ${path} does not exist.\n`);
    return EXIT.usage;
  }
  if (info.size > MAX_PACK_FILE_BYTES) {
    io.stderr(`dossier verify: ${path} is larger than any pack could be, so it is not read.\n`);
    return EXIT.usage;
  }

  let result: VerifyResult;
  try {
    result = await verifyPack(new Uint8Array(await readFile(path)), nodeHasher);
  } catch (error) {
    if (error instanceof PackReadError) {
      if (values.json)
        io.stdout(
          `${JSON.stringify({ file: path, status: 'unreadable', error: error.message }, null, 2)}\n`,
        );
      io.stderr(`dossier verify: ${path}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }

  const { manifest } = result;
  if (values.json) {
    const out = {
      file: path,
      status: result.status,
      company: manifest.company,
      createdAt: manifest.createdAt,
      today: manifest.today,
      verdict: manifest.verdict,
      forced: manifest.forced,
      rulePack: manifest.rulePack,
      entries: result.entries,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const about = `${manifest.company.name ?? 'unknown company'}, made ${manifest.createdAt}${manifest.forced ? ', FORCED' : ''}`;
    if (result.status === 'intact') {
      io.stdout(`intact: all ${result.entries.length} files match the manifest (${about}).\n`);
    } else {
      io.stdout(
        `ALTERED (${about}):\n${describeAlterations(result)
          .map((s) => `  ${s}`)
          .join('\n')}\n`,
      );
    }
  }
  return result.status === 'intact' ? EXIT.ok : EXIT.blocked;
}
