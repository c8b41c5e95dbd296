// The Content-Security-Policy of every response of the app:// protocol (and of
// `npm run web`, and of the CSP end-to-end test: one definition).
//
// Every source beyond 'self' is there because a test measured that it is needed
// (test/e2e/csp-ocr.test.ts runs tesseract.js and onnxruntime-web under this policy):
// - script-src 'wasm-unsafe-eval': compiling WebAssembly (tesseract.js-core,
//   onnxruntime-web, hash-wasm) counts as "eval" for CSP; without it both OCR runtimes fail
//   (measured). It allows wasm only, never JavaScript eval.
// - worker-src 'self' only: pdfjs's worker, tesseract.js's worker (workerBlobURL: false)
//   and onnxruntime-web's threads (module workers of ocr/ort/ort-wasm-simd-threaded.mjs)
//   start from files of the app's origin; blob: workers were measured to be unnecessary.
//
// Cross-origin isolation (COOP same-origin + COEP require-corp) gives the page and its
// workers SharedArrayBuffer, which onnxruntime-web's multi-threaded wasm needs (one OCR
// inference on several cores). It loosens nothing: the app loads only its own files, and
// require-corp refuses any cross-origin subresource that does not opt in.
// - img-src blob: data:: page previews drawn from in-memory files (blob:) and small
//   inline images; nothing from elsewhere.
// - connect-src 'self': fetch of the app's own cMaps, models and wasm; no http(s), no ws(s).
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'media-src': ["'none'"],
  'manifest-src': ["'none'"],
};

/** Directives a <meta> CSP cannot carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors']);

function serialise(
  directives: Readonly<Record<string, readonly string[]>>,
  skip: Set<string>,
): string {
  return Object.entries(directives)
    .filter(([name]) => !skip.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as an HTTP header value. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES, new Set());

/** The same policy for index.html's <meta http-equiv> (belt and braces under `npm run web`). */
export const CONTENT_SECURITY_POLICY_META = serialise(CSP_DIRECTIVES, HEADER_ONLY);

/** Headers on every response the app serves. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};
