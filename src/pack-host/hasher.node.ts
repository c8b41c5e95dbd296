// SHA-256 in Node (node:crypto), for the pack's manifest and verification.
import { createHash } from 'node:crypto';
import type { Hasher } from '../core/ports';

export const nodeHasher: Hasher = {
  sha256: (bytes) => Promise.resolve(createHash('sha256').update(bytes).digest('hex')),
};
