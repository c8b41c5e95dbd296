// The web build's streamed save (a backup, which may be larger than any one buffer): where
// the browser has the File System Access API, the person picks the file and each piece is
// written to it as it comes (Chromium writes to a swap file and puts it in place only on
// close, so a cancelled or failed save leaves nothing under the chosen name); elsewhere the
// pieces gather in a Blob (which the browser may keep on disk) and finishing downloads it.
import { ipcError, type IpcResponse } from '../../shared/ipc';

type Sink =
  | { kind: 'file'; name: string; writable: FileSystemWritableFileStream; written: number }
  | { kind: 'download'; name: string; blob: Blob; written: number };

type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

const sinks = new Map<string, Sink>();

const notOpen = () =>
  ipcError(
    'save-sequence',
    'This save is not open: it was finished or cancelled, or never started.',
  );

function newSaveId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hands a Blob to the browser's download (the web host's "save as"). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the blob; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file the person picks, or null when they cancel; undefined when there is no picker. */
async function pickFile(suggestedName: string): Promise<Sink | null | undefined> {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (!picker) return undefined;
  try {
    const handle = await picker.call(globalThis, {
      suggestedName,
      types: [
        {
          description: 'Dossier Vault backup',
          accept: { 'application/octet-stream': ['.dvbackup'] },
        },
      ],
    });
    return { kind: 'file', name: handle.name, writable: await handle.createWritable(), written: 0 };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    // No user gesture left, or the picker refused here: the download does it instead.
    return undefined;
  }
}

export async function startWebSave(suggestedName: string): Promise<IpcResponse<'startBackupSave'>> {
  const picked = await pickFile(suggestedName);
  if (picked === null) return { ok: true, value: null };
  const sink = picked ?? {
    kind: 'download',
    name: suggestedName,
    blob: new Blob([], { type: 'application/octet-stream' }),
    written: 0,
  };
  const saveId = newSaveId();
  sinks.set(saveId, sink);
  return { ok: true, value: { saveId } };
}

async function discard(saveId: string): Promise<void> {
  const sink = sinks.get(saveId);
  sinks.delete(saveId);
  if (sink?.kind === 'file') await sink.writable.abort().catch(() => undefined);
}

export async function appendWebSave(request: {
  saveId: string;
  offset: number;
  bytes: Uint8Array;
}): Promise<IpcResponse<'appendBackupSave'>> {
  const sink = sinks.get(request.saveId);
  if (!sink) return notOpen();
  if (request.offset !== sink.written) {
    await discard(request.saveId);
    return ipcError(
      'save-sequence',
      'A piece of the file came out of order; the save was cancelled.',
    );
  }
  const bytes = request.bytes as Uint8Array<ArrayBuffer>;
  try {
    if (sink.kind === 'file') await sink.writable.write(bytes);
    // The Blob takes a copy: the piece itself can go.
    else sink.blob = new Blob([sink.blob, bytes], { type: sink.blob.type });
  } catch (error) {
    await discard(request.saveId);
    return ipcError('io', `The file could not be written: ${String(error)}`);
  }
  sink.written += bytes.length;
  return { ok: true, value: { written: sink.written } };
}

export async function finishWebSave(request: {
  saveId: string;
  totalBytes: number;
}): Promise<IpcResponse<'finishBackupSave'>> {
  const sink = sinks.get(request.saveId);
  if (!sink) return notOpen();
  if (request.totalBytes !== sink.written) {
    await discard(request.saveId);
    return ipcError('save-sequence', 'The file is not whole; the save was cancelled.');
  }
  sinks.delete(request.saveId);
  if (sink.kind === 'download') {
    downloadBlob(sink.blob, sink.name);
    // A browser does not say where it saved: the name is all there is.
    return { ok: true, value: { path: sink.name } };
  }
  try {
    await sink.writable.close();
  } catch (error) {
    await sink.writable.abort().catch(() => undefined);
    return ipcError('io', `The file could not be written: ${String(error)}`);
  }
  return { ok: true, value: { path: sink.name } };
}

export async function abortWebSave(saveId: string): Promise<IpcResponse<'abortBackupSave'>> {
  if (!sinks.has(saveId)) return notOpen();
  await discard(saveId);
  return { ok: true, value: { aborted: true } };
}
