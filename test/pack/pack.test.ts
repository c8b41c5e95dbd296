// The pack end to end in the core, with the Node host adapters: build, read back with
// 7-Zip (npm 7zip-bin) and pdfjs, verify, tamper, and refuse unsafe zips.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPack,
  DEFAULT_ZIP_LIMITS,
  describeAlterations,
  listZipEntries,
  ManifestSchema,
  PackBlockedError,
  PackReadError,
  verifyPack,
  zipEntries,
  type BuiltPack,
} from '../../src/core/pack';
import { CHECK_IDS } from '../../src/core/checks/types';
import { sniffMime } from '../../src/core/file-type';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { A4_300, COMPANY, readyDossier, scanPng } from './fixtures';
import {
  pdfInfo,
  pdfPageText,
  renderFirstPage,
  zipExtract,
  zipNames,
  zipTestsOk,
} from '../support/read-back';

const MAX = 5 * 1024 * 1024;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const deps = async () => ({
  codec: nodeImageCodec,
  hasher: nodeHasher,
  font: await loadReportFont(),
});

let dir: string;
let pack: BuiltPack;
let zipPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pack-test-'));
  pack = await buildPack(await readyDossier(), await deps());
  zipPath = join(dir, 'ready.zip');
  writeFileSync(zipPath, pack.zip);
}, 120_000);

