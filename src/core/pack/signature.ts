// Ed25519 signatures of a pack: the signature covers the exact bytes of manifest.json, and
// the manifest lists every other entry with its size and SHA-256, so one signature vouches
// for the whole pack. The signer's public key travels in the manifest (so a changed name
// or key breaks the signature); whether the key is trusted is the verifier's decision.
import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import * as z from 'zod';

export const SIGNATURE_NAME = 'signature.json';
export const SIGNATURE_FORMAT = 'dossier-vault-signature';

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** Who signed, as written in the manifest. */
export const ManifestSignerSchema = z
  .object({
    algorithm: z.literal('ed25519'),
    name: z.string().min(1).max(200),
    /** Raw 32-byte public key, lowercase hex. */
    publicKey: Hex(32),
    /** keyFingerprint(publicKey): what people compare and pass to --trust. */
    fingerprint: z.string(),
  })
  .strict();
export type ManifestSigner = z.infer<typeof ManifestSignerSchema>;

/** signature.json: the signature of manifest.json's bytes. */
export const SignatureFileSchema = z
  .object({
    format: z.literal(SIGNATURE_FORMAT),
    version: z.literal(1),
    algorithm: z.literal('ed25519'),
    /** 64-byte Ed25519 signature, lowercase hex. */
    signature: Hex(64),
  })
  .strict();
export type SignatureFile = z.infer<typeof SignatureFileSchema>;

/** What buildPack needs to sign: a name, the public key and a way to sign bytes. */
export interface PackSigner {
  name: string;
  publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

/** "3F2A-91BC-0D44-7E15-A0B2": the first 80 bits of SHA-256 of the raw public key. */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = bytesToHex(sha256(publicKey)).slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** A fingerprint as typed by a person (any case, spaces, dashes or colons) in canonical form. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{20}$/.test(hex)) return null;
  return hex.match(/.{4}/g)!.join('-');
}

/** A new 32-byte Ed25519 secret key. */
export function newSigningSecret(): Uint8Array {
  return ed25519.utils.randomPrivateKey();
}

export function publicKeyOf(secret: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secret);
}

/** A signer over a secret key held in memory. */
export function secretKeySigner(name: string, secret: Uint8Array): PackSigner {
  return {
    name,
    publicKey: publicKeyOf(secret),
    sign: (message) => ed25519.sign(message, secret),
  };
}

export function manifestSigner(signer: PackSigner): ManifestSigner {
  return {
    algorithm: 'ed25519',
    name: signer.name,
    publicKey: bytesToHex(signer.publicKey),
    fingerprint: keyFingerprint(signer.publicKey),
  };
}

export async function signManifest(
  manifestBytes: Uint8Array,
  signer: PackSigner,
): Promise<SignatureFile> {
  const signature = await signer.sign(manifestBytes);
  return {
    format: SIGNATURE_FORMAT,
    version: 1,
    algorithm: 'ed25519',
    signature: bytesToHex(signature),
  };
}

/** Why the manifest's signature does not hold, or null when it does. */
export function signatureProblem(
  manifestBytes: Uint8Array,
  signer: ManifestSigner,
  signature: SignatureFile,
): string | null {
  const publicKey = hexToBytes(signer.publicKey);
  if (keyFingerprint(publicKey) !== signer.fingerprint)
    return "the signer's fingerprint in manifest.json does not belong to its key";
  let valid = false;
  try {
    valid = ed25519.verify(hexToBytes(signature.signature), manifestBytes, publicKey);
  } catch {
    valid = false;
  }
  return valid ? null : 'manifest.json does not match its signature (it was edited after signing)';
}
