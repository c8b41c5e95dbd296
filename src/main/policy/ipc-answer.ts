// How main answers a request that passed the gate: runs the handler and checks its answer
// against the channel's response schema. Each failure keeps its own code and is logged
// with it, never folded into another: a request that broke the schema ('invalid-request',
// 'forbidden-sender', from the gate), a disk that refused ('io', with the system's errno),
// a handler that threw anything else ('internal', a bug), and an answer of the wrong shape
// ('invalid-response', a bug). Pure (the log is passed in), so tests drive every branch.
import {
  IPC,
  ipcError,
  type Capability,
  type IpcErrorCode,
  type IpcResponse,
} from '../../shared/ipc';
import type { GateResult } from './ipc-gate';

/** One line per failure: the channel, the code, and what the person is not shown. */
export type IpcLog = (entry: { channel: string; code: IpcErrorCode; detail: string }) => void;

export const consoleIpcLog: IpcLog = ({ channel, code, detail }) =>
  console.error(`[ipc] ${channel} ${code}: ${detail}`);

/** A Node system error (ENOSPC, EACCES, ENOENT, …): the disk's refusal, not a bug. */
function errnoOf(error: unknown): string | null {
  if (error === null || typeof error !== 'object' || !('code' in error)) return null;
  const code = (error).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

export async function answerIpc<K extends Capability>(
  name: K,
  gate: GateResult<K>,
  handle: (request: Extract<GateResult<K>, { ok: true }>['request']) => Promise<IpcResponse<K>>,
  log: IpcLog,
): Promise<IpcResponse<K>> {
  const { channel, response } = IPC[name];
  if (!gate.ok) {
    log({ channel, code: gate.error.code, detail: gate.error.message });
    return gate as IpcResponse<K>;
  }
  let answer: unknown;
  try {
    answer = await handle(gate.request);
  } catch (error) {
    const errno = errnoOf(error);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (errno !== null) {
      log({ channel, code: 'io', detail: `${errno} ${detail}` });
      return ipcError(
        'io',
        `The file could not be read or written on this computer (${errno}).`,
      ) as IpcResponse<K>;
    }
    log({ channel, code: 'internal', detail });
    return ipcError(
      'internal',
      'The app failed while doing this (a bug): nothing was written. Please report it.',
    ) as IpcResponse<K>;
  }
  const checked = response.safeParse(answer);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    log({
      channel,
      code: 'invalid-response',
      detail: `at ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    });
    return ipcError(
      'invalid-response',
      'The app produced an answer of the wrong shape (a bug); it was not used.',
    ) as IpcResponse<K>;
  }
  return checked.data as IpcResponse<K>;
}
