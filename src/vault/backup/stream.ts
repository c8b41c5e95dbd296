// Format 2, the streamed backup: the prefix (header.ts), then frames, each
//   u8 kind (1 = records, 2 = trailer) | u32 (big-endian) length | 12-byte IV | ciphertext
// sealed with the backup key (AES-256-GCM). A frame's AAD binds it to its place: SHA-256 of
// the prefix, its kind, its index and the GCM tag of the frame before it, so a frame moved,
// dropped, repeated or taken from another backup fails its check. A records frame holds
// MessagePack entries [table, record] (about 4 MiB, or one record bigger than that); the
// trailer, last, holds the frame count and the manifest, so a file cut short has none.
// Both sides hold one frame at a time: memory stays bounded whatever the vault's size.
import { decode, decodeMulti, encode } from '@msgpack/msgpack';
import * as z from 'zod';
import type { VaultTableName } from '../db';
import { randomBytes } from '../envelope';
import { BackupError } from '../errors';
import type { Bytes } from '../schema/sealed';
import { isVaultTable, ManifestSchema, type Manifest } from './records';

export const STREAMED_FORMAT = 2;
const RECORDS = 1;
const TRAILER = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Larger than any frame the writer makes (a chunk, or one document at the import limit). */
const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

export type BackupEntry = [VaultTableName, unknown];

const TrailerSchema = z.object({ frames: z.number().int().min(0), manifest: ManifestSchema });

const damaged = () => new BackupError('The backup file is damaged or was altered.', 'damaged');
const truncated = () => new BackupError('The backup file is truncated.', 'truncated');

async function sha256(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** Where the frame sits: prefix digest, kind, index and the previous frame's tag. */
class FrameChain {
  private index = 0;
  private previousTag: Bytes = new Uint8Array(TAG_BYTES);

  constructor(private readonly prefixDigest: Bytes) {}

  get frames(): number {
    return this.index;
  }

  aad(kind: number): Bytes {
    const aad = new Uint8Array(32 + 1 + 4 + TAG_BYTES);
    aad.set(this.prefixDigest, 0);
    aad[32] = kind;
    new DataView(aad.buffer).setUint32(33, this.index);
    aad.set(this.previousTag, 37);
    return aad;
  }

  advance(ciphertext: Bytes): void {
    this.previousTag = ciphertext.slice(ciphertext.length - TAG_BYTES);
    this.index++;
  }
}

/** Seals entries into frames as they come; `finish` seals the trailer. */
export class FrameWriter {
  private readonly chain: FrameChain;
  private pending: Bytes[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly key: CryptoKey,
    digest: Bytes,
    private readonly chunkBytes: number,
  ) {
    this.chain = new FrameChain(digest);
  }

  static async start(key: CryptoKey, prefix: Bytes, chunkBytes: number): Promise<FrameWriter> {
    return new FrameWriter(key, await sha256(prefix), chunkBytes);
  }

  /** Adds one record; returns a sealed frame when the chunk is full. */
  async add(entry: BackupEntry): Promise<Bytes | null> {
    const encoded = encode(entry, { ignoreUndefined: true });
    this.pending.push(encoded);
    this.pendingBytes += encoded.length;
    return this.pendingBytes >= this.chunkBytes ? this.flush() : null;
  }

  /** Seals what is pending (null when nothing is). */
  async flush(): Promise<Bytes | null> {
    if (this.pending.length === 0) return null;
    const plain = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const part of this.pending) {
      plain.set(part, at);
      at += part.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    return this.seal(RECORDS, plain);
  }

  /** The trailer: how many frames came before it and the manifest. */
  async finish(manifest: Manifest): Promise<Bytes> {
    const frames = this.chain.frames;
    return this.seal(TRAILER, encode({ frames, manifest }));
  }

  private async seal(kind: number, plain: Uint8Array): Promise<Bytes> {
    // MessagePack's output is a view over a plain ArrayBuffer, never a shared one.
    const data = plain as Bytes;
    const iv = randomBytes(IV_BYTES);
    const ct = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: this.chain.aad(kind) },
        this.key,
        data,
      ),
    );
    this.chain.advance(ct);
    const frame = new Uint8Array(5 + IV_BYTES + ct.length);
    frame[0] = kind;
    new DataView(frame.buffer).setUint32(1, IV_BYTES + ct.length);
    frame.set(iv, 5);
    frame.set(ct, 5 + IV_BYTES);
    return frame;
  }
}

