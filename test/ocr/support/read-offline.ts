// Child process for test/ocr/offline.test.ts, started under no-network.mjs: creates
// both engines once, reads the files named on the command line with each, prints one
// JSON line per reading. `--try-fetch` first attempts a fetch, to prove the guard bites.
import { readFile } from 'node:fs/promises';
import { createNodeReadDocumentDeps, createOcrEngine } from '../../../src/ocr/engines.node.ts';
import { readDocument } from '../../../src/ocr/read-document';

const args = process.argv.slice(2);
if (args.includes('--try-fetch')) {
  await fetch('http://127.0.0.1:9/').catch(() => undefined);
}
for (const id of ['tesseract', 'paddle'] as const) {
  const engine = await createOcrEngine(id);
  const deps = await createNodeReadDocumentDeps(engine);
  for (const path of args.filter((a) => !a.startsWith('--'))) {
    const doc = await readDocument(
      { name: path, bytes: new Uint8Array(await readFile(path)) },
      deps,
    );
    process.stdout.write(`${JSON.stringify({ engine: id, doc })}\n`);
  }
  await engine.dispose();
}
