// Main's part of the native OCR host (README, "The OCR host"): it forks the host as an
// Electron utility process on the first page that asks (src/ocr-host/utility.node.ts, the
// CLI's reader on onnxruntime-node), and for each ask from the app's own top frame makes
// a MessageChannelMain, transfers one end to the host and the other to that frame. Main
// never sees a document: the page and the host talk over the port. A host that exits
// (crash, killed) is forked again on the next ask; the page's reader meanwhile falls back
// to its wasm workers (src/renderer/reader/host.ts).
import {
  BrowserWindow,
  ipcMain,
  MessageChannelMain,
  utilityProcess,
  type IpcMainEvent,
  type UtilityProcess,
} from 'electron';
import { OCR_HOST_CHANNELS } from '../shared/ocr-host';
import { senderDecision } from './policy';

export interface OcrHostLauncher {
  /** Ends the host process (the app is quitting). */
  dispose(): void;
}

export function registerOcrHost(
  modulePath: string,
  isAppWindow: (window: BrowserWindow | null) => boolean,
): OcrHostLauncher {
  let child: UtilityProcess | undefined;
  const host = (): UtilityProcess => {
    if (child) return child;
    const forked = utilityProcess.fork(modulePath, [], { serviceName: 'Dossier Vault OCR' });
    forked.on('exit', () => {
      if (child === forked) child = undefined;
    });
    child = forked;
    return forked;
  };
  ipcMain.on(OCR_HOST_CHANNELS.connect, (event: IpcMainEvent) => {
    const frame = event.senderFrame;
    const window = BrowserWindow.fromWebContents(event.sender);
    const decision = senderDecision({
      frameUrl: frame?.url ?? null,
      isTopFrame: frame !== null && frame.parent === null,
      isAppWindow: window !== null && isAppWindow(window),
    });
    if (!decision.ok || frame === null) {
      console.error(`[ocr-host] a port was refused: ${decision.ok ? 'no frame' : decision.reason}`);
      return;
    }
    const { port1, port2 } = new MessageChannelMain();
    host().postMessage(null, [port1]);
    frame.postMessage(OCR_HOST_CHANNELS.port, null, [port2]);
  });
  return {
    dispose() {
      child?.kill();
      child = undefined;
    },
  };
}
