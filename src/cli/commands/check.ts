// `dossier check DIR [--today YYYY-MM-DD] [--json]` (spec/cli-contract.md).
import { EXIT, UsageError, type CliIo } from '../io';
import { parseCommandArgs, parseToday, progressPrinter } from '../args';
import { loadDossierForCommand } from '../load-dossier';
import { formatCheckReport, placeOf } from '../format';

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new UsageError('check takes exactly one dossier folder.');
  const today = parseToday(values.today);
  const progress = progressPrinter(io.stderr, io.isTTY);

  const loaded = await loadDossierForCommand('check', positionals[0]!, today, progress, io);
  if (typeof loaded === 'number') return loaded;
  progress.done();

  const { result, input, documents } = loaded;
  if (values.json) {
    const out = {
      verdict: result.verdict,
      today: input.today,
      rulePack: { id: loaded.rulePack.id, version: loaded.rulePack.version },
      documents: documents.map((d) => ({
        file: d.file,
        ...placeOf(d),
        kind: d.kind,
        fields: d.fields,
        ...(d.error === undefined ? {} : { error: d.error }),
      })),
      checks: result.checks,
      skipped: loaded.skipped,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(formatCheckReport(loaded));
  }
  return result.verdict === 'ready' ? EXIT.ok : EXIT.blocked;
}
