// SHA-256 in the renderer (Web Crypto), for the pack's manifest and verification.
import type { Hasher } from '../core/ports';

export const webHasher: Hasher = {
  async sha256(bytes) {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  },
};
