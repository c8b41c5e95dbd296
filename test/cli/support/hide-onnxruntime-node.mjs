// `node --import` this file to run as on a machine where onnxruntime-node cannot load (no
// prebuilt binary for the platform): its import fails as a missing package's does.
import { register } from 'node:module';

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'onnxruntime-node' || specifier.startsWith('onnxruntime-node/')) {
    const error = new Error("Cannot find package 'onnxruntime-node' (hidden by the test)");
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
