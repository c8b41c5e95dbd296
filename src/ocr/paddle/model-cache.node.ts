// The native runtime's optimised models, kept on disk between calls. ONNX Runtime turns
// each model into its optimised graph (fused operators, this CPU's blocked layout) every
// time a session is created: about 0.27 s of CPU per `dossier extract` call for the three
// PP-OCR models, more than half of their loading. The first call saves each optimised graph
// in the user's cache folder; later calls load it with no optimisation left to do, and run
// the same graph with the same kernels, so every value read is the same.
//
// The graph at level 'all' is made for this CPU (its vector width sets the blocked layout),
// so a saved graph is used only by the runtime version, the model file and the CPU it was
// made with (cacheKey). A cached file that is missing, unreadable or rejected is made again
// from the model; a cache folder that cannot be written is no error, only slower.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { cpus, homedir } from 'node:os';
import { basename, join } from 'node:path';
import type * as Ort from 'onnxruntime-web';
import type { OrtModule } from './engine';

/**
 * DOSSIER_CACHE_DIR, else $XDG_CACHE_HOME/dossier-vault, else the platform's usual place;
 * with the folder for the optimised models under it. null when DOSSIER_OCR_MODEL_CACHE=off.
 */
export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DOSSIER_OCR_MODEL_CACHE === 'off') return null;
  const root = env.DOSSIER_CACHE_DIR
    ? env.DOSSIER_CACHE_DIR
    : env.XDG_CACHE_HOME
      ? join(env.XDG_CACHE_HOME, 'dossier-vault')
      : process.platform === 'win32' && env.LOCALAPPDATA
        ? join(env.LOCALAPPDATA, 'dossier-vault', 'Cache')
        : process.platform === 'darwin'
          ? join(homedir(), 'Library', 'Caches', 'dossier-vault')
          : join(homedir(), '.cache', 'dossier-vault');
  return join(root, 'ocr-models');
}

let cpuIdentityOnce: string | undefined;

/**
 * The CPU's model and, on Linux, its instruction set flags (a VM may hide some); read once
 * per process, not once per model.
 */
function cpuIdentity(): string {
  if (cpuIdentityOnce !== undefined) return cpuIdentityOnce;
  let flags = '';
  if (process.platform === 'linux') {
    try {
      flags =
        readFileSync('/proc/cpuinfo', 'utf8')
          .split('\n')
          .find((l) => /^(flags|Features)\s*:/.test(l)) ?? '';
    } catch {
      // No /proc: the model name alone.
    }
  }
  cpuIdentityOnce = `${process.arch} ${cpus()[0]?.model ?? '?'} ${flags}`;
  return cpuIdentityOnce;
}

/** Bumped when what is saved, or how it is loaded, changes. */
const CACHE_FORMAT = 1;

/**
 * What a saved graph depends on: the runtime's version, the model file (name, size, time),
 * the optimisation level and the CPU. Any change gives another file name.
 */
export function cacheKey(
  runtimeVersion: string,
  model: { path: string; size: number; mtimeMs: number },
  level: string,
  cpu: string = cpuIdentity(),
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        CACHE_FORMAT,
        runtimeVersion,
        basename(model.path),
        model.size,
        model.mtimeMs,
        level,
        cpu,
      ]),
    )
    .digest('hex')
    .slice(0, 24);
}

export interface CachedSession {
  session: Ort.InferenceSession;
  /** 'loaded': the saved graph was used; 'saved': made and saved now; 'off': no cache. */
  cache: 'loaded' | 'saved' | 'off';
}

/**
 * A session for the model at `modelPath` with `options`, its optimised graph loaded from
 * `dir` when saved there before, else made (and saved there for the next call).
 */
export async function createCachedSession(
  ort: OrtModule,
  runtimeVersion: string,
  modelPath: string,
  options: Ort.InferenceSession.SessionOptions,
  dir: string | null,
): Promise<CachedSession> {
  const plain = async (): Promise<CachedSession> => ({
    session: await ort.InferenceSession.create(modelPath, options),
    cache: 'off',
  });
  if (dir === null) return plain();
  const level = options.graphOptimizationLevel ?? 'all';
  const info = await stat(modelPath);
  const name = basename(modelPath, '.onnx');
  const file = join(
    dir,
    `${name}-${cacheKey(runtimeVersion, { path: modelPath, size: info.size, mtimeMs: info.mtimeMs }, level)}.onnx`,
  );
  if ((await stat(file).catch(() => null))?.isFile()) {
    try {
      // Optimised already: nothing is left for the runtime to do to it.
      const session = await ort.InferenceSession.create(file, {
        ...options,
        graphOptimizationLevel: 'disabled',
      });
      return { session, cache: 'loaded' };
    } catch {
      // Not a model this runtime reads (a damaged file): made again below.
    }
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch {
    return plain();
  }
  // Written under a name of its own, then renamed: a call running beside this one never
  // reads half a file.
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, {
      ...options,
      optimizedModelFilePath: partial,
    });
  } catch {
    await rm(partial, { force: true });
    return plain();
  }
  try {
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true });
    return { session, cache: 'off' };
  }
  await removeOthers(dir, name, basename(file));
  return { session, cache: 'saved' };
}

/** Graphs of this model saved for another runtime, model file or CPU. */
async function removeOthers(dir: string, name: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n !== keep && n.startsWith(`${name}-`) && n.endsWith('.onnx'))
      .map((n) => rm(join(dir, n), { force: true })),
  );
}
