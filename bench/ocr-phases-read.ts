// One image file read as the app's OCR worker reads it (src/renderer/reader/ocr.worker.ts:
// decode once, the engine's page, then readDocuments' extraction and image analysis on
// the same pixels), with a checkpoint at each phase's end, for bench/ocr-phases-web.ts.
// The same function runs in Node (native or wasm runtime, Node's codec) and in a browser
// worker (onnxruntime-web, the browser codec): `mark(phase)` charges what was spent since
// the previous mark to `phase`, on whatever clock the host keeps.
import { extractDocument } from '../src/core/extract';
import type { DocumentText } from '../src/core/extraction';
import type { ImageCodec } from '../src/ocr/codec';
import type { ExifOrientationReader, RasterOcrEngine } from '../src/ocr/engine';
import { readDocuments } from '../src/ocr/read-document';

export type Mark = (phase: string) => void;

/** The phases, in the order they are printed. */
export const PHASES = [
  'decode (+ EXIF)',
  'prepare page',
  'detect + orient (JS)',
  'model det',
  'model cls',
  'model rec',
  'recognise (JS)',
  'extraction',
  'image analysis',
] as const;

interface RunnableSession {
  run: (
    this: RunnableSession,
    ...args: unknown[]
  ) => Promise<Record<string, { dims: readonly number[] }>>;
}

/**
 * Wraps an ort module's InferenceSession.prototype.run so that each run is charged to its
 * model (told apart by its output: det [1,1,h,w], cls [n,2], rec [n,steps,classes]) and the
 * JS before it to the phase under way. Answers a setter for the phase under way.
 */
export function instrumentRuns(
  session: { prototype: RunnableSession },
  mark: Mark,
): (phase: string) => void {
  let current = 'detect + orient (JS)';
  const proto = session.prototype;
  const run = proto.run;
  proto.run = async function (this: RunnableSession, ...args) {
    mark(current);
    const out = await run.apply(this, args);
    const dims = Object.values(out)[0]?.dims ?? [];
    mark(dims.length === 4 ? 'model det' : dims.length === 2 ? 'model cls' : 'model rec');
    return out;
  };
  return (phase) => (current = phase);
}

export async function readPhased(
  file: { name: string; bytes: Uint8Array },
  deps: {
    engine: RasterOcrEngine;
    codec: ImageCodec;
    readOrientation: ExifOrientationReader;
    mark: Mark;
    /** Sets the phase JS between model runs is charged to (instrumentRuns). */
    setPhase: (phase: string) => void;
  },
): Promise<{ kind: string; fields: Record<string, unknown> }> {
  const { engine, codec, mark, setPhase } = deps;
  let text: DocumentText | undefined;
  mark('idle');
  const local: RasterOcrEngine = {
    id: engine.id,
    async recognise(image, _onProgress, onDecoded) {
      const [raster, exifOrientation] = await Promise.all([
        codec.decode(image.bytes, image.mime),
        image.mime === 'image/jpeg' ? deps.readOrientation(image.bytes) : undefined,
      ]);
      onDecoded?.(raster);
      mark('decode (+ EXIF)');
      setPhase('prepare page');
      const page = await engine.recogniseRaster(
        raster,
        0,
        exifOrientation === undefined ? {} : { exifOrientation },
        (p) => {
          if (p.stage === 'detecting text') {
            mark('prepare page');
            setPhase('detect + orient (JS)');
          } else if (p.stage === 'recognising' && p.progress <= 0.3) {
            mark('detect + orient (JS)');
            setPhase('recognise (JS)');
          }
        },
      );
      mark('recognise (JS)');
      return { source: engine.id, pages: [page] };
    },
    recogniseRaster: () => Promise.reject(new Error('not used')),
    dispose: () => Promise.resolve(),
  };
  const documents = await readDocuments(file, {
    ocr: local,
    decodeImage: (bytes, mime) => codec.decode(bytes, mime),
    onText: (t) => (text = t),
  });
  mark('image analysis');
  if (text !== undefined) {
    // Extraction is pure: run again alone, it is told apart from the image analysis.
    extractDocument(text, file.name);
    mark('extraction');
  }
  const first = documents[0]!;
  return { kind: first.kind, fields: first.fields };
}
