// `dossier verify FILE.zip [--json] [--trust FINGERPRINT]...` (spec/cli-contract.md):
// re-hashes every file of a pack against its manifest and checks the manifest's signature.
// Exit 0 intact and signed by a trusted key (this user's own key, or one given with
// --trust), 1 altered, 2 unreadable or bad usage, 3 intact but signed by an unknown key,
// 4 intact but unsigned.
import { readFile, stat } from 'node:fs/promises';
import { EXIT, UsageError, type CliIo } from '../io';
import { parseArgs } from 'node:util';
import {
  describeAlterations,
  normaliseFingerprint,
  PackReadError,
  verifyPack,
  type VerifyResult,
} from '../../core/pack';
import { nodeHasher } from '../../pack-host/hasher.node.ts';
import { readCliSigningKey } from '../../pack-host/cli-signing-key.node.ts';
import { printable } from '../format';

/** A pack larger than this is not read at all (a real pack is a few tens of MB). */
const MAX_PACK_FILE_BYTES = 512 * 1024 * 1024;

export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  // node:util directly rather than ../args: verifying a pack must not load the dossier reader.
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        trust: { type: 'string', multiple: true, default: [] },
      },
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
  for (const fingerprint of values.trust) {
    if (!normaliseFingerprint(fingerprint))
      throw new UsageError(
        `--trust takes a key fingerprint of 20 hex digits such as 3F2A-91BC-0D44-7E15-A0B2, not "${fingerprint}".`,
      );
  }
  // This user's own key is trusted; verify never makes one.
  const own = await readCliSigningKey().catch(() => null);
  const trusted = [...values.trust, ...(own ? [own.fingerprint] : [])];

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
    result = await verifyPack(new Uint8Array(await readFile(path)), nodeHasher, { trusted });
  } catch (error) {
    if (error instanceof PackReadError) {
      if (values.json)
        io.stdout(
          `${JSON.stringify({ file: path, status: 'unreadable', error: error.message }, null, 2)}\n`,
        );
      io.stderr(`dossier verify: ${printable(`${path}: ${error.message}`)}\n`);
      return EXIT.usage;
    }
    throw error;
  }

  const { manifest, signature } = result;
  const outcome =
    result.status === 'altered'
      ? 'altered'
      : signature.state === 'invalid'
        ? 'altered'
        : signature.state;
  if (values.json) {
    const out = {
      file: path,
      status: result.status,
      /** trusted, unknown-key, unsigned or altered: what the exit code says. */
      outcome,
      signer: 'signer' in signature ? signature.signer : null,
      signatureProblem: signature.state === 'invalid' ? signature.problem : null,
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
    io.stdout(`${humanLines(result).map(printable).join('\n')}\n`);
  }
  if (outcome === 'altered') return EXIT.blocked;
  if (outcome === 'unknown-key') return EXIT.unknownKey;
  if (outcome === 'unsigned') return EXIT.unsigned;
  return EXIT.ok;
}

function humanLines(result: VerifyResult): string[] {
  const { manifest, signature } = result;
  const about = `${manifest.company.name ?? 'unknown company'}, made ${manifest.createdAt}, verdict ${manifest.verdict}${manifest.forced ? ', FORCED' : ''}`;
  const count = result.entries.length;
  if (result.status === 'altered')
    return [`ALTERED (${about}):`, ...describeAlterations(result).map((s) => `  ${s}`)];
  switch (signature.state) {
    case 'trusted':
      return [
        `intact and signed by ${signature.signer.name} (${signature.signer.fingerprint}): all ${count} files match the manifest (${about}).`,
      ];
    case 'unknown-key':
      return [
        `intact but signed by an unknown key: "${signature.signer.name}" (${signature.signer.fingerprint}); all ${count} files match the manifest (${about}).`,
        `  Anyone can make a key with any name: if the sender confirms this fingerprint, run again with --trust ${signature.signer.fingerprint}.`,
      ];
    case 'unsigned':
      return [
        `intact but unsigned${signature.legacy ? ' (made before signing existed)' : ''}: all ${count} files match the manifest (${about}).`,
        '  Without a signature, anyone could have edited the pack and its manifest together.',
      ];
    default:
      return [`ALTERED (${about}).`];
  }
}
