// Strict zip reading: one generated hostile zip per case of the hostile-input sweep. The
// old reader (fflate's unzipSync behind a name filter) accepted each of these.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  DEFAULT_ZIP_LIMITS,
  MANIFEST_NAME,
  PackReadError,
  readZipSafely,
  verifyPack,
  zipEntries,
} from '../../src/core/pack';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';

interface Header {
  central: number;
  local: number;
  nameLength: number;
}

/** Offsets of each entry's central and local header in a zip fflate wrote. */
function headers(zip: Uint8Array): Header[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Header[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    out.push({ central: at, local: view.getUint32(at + 42, true), nameLength });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
const text = (s: string) => strToU8(s);
const stored = (files: Record<string, Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level: 0 }]])));

const refused = (zip: Uint8Array, pattern: RegExp) => {
  expect(() => readZipSafely(zip)).toThrow(PackReadError);
  expect(() => readZipSafely(zip)).toThrow(pattern);
};

describe('strict zip reading', () => {
  it('reads a plain zip and checks CRC-32 like zip writers compute it', () => {
    const zip = zipSync({
      'a.txt': text('hello'),
      'b.txt': [text('x'.repeat(5000)), { level: 9 }],
    });
    const files = readZipSafely(zip);
    expect([...files.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(crc32(text('hello'))).toBe(0x3610a686);
  });

  it('refuses a symlink entry (unzip would create accounts.csv -> /etc/passwd)', () => {
    const zip = zipSync({
      'accounts.csv': [text('/etc/passwd'), { level: 0, os: 3, attrs: 0o120777 << 16 }],
    });
    refused(zip, /"accounts\.csv" is not a regular file/);
  });

  it('refuses a folder entry and a device entry', () => {
    refused(zipSync({ 'docs/': new Uint8Array(0) }), /"docs\/" is a folder/);
    const device = zipSync({ 'dev.bin': [text('x'), { level: 0, os: 3, attrs: 0o020644 << 16 }] });
    refused(device, /not a regular file/);
  });

  it('refuses a local header whose name differs from the central directory', () => {
    const zip = stored({ 'report.pdf': text('real') });
    const [h] = headers(zip);
    zip[h!.local + 30] = 'R'.charCodeAt(0); // local name "Report.pdf"
    refused(zip, /"report\.pdf" has a local header that differs/);
  });

  it('refuses a local header whose sizes differ from the central directory', () => {
    const zip = stored({ 'a.txt': text('hello') });
    const [h] = headers(zip);
    view(zip).setUint32(h!.local + 22, 4, true);
    refused(zip, /local header that differs/);
  });

  it('refuses an entry whose bytes fail the CRC-32', () => {
    const zip = stored({ 'a.txt': text('hello world') });
    const [h] = headers(zip);
    zip[h!.local + 30 + h!.nameLength + 3]! ^= 0x01;
    refused(zip, /"a\.txt" fails its CRC-32 check/);
  });

  it('stops inflating at the declared size: 64 MB of zeros declared as 1 KB', () => {
    const zip = zipSync({ 'zeros.bin': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    expect(zip.length).toBeLessThan(100_000);
    const [h] = headers(zip);
    view(zip).setUint32(h!.central + 24, 1024, true);
    view(zip).setUint32(h!.local + 22, 1024, true);
    refused(zip, /"zeros\.bin" inflates to more than the size its zip directory declares/);
  });

  it('refuses an entry that inflates to less than it declares', () => {
    const zip = zipSync({ 'a.txt': [text('x'.repeat(1000)), { level: 9 }] });
    const [h] = headers(zip);
    view(zip).setUint32(h!.central + 24, 2000, true);
    view(zip).setUint32(h!.local + 22, 2000, true);
    refused(zip, /does not match the size/);
  });

  it('refuses data after the end record, before the first entry and between entries', () => {
    const zip = stored({ 'a.txt': text('a'), 'b.txt': text('b') });
    const trailing = new Uint8Array(zip.length + 100);
    trailing.set(zip);
    refused(trailing, /data after its end record/);

    // A hidden entry in front: the directory's offsets shifted so that they still point right.
    const hidden = text('PK\u0003\u0004 a 10 GiB entry could hide here');
    const shifted = new Uint8Array(hidden.length + zip.length);
    shifted.set(hidden);
    shifted.set(zip, hidden.length);
    const v = view(shifted);
    for (const h of headers(zip)) {
      const at = hidden.length + h.central + 42;
      v.setUint32(at, v.getUint32(at, true) + hidden.length, true);
    }
    const end = shifted.length - 22;
    v.setUint32(end + 16, v.getUint32(end + 16, true) + hidden.length, true);
    refused(shifted, /bytes no entry accounts for before "a\.txt"/);
  });

  it('refuses two entries sharing the same bytes (overlapping entries)', () => {
    const zip = stored({ 'a.txt': text('same'), 'b.txt': text('same') });
    const [a, b] = headers(zip);
    view(zip).setUint32(b!.central + 42, a!.local, true);
    refused(zip, /differs|bytes no entry accounts for/);
  });

  it('refuses an encrypted entry and a compression method other than stored or deflate', () => {
    const enc = stored({ 'a.txt': text('a') });
    const [h] = headers(enc);
    for (const at of [h!.central + 8, h!.local + 6])
      view(enc).setUint16(at, view(enc).getUint16(at, true) | 1, true);
    refused(enc, /encrypted/);
    const bz = stored({ 'a.txt': text('a') });
    const [g] = headers(bz);
    view(bz).setUint16(g!.central + 10, 12, true);
    view(bz).setUint16(g!.local + 8, 12, true);
    refused(bz, /compression method 12/);
  });

  it('caps actual bytes per entry and in total', () => {
    const big = zipSync({ 'a.bin': [new Uint8Array(3 * 1024 * 1024), { level: 1 }] });
    expect(() => readZipSafely(big, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024 })).toThrow(
      /"a\.bin" would unpack to more than 1 MB/,
    );
    const two = zipSync({
      'a.bin': [new Uint8Array(2 * 1024 * 1024), { level: 1 }],
      'b.bin': [new Uint8Array(2 * 1024 * 1024), { level: 1 }],
    });
    expect(() =>
      readZipSafely(two, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 3 * 1024 * 1024 }),
    ).toThrow(/more than 3 MB/);
  });

  it('refuses a name that is not UTF-8', () => {
    const zip = stored({ 'ab.txt': text('a') });
    for (const h of headers(zip)) {
      zip[h.central + 46] = 0xff;
      zip[h.local + 30] = 0xff;
    }
    refused(zip, /not valid UTF-8/);
  });
});

describe('verify against the manifest', () => {
  it('says altered when the manifest lists one file twice (7 listed, 6 present)', async () => {
    const doc = text('the only document');
    const entry = {
      name: 'a.txt',
      role: 'document',
      mime: 'text/plain',
      bytes: doc.length,
      sha256: await nodeHasher.sha256(doc),
      conversions: [],
    };
    const manifest = {
      format: 'dossier-vault-pack',
      version: 2,
      app: { name: 'dossier-vault', version: '0.1.0' },
      rulePack: { id: 'x', version: '1' },
      createdAt: '2026-11-24T00:00:00Z',
      today: '2026-11-24',
      company: { name: null, creditCode: null },
      verdict: 'ready',
      forced: false,
      watermark: null,
      files: [entry, entry],
      documents: [],
      checks: [],
      exceptions: [],
      accounts: [],
    };
    const zip = zipEntries(
      [
        { name: 'a.txt', bytes: doc },
        { name: MANIFEST_NAME, bytes: text(JSON.stringify(manifest)) },
      ],
      '2026-11-24T00:00:00Z',
    );
    const result = await verifyPack(zip, nodeHasher);
    expect(result.status).toBe('altered');
    expect(result.entries.map((e) => e.state)).toEqual(['intact', 'duplicate']);
  });
});
