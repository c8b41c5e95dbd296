// Registers upstream fontkit 2 with pdf-lib instead of @pdf-lib/fontkit 1.1.1, whose
// subsetter corrupts CJK fonts (blank CID-keyed CFF, broken TrueType `loca`; see
// Hopding/pdf-lib#1232). The only gap: pdf-lib reads a subset through `encodeStream()`
// (a Node-style stream), upstream offers the synchronous `encode()`.
import * as fontkit from 'fontkit';
import type { PdfFontkit, ReportFont } from '../core/pack/report-font';

interface UpstreamSubset {
  encode(): Uint8Array;
  encodeStream?: () => unknown;
}
interface UpstreamFont {
  createSubset(): UpstreamSubset;
}

type Listener = (value?: unknown) => void;

/** A one-shot emitter with the `on('data'|'end'|'error')` surface pdf-lib listens to. */
function streamOf(encode: () => Uint8Array) {
  const listeners: Record<string, Listener> = {};
  let scheduled = false;
  const emitter = {
    on(event: string, listener: Listener) {
      listeners[event] = listener;
      if (!scheduled) {
        scheduled = true;
        // pdf-lib attaches data, end and error in one go; emit once they are all attached.
        queueMicrotask(() => {
          try {
            const bytes = encode();
            listeners.data?.(bytes);
            listeners.end?.();
          } catch (error) {
            listeners.error?.(error);
          }
        });
      }
      return emitter;
    },
  };
  return emitter;
}

export const pdfFontkit: PdfFontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(bytes) as UpstreamFont;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => streamOf(() => subset.encode());
      return subset;
    };
    return font as unknown as ReturnType<PdfFontkit['create']>;
  },
};

export function reportFontFromBytes(bytes: Uint8Array): ReportFont {
  return { fontkit: pdfFontkit, bytes };
}
