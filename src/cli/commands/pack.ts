// `dossier pack DIR --out FILE.zip [--today YYYY-MM-DD] [--force] [--watermark TEXT]`
// (spec/cli-contract.md): reads and checks the dossier, then writes the verified pack
// atomically. Refuses a blocked dossier (exit 1) unless --force, which the pack records.
// Refuses (exit 2) an --out inside the dossier folder, on a folder, or over a file that is
// not a pack unless --force; a failed write (read-only, full disk) is one sentence, exit 2.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXIT, UsageError, type CliIo } from '../io';
import { parseCommandArgs, parseToday, progressPrinter } from '../args';
import { loadDossierForCommand } from '../load-dossier';
import {
  buildPack,
  formatBytes,
  PackBlockedError,
  PackFileError,
  PackTooLargeError,
  type BuiltPack,
} from '../../core/pack';
import { runChecks } from '../../core/checks';
import { nodeImageCodec } from '../../pack-host/image-codec.node.ts';
import { nodeHasher } from '../../pack-host/hasher.node.ts';
import { loadReportFont } from '../../pack-host/report-font.node.ts';
import { removeStaleTemps, writeFileAtomic } from '../../shared/atomic-file.node.ts';
import {
  checkPackOutput,
  PackOutputError,
  writeErrorSentence,
} from '../../pack-host/pack-output.node.ts';
import { appInfo } from '../../pack-host/app-version.node.ts';
import {
  loadOrCreateCliSigningKey,
  type CliSigningKey,
} from '../../pack-host/cli-signing-key.node.ts';
import { printable } from '../format';
import { localTimestamp } from '../../core/dates';
import { unreadDocument, type ExtractedDocument } from '../../core/extraction';

export async function packCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    today: { type: 'string' },
    force: { type: 'boolean', default: false },
    watermark: { type: 'string' },
    signer: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('pack takes exactly one dossier folder.');
  if (!values.out) throw new UsageError('pack needs --out FILE.zip, the pack to write.');
  if (!values.out.toLowerCase().endsWith('.zip'))
    throw new UsageError(`--out must name a .zip file, not "${values.out}".`);
  if (values.watermark !== undefined && values.watermark.trim() === '') {
    throw new UsageError(
      '--watermark needs the text to draw, e.g. --watermark "仅供办理速卖通店铺账户关联使用，他用无效".',
    );
  }
  const out = resolve(values.out);
  const outDir = await stat(dirname(out)).catch(() => null);
  if (!outDir?.isDirectory()) {
    io.stderr(`dossier pack: the folder ${printable(dirname(out))} for --out does not exist.\n`);
    return EXIT.usage;
  }
  try {
    await checkPackOutput(out, positionals[0]!, values.force);
  } catch (error) {
    if (!(error instanceof PackOutputError)) throw error;
    io.stderr(`dossier pack: ${printable(error.message)}\n`);
    return EXIT.usage;
  }
  for (const name of await removeStaleTemps(out)) {
    io.stderr(`dossier pack: removed ${printable(name)}, left by a pack that was interrupted.\n`);
  }
  const today = parseToday(values.today);
  const progress = progressPrinter(io.stderr, io.isTTY);

  const loaded = await loadDossierForCommand('pack', positionals[0]!, today, progress, io);
  if (typeof loaded === 'number') return loaded;

  const { result } = loaded;
  const read = new Set(loaded.files.map((f) => f.name));
  const unread = loaded.input.files.filter((f) => !read.has(f.file));
  const refuse = (message: string) => {
    progress.done();
    io.stderr(
      `dossier pack: refused, ${printable(message.replace(/^The/, 'the').replace(/\.$/, ''))}; ` +
        'fix them, or add --force to pack it anyway (the pack then says so).\n',
    );
    return EXIT.blocked;
  };

  if (values.signer !== undefined && values.signer.trim() === '')
    throw new UsageError('--signer needs the name to show on the signature.');
  let key: CliSigningKey;
  try {
    key = await loadOrCreateCliSigningKey(values.signer);
  } catch (error) {
    progress.done();
    io.stderr(`dossier pack: ${printable(keyErrorSentence(error))}\n`);
    return EXIT.usage;
  }
  if (key.created) {
    progress.done();
    io.stderr(
      `dossier pack: made a signing key for ${key.signer.name} in ${key.path} (readable only by you); ` +
        `its fingerprint is ${key.fingerprint}: give it to whoever verifies your packs.\n`,
    );
  }
  const signer = values.signer ? { ...key.signer, name: values.signer.trim() } : key.signer;

  let pack: BuiltPack;
  try {
    pack = await buildPack(
      {
        // One entry per document: a file holding several gives each its own pack file.
        documents: loaded.files.flatMap((file) => {
          const found = loaded.documents.filter((d) => d.file === file.name);
          const extracted: ExtractedDocument[] =
            found.length > 0 ? found : [unreadDocument(file.name)];
          return extracted.map((e) => ({
            sourceName: file.name,
            bytes: file.bytes,
            mime: file.mime,
            extracted: e,
          }));
        }),
        confirmed: loaded.dossier.confirmed,
        checks: result.checks,
        verdict: result.verdict,
        accounts: loaded.dossier.accounts,
        exceptions: loaded.dossier.exceptions,
        rulePack: loaded.rulePack,
        today: loaded.input.today,
        createdAt: localTimestamp(),
        app: appInfo(),
        force: values.force,
        watermark: values.watermark === undefined ? null : { text: values.watermark },
        // files.format judges the files as exported, after PNG→JPG and recompression.
        // A file refused unread (over the size cap) is not exported but still blocks.
        recheck: (files) =>
          runChecks({ ...loaded.input, files: [...files, ...unread] }, loaded.rulePack),
      },
      {
        codec: nodeImageCodec,
        hasher: nodeHasher,
        font: await loadReportFont(),
        signer,
        onProgress: (m) => progress.update(m),
      },
    );
  } catch (error) {
    if (error instanceof PackBlockedError) return refuse(error.message);
    progress.done();
    if (error instanceof PackFileError || error instanceof PackTooLargeError) {
      io.stderr(`dossier pack: ${printable(error.message)}\n`);
      return EXIT.blocked;
    }
    throw error;
  }

  progress.update(`writing ${out}`);
  try {
    await writeFileAtomic(out, pack.zip);
  } catch (error) {
    progress.done();
    io.stderr(`dossier pack: ${printable(writeErrorSentence(error, out))}\n`);
    return EXIT.usage;
  }
  progress.done();

  const lines = [
    `Wrote ${out} (${formatBytes(pack.zip.length)}), verdict ${pack.manifest.verdict}${pack.manifest.forced ? ', FORCED' : ''}:`,
    ...pack.manifest.files.map((f) => `  ${f.name}  ${formatBytes(f.bytes)}`),
    '  manifest.json',
    '  signature.json',
    `Signed by ${signer.name}, key fingerprint ${key.fingerprint}.`,
  ];
  if (pack.changes.length)
    lines.push('Changed to fit the rule pack:', ...pack.changes.map((c) => `  ${c}`));
  for (const e of pack.manifest.excluded) lines.push(`Left out ${e.source}: ${e.reason}`);
  for (const e of loaded.skipped) lines.push(`Left out ${e.name}: skipped, ${e.reason}`);
  io.stdout(`${lines.map(printable).join('\n')}\n`);
  return EXIT.ok;
}

function keyErrorSentence(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return 'the signing key cannot be stored: the config folder is not writable (set DOSSIER_CONFIG_DIR to another folder).';
  return error instanceof Error ? error.message : String(error);
}