describe('a pack of a ready dossier', () => {
  it('passes 7-Zip\'s integrity test and lists the expected names', () => {
    expect(zipTestsOk(zipPath)).toBe(true);
    const listing = zipNames(zipPath);
    for (const name of [
      `01-营业执照-${COMPANY}.jpg`,
      '02-法人身份证-人像面.jpg',
      '03-法人身份证-国徽面.jpg',
      '04-基本存款账户信息.pdf',
      'accounts.csv',
      'report.pdf',
      'manifest.json',
    ]) {
      expect(listing).toContain(name);
    }
  });

  it('extracts with 7-Zip to files within the limit, of the right formats, with the manifest hashes', () => {
    const out = join(dir, 'extracted');
    mkdirSync(out);
    zipExtract(zipPath, out);
    const manifest = ManifestSchema.parse(
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
    );
    expect(manifest.files).toHaveLength(6);
    for (const file of manifest.files) {
      const bytes = new Uint8Array(readFileSync(join(out, file.name)));
      expect(bytes.length, file.name).toBeLessThanOrEqual(MAX);
      expect(bytes.length).toBe(file.bytes);
      expect(sha256(bytes), file.name).toBe(file.sha256);
      if (file.name.endsWith('.jpg')) expect(sniffMime(bytes)).toBe('image/jpeg');
      if (file.name.endsWith('.pdf')) expect(sniffMime(bytes)).toBe('application/pdf');
    }
    expect(manifest.company).toEqual({ name: COMPANY, creditCode: '91330106MA2B2C3D4E' });
    expect(manifest.forced).toBe(false);
    expect(manifest.checks).toHaveLength(CHECK_IDS.length);
    const bank = manifest.documents.find((d) => d.kind === 'bank-permit');
    expect(bank?.fields.accountName).toEqual({
      value: COMPANY,
      source: 'confirmed',
      confirmedBy: '王会计',
    });
    expect(bank?.fields.bankName?.source).toBe('extracted');
  });

  it('writes accounts.csv as UTF-8 with a BOM and defuses formula cells', () => {
    const csv = pack.entries.find((e) => e.name === 'accounts.csv')!.bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(csv);
    expect(text).toContain('青梧屿旗舰店1号,18513515985,store1@example.com');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('has a report whose first page, read and rendered by pdfjs, shows the company name', async () => {
    const report = pack.entries.find((e) => e.name === 'report.pdf')!.bytes;
    const page1 = await pdfPageText(report, 1);
    expect(page1).toContain(COMPANY);
    expect(page1).toContain('READY');
    expect(page1).not.toContain('FORCED');
    const info = await pdfInfo(report);
    expect(info.pages).toBeGreaterThanOrEqual(5);
    expect(info.fonts.some((f) => /NotoSansHans/.test(f.name) && f.embedded)).toBe(true);
    // The page is not blank: pdfjs drew the embedded subset's glyphs (kept in test-results/).
    expect(await renderFirstPage(report, 'pack-report-page1')).toBeGreaterThan(0.01);
  });

  it('verifies as intact', async () => {
    const result = await verifyPack(pack.zip, nodeHasher);
    expect(result.status).toBe('intact');
    expect(result.entries.every((e) => e.state === 'intact')).toBe(true);
  });
});

describe('verify after tampering', () => {
  it('names the file whose one byte changed', async () => {
    const entries = pack.entries.map((e) => ({ ...e, bytes: new Uint8Array(e.bytes) }));
    const target = entries.find((e) => e.name === '02-法人身份证-人像面.jpg')!;
    target.bytes[target.bytes.length - 10]! ^= 0x01;
    const result = await verifyPack(zipEntries(entries, '2026-11-24T00:00:00Z'), nodeHasher);
    expect(result.status).toBe('altered');
    expect(result.entries.filter((e) => e.state !== 'intact')).toEqual([
      expect.objectContaining({ name: '02-法人身份证-人像面.jpg', state: 'changed' }),
    ]);
    expect(describeAlterations(result)[0]).toMatch(/^02-法人身份证-人像面\.jpg was changed/);
  });

  it('refuses a file changed in place inside the zip by its CRC-32, naming it', async () => {
    const zip = new Uint8Array(pack.zip);
    const jpeg = pack.entries.find((e) => e.name === '03-法人身份证-国徽面.jpg')!.bytes;
    const at = findBytes(zip, jpeg.subarray(2000, 2064));
    expect(at).toBeGreaterThan(0);
    zip[at + 10]! ^= 0x01;
    await expect(verifyPack(zip, nodeHasher)).rejects.toThrow(
      /"03-法人身份证-国徽面\.jpg" fails its CRC-32 check/,
    );
  });

  it('reports an added and a removed entry', async () => {
    const entries = pack.entries.filter((e) => e.name !== '03-法人身份证-国徽面.jpg');
    entries.push({ name: 'extra.txt', bytes: strToU8('hello') });
    const result = await verifyPack(zipEntries(entries, '2026-11-24T00:00:00Z'), nodeHasher);
    expect(result.status).toBe('altered');
    const states = Object.fromEntries(
      result.entries.filter((e) => e.state !== 'intact').map((e) => [e.name, e.state]),
    );
    expect(states).toEqual({ '03-法人身份证-国徽面.jpg': 'missing', 'extra.txt': 'added' });
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('reading an untrusted zip', () => {
  const manifest = () => pack.entries.find((e) => e.name === 'manifest.json')!.bytes;
  it.each([['../evil'], ['/etc/evil'], ['..\\evil'], ['ok/../../evil'], ['C:/evil']])(
    'refuses the entry %s',
    async (name) => {
      const zip = zipSync({ 'manifest.json': manifest(), [name]: strToU8('x') });
      await expect(verifyPack(zip, nodeHasher)).rejects.toThrow(PackReadError);
      expect(() => listZipEntries(zip)).toThrow(/refused/);
    },
  );

  it('refuses too many entries and too many declared bytes before inflating anything', () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')]),
    );
    expect(() => listZipEntries(zipSync(many), { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toThrow(
      /more than 10 entries/,
    );
    // 50 MB of zeros deflates to ~50 KB: the cap applies to the declared uncompressed size.
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(50 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() =>
      listZipEntries(bomb, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 10 * 1024 * 1024 }),
    ).toThrow(/more than 10 MB/);
  });

  it('does not let an entry named __proto__ slip past the comparison', async () => {
    // fflate takes names as object keys, which "__proto__" cannot be: written under a
    // name of the same length, then renamed in both headers.
    const zippable: Zippable = { xxproto__: strToU8('hidden') };
    for (const { name, bytes } of pack.entries) zippable[name] = bytes;
    const joined = zipSync(zippable);
    const from = strToU8('xxproto__');
    for (let at = findBytes(joined, from); at >= 0; at = findBytes(joined, from))
      joined.set(strToU8('__proto__'), at);
    expect(listZipEntries(joined).map((e) => e.name)).toContain('__proto__');
    const result = await verifyPack(joined, nodeHasher);
    expect(result.status).toBe('altered');
    expect(result.entries.find((e) => e.name === '__proto__')?.state).toBe('added');
  });

  it('refuses what is not a zip, or a zip without a manifest', async () => {
    await expect(verifyPack(strToU8('not a zip at all, just text'), nodeHasher)).rejects.toThrow(
      /not a readable zip/,
    );
    await expect(verifyPack(zipSync({ 'a.txt': strToU8('a') }), nodeHasher)).rejects.toThrow(
      /no manifest\.json/,
    );
  });
});

describe('normalisation and refusal', () => {
  it('turns a 7 MB PNG licence scan into a JPG under 5 MB and records it', async () => {
    const png = await scanPng({
      ...A4_300,
      title: '营业执照',
      lines: ['名称 ' + COMPANY],
      noise: 10,
      seed: 7,
    });
    expect(sniffMime(png)).toBe('image/png');
    expect(png.length).toBeGreaterThan(6.5 * 1024 * 1024);
    const input = await readyDossier({
      license: { name: 'license.png', bytes: png, mime: 'image/png' },
    });
    // As the checks see the dossier folder: the PNG fails files.format until it is converted.
    input.verdict = 'blocked';
    input.checks = input.checks.map((c) =>
      c.id === 'files.format' ? { ...c, status: 'fail' as const } : c,
    );
    await expect(buildPack(input, await deps())).rejects.toThrow(/files\.format/);
    const seen: { file: string; mime: string; bytes: number }[][] = [];
    input.recheck = (files) => {
      seen.push(files);
      const ok = files.every(
        (f) => ['image/jpeg', 'application/pdf'].includes(f.mime) && f.bytes <= MAX,
      );
      const checks = input.checks.map((c) =>
        c.id === 'files.format' ? { ...c, status: ok ? ('pass' as const) : ('fail' as const) } : c,
      );
      return { verdict: ok ? 'ready' : 'blocked', checks };
    };
    const built = await buildPack(input, await deps());
    expect(seen[0]?.map((f) => f.mime)).toEqual([
      'image/jpeg',
      'image/jpeg',
      'image/jpeg',
      'application/pdf',
    ]);
    expect(built.manifest.verdict).toBe('ready');
    expect(built.manifest.forced).toBe(false);
    expect(built.manifest.checks.find((c) => c.id === 'files.format')?.status).toBe('pass');
    const license = built.manifest.files.find((f) => f.kind === 'business-license')!;
    expect(license.name).toBe(`01-营业执照-${COMPANY}.jpg`);
    expect(license.mime).toBe('image/jpeg');
    expect(license.bytes).toBeLessThan(MAX);
    expect(license.source).toMatchObject({
      name: 'license.png',
      mime: 'image/png',
      bytes: png.length,
    });
    expect(license.conversions[0]).toEqual({ step: 'format', detail: 'PNG→JPG' });
    expect(built.changes[0]).toMatch(
      new RegExp(
        `^license\\.png → 01-营业执照-${COMPANY}\\.jpg, PNG→JPG, \\d+\\.\\d MB → \\d+(\\.\\d)? (MB|KB)`,
      ),
    );
    const jpg = built.entries.find((e) => e.name === license.name)!.bytes;
    expect(sniffMime(jpg)).toBe('image/jpeg');
  }, 120_000);

  it('refuses a blocked dossier unless forced, and a forced pack says so', async () => {
    const input = await readyDossier();
    input.verdict = 'blocked';
    input.checks = input.checks.map((c) =>
      c.id === 'id.validity' ? { ...c, status: 'fail' as const } : c,
    );
    await expect(buildPack(input, await deps())).rejects.toThrow(PackBlockedError);
    await expect(buildPack(input, await deps())).rejects.toThrow(
      /blocked, 1 check fails: id\.validity/,
    );
    const forced = await buildPack({ ...input, force: true }, await deps());
    expect(forced.manifest.forced).toBe(true);
    const page1 = await pdfPageText(
      forced.entries.find((e) => e.name === 'report.pdf')!.bytes,
      1,
    );
    expect(page1).toContain('FORCED');
    expect(page1).toContain('BLOCKED');
  }, 120_000);
});
