// A worker thread that makes ONNX Runtime (onnxruntime-node) sessions and runs them for
// the thread that started it (src/ocr/paddle/session-worker.node.ts). The CLI makes its
// three PP-OCR sessions here, so that loading them (about 0.2 s of CPU) runs on the other
// core while the first page is decoded and prepared; each inference runs here with the
// same runtime, options and threads as in the calling thread, so every value is the same.
// Plain JavaScript: it runs as it is from the sources, the tests and the CLI bundle.
import { parentPort } from 'node:worker_threads';

const ort = await import('onnxruntime-node');
/** @type {Map<number, import('onnxruntime-node').InferenceSession>} */
const sessions = new Map();

/** A tensor as a plain message: its type, dimensions and data (the buffer is transferred). */
const plain = (tensor) => ({ type: tensor.type, dims: tensor.dims, data: tensor.data });

async function answer(message) {
  switch (message.type) {
    case 'create': {
      const session = await ort.InferenceSession.create(message.path, message.options);
      sessions.set(message.id, session);
      return { inputNames: session.inputNames, outputNames: session.outputNames };
    }
    case 'run': {
      const session = sessions.get(message.session);
      if (session === undefined) throw new Error(`No session ${message.session}.`);
      const feeds = {};
      for (const [name, t] of Object.entries(message.feeds))
        feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
      const outputs = await session.run(feeds);
      const result = {};
      for (const [name, tensor] of Object.entries(outputs)) result[name] = plain(tensor);
      return { outputs: result };
    }
    case 'release': {
      await sessions.get(message.session)?.release();
      sessions.delete(message.session);
      return {};
    }
    default:
      throw new Error(`Unknown request ${String(message.type)}.`);
  }
}

parentPort.on('message', (message) => {
  answer(message).then(
    (result) => {
      const reply = { id: message.id, ok: true, ...result };
      const buffers = new Set(Object.values(result.outputs ?? {}).map((t) => t.data.buffer));
      try {
        parentPort.postMessage(reply, [...buffers]);
      } catch {
        // A buffer that cannot be handed over (shared, or the runtime's own) is copied.
        parentPort.postMessage(reply);
      }
    },
    (error) =>
      parentPort.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
