// The OCR host as a Node child process (tests, and bench:ui's stand-in for the Electron
// utility process): forked with `serialization: 'advanced'` (structured clone, so typed
// arrays arrive as themselves), it serves the parent's IPC channel as its one port and
// exits when the channel closes.
import { createOcrHost } from './serve.node.ts';

if (typeof process.send !== 'function')
  throw new Error('The OCR host child must be forked with an IPC channel.');

const host = createOcrHost();
host.serve({
  post: (message) => void process.send?.(message),
  listen: (listener) => process.on('message', listener),
});
process.on('disconnect', () => {
  void host.dispose().finally(() => process.exit(0));
});
