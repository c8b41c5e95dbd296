// The page renderer's worker: draws pages for the review screen and the slots' thumbnails
// (render-page.ts drawPage) off the main thread, one request at a time, answering a Blob.
import { drawPage, type DrawAnswer, type DrawMessage } from './render-page';

const scope = self as unknown as {
  postMessage(message: DrawAnswer): void;
  onmessage: ((event: MessageEvent<DrawMessage>) => void) | null;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  drawPage(request).then(
    (blob) => scope.postMessage({ id, blob }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
