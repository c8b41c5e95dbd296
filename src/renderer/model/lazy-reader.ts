// The app's DocumentReader, loaded on first use: pdfjs, the OCR worker and its models
// stay out of the main bundle until a person imports or reviews a file.
import type { DocumentReader, OcrEngineId } from './contract';

export function createLazyBrowserReader(engine: OcrEngineId = 'paddle'): DocumentReader {
  let current = engine;
  let loaded: Promise<DocumentReader> | undefined;
  const reader = (): Promise<DocumentReader> => {
    loaded ??= import('../reader').then(({ createBrowserDocumentReader }) =>
      createBrowserDocumentReader({ engine: current }),
    );
    // A failed load (a missing asset) is not remembered: the next file tries again.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
  return {
    read: async (file, options) => (await reader()).read(file, options),
    renderPage: async (file, index, geometry, scale) =>
      (await reader()).renderPage(file, index, geometry, scale),
    prepare: async () => (await reader()).prepare(),
    setEngine(next) {
      current = next;
      if (loaded) void loaded.then((r) => r.setEngine(next));
    },
    async dispose() {
      if (loaded) await (await loaded).dispose();
      loaded = undefined;
    },
  };
}
