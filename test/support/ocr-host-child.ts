// The native OCR host (src/ocr-host) as a Node child process speaking its message protocol
// (src/shared/ocr-host.ts): what the Electron utility process runs, forked here the way
// tests and bench:ui can (no Electron binary needed). Messages go through Node's IPC
// channel with structured clone ('advanced' serialization), so bytes stay typed arrays.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../cli/run-cli';

export const OCR_HOST_CHILD = join(REPO_ROOT, 'src/ocr-host/child.node.ts');

export interface OcrHostChild {
  readonly process: ChildProcess;
  /** Sends one message (any shape: the host parses it). */
  send(message: unknown): void;
  /** Every message the host sends, as it comes. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Closes the channel; resolves when the host has exited. */
  close(): Promise<void>;
}

export function forkOcrHost(env: NodeJS.ProcessEnv = {}): OcrHostChild {
  const child = fork(OCR_HOST_CHILD, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    send: (message) => void child.send(message as object),
    onMessage(listener) {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    async close() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

/** Sends `request` and collects the host's messages for its id until its answer (not progress). */
export function ask(
  host: OcrHostChild,
  request: { id: number } & Record<string, unknown>,
): Promise<{ answer: Record<string, unknown>; progress: Record<string, unknown>[] }> {
  return new Promise((resolve) => {
    const progress: Record<string, unknown>[] = [];
    const stop = host.onMessage((m) => {
      const message = m as Record<string, unknown>;
      if (message.id !== request.id) return;
      if (message.type === 'progress') progress.push(message);
      else {
        stop();
        resolve({ answer: message, progress });
      }
    });
    host.send(request);
  });
}
