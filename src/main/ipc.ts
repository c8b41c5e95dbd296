// The main side of the bridge: for each channel of src/shared/ipc.ts, check the sender
// frame, validate the payload with the channel's schema, act, and answer with a typed
// result. Nothing here takes a path from the renderer and writes there: savePack and the
// streamed backup save (streamed-save.ts) write only where the user pointed a save dialog,
// revealInFolder shows only what savePack wrote.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import {
  IPC,
  ipcError,
  type Capability,
  type IpcParsedRequest,
  type IpcResponse,
} from '../shared/ipc';
import { answerIpc, consoleIpcLog, gateIpcRequest, SavedPaths, type GateResult } from './policy';
import type { ReminderScheduler } from './reminder-schedule';
import { StreamedSaves } from './streamed-save';

type Handler<K extends Capability> = (
  request: IpcParsedRequest<K>,
  window: BrowserWindow,
) => Promise<IpcResponse<K>>;

function register<K extends Capability>(
  name: K,
  isAppWindow: (window: BrowserWindow | null) => boolean,
  handler: Handler<K>,
): void {
  const { channel } = IPC[name];
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const frame = event.senderFrame;
    const gate = gateIpcRequest(
      name,
      {
        frameUrl: frame?.url ?? null,
        isTopFrame: frame !== null && frame.parent === null,
        isAppWindow: window !== null && isAppWindow(window),
      },
      payload,
    );
    const checked: GateResult<K> =
      gate.ok && window === null
        ? ipcError('forbidden-sender', 'This request was refused: it has no window.')
        : gate;
    return answerIpc(
      name,
      checked,
      (request) =>
        window === null ? Promise.reject(new Error('no window')) : handler(request, window),
      consoleIpcLog,
    );
  });
}

/** Asks where to save (Documents by default); null when cancelled. */
async function chooseSavePath(
  window: BrowserWindow,
  suggestedName: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const chosen = await dialog.showSaveDialog(window, {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return null;
  return chosen.filePath;
}

/** Asks where to save and writes there; null when cancelled. */
async function saveWithDialog(
  window: BrowserWindow,
  request: { suggestedName: string; bytes: Uint8Array },
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const path = await chooseSavePath(window, request.suggestedName, filter);
  if (path !== null) await writeFile(path, request.bytes);
  return path;
}

export function registerIpcHandlers(
  isAppWindow: (window: BrowserWindow | null) => boolean,
  reminders: ReminderScheduler,
): void {
  const saved = new SavedPaths();

  register('savePack', isAppWindow, async (request, window) => {
    const path = await saveWithDialog(window, request, {
      name: 'Document pack (zip)',
      extensions: ['zip'],
    });
    if (path !== null) saved.remember(path);
    return { ok: true, value: path === null ? null : { path } };
  });

  const saves = new StreamedSaves();
  const watched = new WeakSet<WebContents>();
  register('startBackupSave', isAppWindow, async (request, window) => {
    const path = await chooseSavePath(window, request.suggestedName, {
      name: 'Dossier Vault backup',
      extensions: ['dvbackup'],
    });
    if (path === null) return { ok: true, value: null };
    const contents = window.webContents;
    if (!watched.has(contents)) {
      // A page that goes away mid-save leaves no temporary file behind.
      watched.add(contents);
      const owner = contents.id;
      const drop = () => void saves.abortAll(owner);
      contents.on('render-process-gone', drop);
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) drop();
      });
      contents.once('destroyed', drop);
    }
    return { ok: true, value: { saveId: await saves.start(contents.id, path) } };
  });
  register('appendBackupSave', isAppWindow, (request, window) =>
    saves.append(window.webContents.id, request.saveId, request.offset, request.bytes),
  );
  register('finishBackupSave', isAppWindow, (request, window) =>
    saves.finish(window.webContents.id, request.saveId, request.totalBytes),
  );
  register('abortBackupSave', isAppWindow, (request, window) =>
    saves.abort(window.webContents.id, request.saveId),
  );

  register('appVersion', isAppWindow, () =>
    Promise.resolve({ ok: true, value: { version: app.getVersion() } }),
  );

  register('setReminders', isAppWindow, (request) =>
    Promise.resolve({ ok: true as const, value: reminders.update(request) }),
  );

  register('revealInFolder', isAppWindow, (request) => {
    if (!saved.has(request.path)) {
      return Promise.resolve(
        ipcError('not-saved-here', 'Only a pack saved in this session can be shown in its folder.'),
      );
    }
    shell.showItemInFolder(request.path);
    return Promise.resolve({ ok: true as const, value: { shown: true as const } });
  });
}
