// The DocumentReader contract in Node, for the workspace's unit tests: the same shared
// pipeline the app uses (src/ocr/read-document with the pdfjs legacy build), reading the
// examples' text PDFs. It renders no page images (the Chromium tests do).
import { readDocuments } from '../../src/ocr/read-document';
import { createNodeReadDocumentDeps } from '../../src/ocr/engines.node.ts';
import type { DocumentReader, PageGeometry } from '../../src/renderer/model/contract';

export function createNodeTextReader(): DocumentReader {
  const deps = createNodeReadDocumentDeps();
  return {
    async read(file, options = {}) {
      if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      options.onProgress?.({ stage: 'reading', progress: 0 });
      const d = await deps;
      let pages: PageGeometry[] = [];
      const documents = await readDocuments(file, {
        ...d,
        ...(options.kind ? { kind: options.kind } : {}),
        onText: (text) => {
          pages = text.pages.map((p) => ({ width: p.width, height: p.height, rotation: 0 }));
        },
      });
      const document = documents[0]!;
      if (document.error !== undefined) pages = [];
      options.onProgress?.({ stage: 'extracting', progress: 1 });
      return { document, documents, pages };
    },
    renderPage() {
      return Promise.reject(new Error('The Node test reader renders no pages.'));
    },
    setEngine() {},
    // It reads text layers only: there is no engine to load.
    prepare: () => Promise.resolve(),
    dispose: () => Promise.resolve(),
  };
}
