// The renderer's side of a channel, used by the preload: sends the request and checks the
// answer against the channel's response schema. A message that never arrived (no handler,
// main gone) is 'unreachable' and an answer of the wrong shape is 'invalid-response': each
// logged with its code, neither thrown nor mistaken for the disk's 'io'.
import {
  IPC,
  ipcError,
  type Capability,
  type IpcErrorCode,
  type IpcRequest,
  type IpcResponse,
} from './ipc';

export type IpcSend = (channel: string, request: unknown) => Promise<unknown>;
export type IpcInvokeLog = (entry: { channel: string; code: IpcErrorCode; detail: string }) => void;

export function ipcInvoker(send: IpcSend, log: IpcInvokeLog) {
  return <K extends Capability>(name: K) =>
    async (request: IpcRequest<K>): Promise<IpcResponse<K>> => {
      const { channel, response } = IPC[name];
      let answer: unknown;
      try {
        answer = await send(channel, request);
      } catch (error) {
        log({ channel, code: 'unreachable', detail: String(error) });
        return ipcError(
          'unreachable',
          'The app could not reach its main process; try again, or restart the app.',
        ) as IpcResponse<K>;
      }
      const checked = response.safeParse(answer);
      if (!checked.success) {
        log({ channel, code: 'invalid-response', detail: checked.error.issues[0]?.message ?? '' });
        return ipcError(
          'invalid-response',
          'The app produced an answer of the wrong shape (a bug); it was not used.',
        ) as IpcResponse<K>;
      }
      return checked.data as IpcResponse<K>;
    };
}
