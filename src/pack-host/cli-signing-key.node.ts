// The command line's Ed25519 signing key: one per user, made on the first `dossier pack`,
// kept as a file only its owner can read (0600, in a 0700 folder) in the user's config
// folder. DOSSIER_CONFIG_DIR overrides the folder (tests use a temporary one).
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import * as z from 'zod';
import {
  keyFingerprint,
  newSigningSecret,
  publicKeyOf,
  secretKeySigner,
  type PackSigner,
} from '../core/pack/signature';

const KEY_FILE = 'signing-key.json';

const KeyFileSchema = z.object({
  format: z.literal('dossier-vault-signing-key'),
  version: z.literal(1),
  algorithm: z.literal('ed25519'),
  name: z.string().min(1).max(200),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});

/** DOSSIER_CONFIG_DIR, else $XDG_CONFIG_HOME/dossier-vault, else the platform's usual place. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOSSIER_CONFIG_DIR) return env.DOSSIER_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'dossier-vault');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'dossier-vault');
  return join(homedir(), '.config', 'dossier-vault');
}

export interface CliSigningKey {
  signer: PackSigner;
  fingerprint: string;
  path: string;
  /** True when this call made the key. */
  created: boolean;
}

function defaultName(): string {
  let user = 'dossier';
  try {
    user = userInfo().username || user;
  } catch {
    // No user entry (some containers): the host name alone still tells people apart.
  }
  return `${user}@${hostname()}`;
}

async function readKey(path: string): Promise<CliSigningKey | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  // A key others can read is narrowed to its owner before use.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(path, 0o600);
  let file: z.infer<typeof KeyFileSchema>;
  try {
    file = KeyFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    throw new Error(
      `The signing key ${path} is damaged: move it away and pack again to make a new one.`,
    );
  }
  const signer = secretKeySigner(file.name, hexToBytes(file.secretKey));
  return { signer, fingerprint: keyFingerprint(signer.publicKey), path, created: false };
}

/** The key of this user, or null when none was made yet (verify never makes one). */
export async function readCliSigningKey(dir = configDir()): Promise<CliSigningKey | null> {
  return readKey(join(dir, KEY_FILE));
}

/** The key of this user, made (with `name`, or user@host) when there is none. */
export async function loadOrCreateCliSigningKey(
  name: string | undefined,
  dir = configDir(),
): Promise<CliSigningKey> {
  const path = join(dir, KEY_FILE);
  const existing = await readKey(path);
  if (existing) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const secret = newSigningSecret();
  const file: z.infer<typeof KeyFileSchema> = {
    format: 'dossier-vault-signing-key',
    version: 1,
    algorithm: 'ed25519',
    name: name?.trim() || defaultName(),
    secretKey: bytesToHex(secret),
    createdAt: new Date().toISOString(),
  };
  // 'wx': two packs started at once never overwrite each other's new key.
  const handle = await open(path, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return null;
    throw error;
  });
  if (!handle) return (await readKey(path))!;
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const signer = secretKeySigner(file.name, secret);
  return { signer, fingerprint: keyFingerprint(publicKeyOf(secret)), path, created: true };
}
