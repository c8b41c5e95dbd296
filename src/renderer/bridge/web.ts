// The VaultBridge for plain Chromium (npm run web, end-to-end tests): a file input for
// openFiles and a Blob download for savePack. Same interface as the Electron preload.
import type { VaultBridge } from '../../shared/bridge';
import { ipcError, MAX_OPEN_FILE_BYTES, MAX_OPEN_FILES, type OpenedFile } from '../../shared/ipc';

const ACCEPT = {
  documents: '.pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff,.heic,application/pdf,image/*',
  'dossier-json': '.json,application/json',
} as const;

/** Opens the browser's file chooser; resolves with the chosen files ([] when cancelled). */
function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const done = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Hands bytes to the browser's download (the web host's "save as"). */
function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the blob; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const webBridge = {
  async openFiles(request) {
    const kind = request.kind ?? 'documents';
    const files = await chooseFiles(ACCEPT[kind], kind === 'documents');
    if (files.length > MAX_OPEN_FILES)
      return ipcError('too-large', `Choose at most ${MAX_OPEN_FILES} files at a time.`);
    const opened: OpenedFile[] = [];
    for (const file of files) {
      if (file.size > MAX_OPEN_FILE_BYTES) {
        return ipcError(
          'too-large',
          `${file.name} is ${Math.round(file.size / 1048576)} MB, over the 50 MB limit.`,
        );
      }
      opened.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    }
    return { ok: true, value: opened };
  },

  savePack(request) {
    download(request.bytes, request.suggestedName, 'application/zip');
    // A browser does not say where it saved: the name is all there is.
    return Promise.resolve({ ok: true, value: { path: request.suggestedName } });
  },

  saveBackup(request) {
    download(request.bytes, request.suggestedName, 'application/octet-stream');
    return Promise.resolve({ ok: true, value: { path: request.suggestedName } });
  },

  appVersion() {
    return Promise.resolve({
      ok: true,
      value: { version: import.meta.env.VITE_APP_VERSION ?? 'web' },
    });
  },

  revealInFolder() {
    return Promise.resolve(
      ipcError(
        'unsupported',
        'A browser cannot show a file in its folder: open your downloads folder.',
      ),
    );
  },
} satisfies VaultBridge;
