// Errors across the worker boundary. Structured cloning keeps only an Error's message (and
// names only the built-in kinds), so a VaultError's class, code and fields would be lost:
// the worker sends each thrown value as plain data and the renderer rebuilds the same class,
// so `instanceof DuplicateFileError` and `error.code` work as if the vault were local.
// Both shapes (SerializedError, CallResult) are protocol.ts's schemas.
import * as vaultErrors from '../../vault/errors';
import type { SerializedError } from './protocol';

export type { CallResult, SerializedError } from './protocol';

/** Every error class the vault exports, by its export name. */
const ERROR_CLASSES = new Map<string, unknown>(
  Object.entries(vaultErrors).filter(
    ([, value]) =>
      typeof value === 'function' && (value as { prototype: unknown }).prototype instanceof Error,
  ),
);

function kindOf(error: Error): string | undefined {
  for (const [kind, cls] of ERROR_CLASSES) if (error.constructor === cls) return kind;
  return undefined;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    try {
      structuredClone(value);
      fields[key] = value;
    } catch {
      // A field that cannot cross (a function, a handle) is left behind.
    }
  }
  const kind = kindOf(error);
  return {
    ...(kind !== undefined ? { kind } : {}),
    name: error.name,
    message: error.message,
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    fields,
  };
}

/** The same error as thrown in the worker: its vault class when it had one, else an Error. */
export function deserializeError(data: SerializedError): Error {
  if (data.name === 'AbortError') return new DOMException(data.message, 'AbortError');
  const cls = data.kind === undefined ? undefined : ERROR_CLASSES.get(data.kind);
  const error: Error =
    typeof cls === 'function'
      ? (Object.create((cls as { prototype: object }).prototype) as Error)
      : new Error(data.message);
  Object.defineProperties(error, {
    message: { value: data.message, writable: true, configurable: true },
    name: { value: data.name, writable: true, configurable: true, enumerable: true },
    stack: { value: data.stack ?? '', writable: true, configurable: true },
  });
  return Object.assign(error, data.fields);
}
