// `dossier extract FILE... [--json] [--engine ID]` (spec/cli-contract.md): one element per
// document found, in input order (a file holding several gives one per document, in page
// order); an unreadable file gives an error element, the others go on.
import type { ExtractedDocument } from '../../core/extraction';
import { EXIT, UsageError, type CliIo } from '../io';
import { parseCommandArgs, progressPrinter } from '../args';
import { createDocumentReader } from '../document-reader';
import { formatDocument, placeOf } from '../format';
import type { OcrEngineId } from '../../core/ports';

const OCR_ENGINE_IDS = ['paddle', 'tesseract'] as const satisfies readonly OcrEngineId[];

export async function extractCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean', default: false },
    engine: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('extract needs at least one file.');
  const engine = values.engine;
  if (engine !== undefined && !(OCR_ENGINE_IDS as readonly string[]).includes(engine)) {
    throw new UsageError(`--engine must be one of ${OCR_ENGINE_IDS.join(', ')}.`);
  }

  const progress = progressPrinter(io.stderr, io.isTTY);
  const reader = createDocumentReader({
    ...(engine === undefined ? {} : { engine: engine as OcrEngineId }),
    onNotice: (m) => progress.notice(m),
  });
  const results: ExtractedDocument[] = [];
  try {
    for (const [i, file] of positionals.entries()) {
      progress.update(`[${i + 1}/${positionals.length}] reading ${file}`);
      results.push(...(await reader.readFile(file)).documents);
    }
  } finally {
    progress.done();
    await reader.dispose();
  }

  if (values.json) {
    io.stdout(`${JSON.stringify(results.map(toContract), null, 2)}\n`);
  } else {
    io.stdout(results.map(formatDocument).join('\n'));
  }
  return results.some((r) => r.error !== undefined) ? EXIT.blocked : EXIT.ok;
}

/** The element of the CLI contract: the stable fields first, the extras after. */
function toContract(d: ExtractedDocument) {
  return {
    file: d.file,
    ...placeOf(d),
    kind: d.kind,
    fields: d.fields,
    confidence: d.confidence,
    corrections: d.corrections,
    warnings: d.warnings,
    ...(d.error === undefined ? {} : { error: d.error }),
    ...(d.needsConfirmation?.length ? { needsConfirmation: d.needsConfirmation } : {}),
    ...(d.boxes ? { boxes: d.boxes } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.ocrRuntime ? { ocrRuntime: d.ocrRuntime } : {}),
    ...(d.quality ? { quality: d.quality } : {}),
    ...(d.seal ? { seal: d.seal } : {}),
  };
}
