// Whether an IPC message may be acted on: it must come from the app's own page, from the
// top frame (not an iframe a document could smuggle in), and from the window main made.
import { isAppUrl } from './origin';

export interface IpcSenderInfo {
  /** event.senderFrame?.url; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sending frame is its page's top frame (senderFrame.parent === null). */
  isTopFrame: boolean;
  /** True when the sender is a window this process created for the app. */
  isAppWindow: boolean;
}

export type SenderDecision = { ok: true } | { ok: false; reason: string };

export function senderDecision(sender: IpcSenderInfo): SenderDecision {
  if (sender.frameUrl === null) return { ok: false, reason: 'the sending frame is gone' };
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: 'the sender is not the app origin' };
  if (!sender.isTopFrame) return { ok: false, reason: 'the sender is not the top frame' };
  if (!sender.isAppWindow) return { ok: false, reason: 'the sender is not an app window' };
  return { ok: true };
}
