// The DocumentReader contract in Node, for the workspace's unit tests: the same shared
// pipeline the app uses (src/ocr/read-document with the pdfjs legacy build), reading the
// examples' text PDFs. It renders no page images (the Chromium tests do).
import { readDocument } from '../../src/ocr/read-document';
import { createNodeReadDocumentDeps } from '../../src/ocr/node';
import type { DocumentReader, PageGeometry } from '../../src/renderer/model/contract';

export function createNodeTextReader(): DocumentReader {
  const deps = createNodeReadDocumentDeps();
  return {
    async read(file, options = {}) {
      if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      options.onProgress?.({ stage: 'reading', progress: 0 });
      const d = await deps;
      const document = await readDocument(file, d);
      const pages: PageGeometry[] = [];
      if (document.error === undefined) {
        const pdf = await d.pdfjs.getDocument({
          data: new Uint8Array(file.bytes),
          ...d.pdfOptions?.documentParams,
        }).promise;
        for (let i = 1; i <= pdf.numPages; i++) {
          const viewport = (await pdf.getPage(i)).getViewport({ scale: 1 });
          pages.push({ width: viewport.width, height: viewport.height, rotation: 0 });
        }
        await pdf.destroy();
      }
      options.onProgress?.({ stage: 'extracting', progress: 1 });
      return { document, pages };
    },
    renderPage() {
      return Promise.reject(new Error('The Node test reader renders no pages.'));
    },
    setEngine() {},
    dispose: () => Promise.resolve(),
  };
}
