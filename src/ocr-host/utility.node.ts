// The OCR host as an Electron utility process (main forks it: src/main/ocr-host.ts). Its
// only inputs are the MessagePorts main transfers to it, each the far end of a port main
// handed the page (one per page load); it reads the bytes and rasters the page sends and
// answers with documents, never a path, never the network (the app's session is not
// its, and it opens nothing). Main sends nothing else: a message without one port is
// ignored.
import type { MessagePortMain, ParentPort } from 'electron';
import { createOcrHost } from './serve.node.ts';

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('The OCR host must be started as an Electron utility process.');

const host = createOcrHost();
parentPort.on('message', (event) => {
  const ports: MessagePortMain[] = event.ports;
  if (ports.length !== 1) return;
  const port = ports[0]!;
  host.serve({
    post: (message) => port.postMessage(message),
    listen: (listener) => {
      port.on('message', (e) => listener(e.data));
      // MessagePortMain queues messages until it is started.
      port.start();
    },
  });
  port.on('close', () => port.removeAllListeners('message'));
});