/** Reads exact byte counts from a stream, holding only what is asked for. */
class ByteReader {
  private chunks: Bytes[] = [];
  private buffered = 0;
  private ended = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** `n` bytes; null at the very end of the stream; 'truncated' when it ends midway. */
  async read(n: number): Promise<Bytes | null> {
    while (this.buffered < n && !this.ended) {
      const next = await this.reader.read();
      if (next.done) this.ended = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value as Bytes);
        this.buffered += next.value.length;
      }
    }
    if (this.buffered === 0 && n > 0) return null;
    if (this.buffered < n) throw truncated();
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const chunk = this.chunks[0]!;
      const take = Math.min(chunk.length, n - at);
      out.set(chunk.subarray(0, take), at);
      at += take;
      if (take === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(take);
    }
    this.buffered -= n;
    return out;
  }
}

/** MessagePack hands out views into the frame; a record keeps its own bytes. */
function ownBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) return value.map(ownBytes);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = ownBytes(v);
    return out;
  }
  return value;
}

function entriesOf(plain: Bytes): BackupEntry[] {
  const entries: BackupEntry[] = [];
  try {
    for (const item of decodeMulti(plain)) {
      if (!Array.isArray(item) || item.length !== 2 || !isVaultTable(item[0])) throw damaged();
      entries.push([item[0], ownBytes(item[1])]);
    }
  } catch {
    throw damaged();
  }
  return entries;
}

/**
 * Reads a format-2 backup after its prefix: opens every frame in order (each checked for
 * its place), hands each frame's entries to `visit`, and returns the trailer's manifest once
 * the trailer is checked and nothing follows it.
 */
export async function readFrames(
  stream: ReadableStream<Uint8Array>,
  prefixBytes: Bytes,
  key: CryptoKey,
  visit: (entries: BackupEntry[]) => Promise<void>,
): Promise<Manifest> {
  const raw = stream.getReader();
  const reader = new ByteReader(raw);
  const chain = new FrameChain(await sha256(prefixBytes));
  try {
    const prefix = await reader.read(prefixBytes.length);
    if (prefix === null || prefix.some((b, i) => b !== prefixBytes[i])) throw damaged();
    for (;;) {
      const head = await reader.read(5);
      if (head === null) throw truncated();
      const kind = head[0]!;
      const length = new DataView(head.buffer).getUint32(1);
      if (
        (kind !== RECORDS && kind !== TRAILER) ||
        length < IV_BYTES + TAG_BYTES ||
        length > MAX_FRAME_BYTES
      )
        throw damaged();
      const body = await reader.read(length);
      if (body === null) throw truncated();
      const ct = body.subarray(IV_BYTES);
      let plain: Bytes;
      try {
        plain = new Uint8Array(
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: body.subarray(0, IV_BYTES), additionalData: chain.aad(kind) },
            key,
            ct,
          ),
        );
      } catch {
        throw damaged();
      }
      if (kind === RECORDS) {
        chain.advance(ct);
        await visit(entriesOf(plain));
        continue;
      }
      let trailer: z.infer<typeof TrailerSchema>;
      try {
        trailer = TrailerSchema.parse(decode(plain));
      } catch {
        throw damaged();
      }
      if (trailer.frames !== chain.frames) throw damaged();
      if ((await reader.read(1)) !== null) throw damaged();
      return trailer.manifest;
    }
  } finally {
    void raw.cancel().catch(() => undefined);
  }
}
