// The gate every IPC request passes before main acts: first the sender, then the payload
// against the channel's zod schema. Pure, so tests can send it forged senders and payloads.
import {
  IPC,
  ipcError,
  type Capability,
  type IpcError,
  type IpcParsedRequest,
} from '../../shared/ipc';
import { senderDecision, type IpcSenderInfo } from './ipc-sender';

export type GateResult<K extends Capability> =
  { ok: true; request: IpcParsedRequest<K> } | { ok: false; error: IpcError };

export function gateIpcRequest<K extends Capability>(
  name: K,
  sender: IpcSenderInfo,
  payload: unknown,
): GateResult<K> {
  const decision = senderDecision(sender);
  if (!decision.ok)
    return ipcError('forbidden-sender', `This request was refused: ${decision.reason}.`);
  const { channel, request } = IPC[name];
  const parsed = request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    return ipcError(
      'invalid-request',
      `The request to ${channel} is malformed at ${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return { ok: true, request: parsed.data as IpcParsedRequest<K> };
}
