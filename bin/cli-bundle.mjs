// The `dossier` command's prebuilt bundle: src/cli and the JavaScript it imports, bundled
// by esbuild (a dependency of tsx, so every install has it) into out/cli-<id>/, one chunk
// per sub-command. Loading it takes about a fifth of the CPU that tsx took to transform and
// load the same modules on every call. Native and file-reading packages (onnxruntime,
// @napi-rs/canvas, pdfjs-dist, tesseract.js, heic-decode) stay external: they find their
// binaries, wasm and worker files beside themselves in node_modules.
//
// out/cli.json names the current build and the sources it was made from; a build is stale
// when one of them changed after it (an edit, a checkout, an `npm install`), and is then
// made again. Each build gets its own folder and the pointer is replaced atomically, so a
// process still loading chunks of the previous build (parallel tests) is not disturbed.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENTRY = 'src/cli/main.ts';
/** Files outside the bundle's inputs whose change makes it stale. */
const ALSO_WATCHED = ['package.json', 'node_modules/.package-lock.json', 'bin/cli-bundle.mjs'];
const EXTERNAL = [
  'onnxruntime-node',
  'onnxruntime-web',
  '@napi-rs/canvas',
  'sharp',
  'pdfjs-dist',
  'tesseract.js',
  // libheif's WebAssembly build, loaded only for a HEIC file: kept as the package ships it.
  'heic-decode',
  'electron',
];
/** Old build folders are removed once no process can still be loading them. */
const KEEP_OLD_BUILDS_MS = 30 * 60 * 1000;

const pointerPath = (root) => join(root, 'out', 'cli.json');

/** The current build's entry file, or null when there is none or it is stale. */
export function freshBundle(root) {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(pointerPath(root), 'utf8'));
  } catch {
    return null;
  }
  const entry = join(root, 'out', pointer.dir, 'main.js');
  try {
    statSync(entry);
  } catch {
    return null;
  }
  for (const file of [...pointer.sources, ...ALSO_WATCHED]) {
    let mtime;
    try {
      mtime = statSync(join(root, file)).mtimeMs;
    } catch {
      // A watched file absent then and now (no package-lock) is no change.
      if (pointer.absent.includes(file)) continue;
      return null;
    }
    if (mtime >= pointer.builtAt) return null;
  }
  return entry;
}

/** Builds the bundle; returns its entry file. Throws where esbuild or the folder is missing. */
export async function buildBundle(root) {
  const esbuild = await import('esbuild');
  const builtAt = Date.now();
  const dir = `cli-${builtAt.toString(36)}-${randomBytes(3).toString('hex')}`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Two levels below the root, as src/pack/app-version.ts's '../../package.json' expects.
    outdir: join('out', dir),
    external: EXTERNAL,
    // CommonJS packages bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __dossierRequire } from 'node:module'; const require = __dossierRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
  });
  // Sources from node_modules change only with an install, which ALSO_WATCHED sees.
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const absent = ALSO_WATCHED.filter((f) => {
    try {
      statSync(join(root, f));
      return false;
    } catch {
      return true;
    }
  });
  const tmp = `${pointerPath(root)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ dir, builtAt, sources, absent }));
  renameSync(tmp, pointerPath(root));
  removeOldBuilds(root, dir);
  return join(root, 'out', dir, 'main.js');
}

function removeOldBuilds(root, keep) {
  const out = join(root, 'out');
  for (const name of readdirSync(out)) {
    if (!name.startsWith('cli-') || name === keep) continue;
    try {
      if (Date.now() - statSync(join(out, name)).mtimeMs > KEEP_OLD_BUILDS_MS) {
        rmSync(join(out, name), { recursive: true, force: true });
      }
    } catch {
      // Another process removed it first.
    }
  }
}

/** `node bin/cli-bundle.mjs` (npm's prepare step): builds now, or says why it could not. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = join(import.meta.dirname, '..');
  try {
    await buildBundle(root);
  } catch (error) {
    // Not fatal: bin/dossier.mjs then runs the sources through tsx.
    console.warn(
      `dossier: the CLI bundle was not built (${error.message}); npx dossier will use tsx.`,
    );
  }
}
