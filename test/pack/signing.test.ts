// The signed pack: the Ed25519 signature covers manifest.json's exact bytes, so a pack
// whose manifest was edited, re-hashed after a swap or relabelled says altered; one with
// the signature stripped says unsigned; one re-signed by another key says unknown key.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPack,
  describeAlterations,
  keyFingerprint,
  manifestSigner,
  newSigningSecret,
  normaliseFingerprint,
  secretKeySigner,
  signManifest,
  verifyPack,
  zipEntries,
  type BuiltPack,
  type Manifest,
  type PackEntry,
} from '../../src/core/pack';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { REPO_ROOT, runCli } from '../cli/run-cli';
import { readyDossier } from './fixtures';

const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const signer = secretKeySigner('王会计 (Acme Finance)', newSigningSecret());
const fingerprint = keyFingerprint(signer.publicKey);
let pack: BuiltPack;

beforeAll(async () => {
  const input = await readyDossier();
  // The bank form and a forced, blocked verdict: enough to tamper with, quick to build.
  pack = await buildPack(
    {
      ...input,
      documents: input.documents.filter((d) => d.sourceName === 'bank.pdf'),
      verdict: 'blocked',
      force: true,
    },
    { codec: nodeImageCodec, hasher: nodeHasher, font: await loadReportFont(), signer },
  );
}, 120_000);

const entry = (name: string) => pack.entries.find((e) => e.name === name)!.bytes;
const manifestOf = (): Manifest => JSON.parse(strFromU8(entry('manifest.json'))) as Manifest;
const withEntries = (replace: Record<string, Uint8Array | null>): Uint8Array => {
  const entries: PackEntry[] = [];
  for (const e of pack.entries) {
    const next = e.name in replace ? replace[e.name] : e.bytes;
    if (next) entries.push({ name: e.name, bytes: next });
  }
  return zipEntries(entries, pack.manifest.createdAt);
};
const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

describe('a signed pack', () => {
  it('records the signer in the manifest and verifies as trusted only for a trusted key', async () => {
    expect(pack.manifest.signer).toEqual({
      algorithm: 'ed25519',
      name: '王会计 (Acme Finance)',
      publicKey: Buffer.from(signer.publicKey).toString('hex'),
      fingerprint,
    });
    expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    const trusted = await verifyPack(pack.zip, nodeHasher, {
      trusted: [fingerprint.replace(/-/g, ' ').toLowerCase()],
    });
    expect(trusted.status).toBe('intact');
    expect(trusted.signature).toEqual({ state: 'trusted', signer: pack.manifest.signer });
    const unknown = await verifyPack(pack.zip, nodeHasher);
    expect(unknown.status).toBe('intact');
    expect(unknown.signature.state).toBe('unknown-key');
  });

  it('says altered when the manifest was edited to read ready and not forced', async () => {
    const manifest = { ...manifestOf(), verdict: 'ready', forced: false };
    const result = await verifyPack(withEntries({ 'manifest.json': json(manifest) }), nodeHasher, {
      trusted: [fingerprint],
    });
    expect(result.status).toBe('altered');
    expect(result.signature).toEqual({
      state: 'invalid',
      problem: 'manifest.json does not match its signature (it was edited after signing)',
    });
    expect(describeAlterations(result)[0]).toMatch(/^The signature fails: manifest\.json/);
  });

  it('says altered when a document was swapped and its hash updated in the manifest', async () => {
    const name = pack.manifest.files[0]!.name;
    const swapped = strToU8('%PDF-1.7 another document');
    const manifest = manifestOf();
    manifest.files[0] = {
      ...manifest.files[0]!,
      bytes: swapped.length,
      sha256: sha256Hex(swapped),
    };
    const result = await verifyPack(
      withEntries({ [name]: swapped, 'manifest.json': json(manifest) }),
      nodeHasher,
      { trusted: [fingerprint] },
    );
    expect(result.entries.every((e) => e.state === 'intact')).toBe(true);
    expect(result.status).toBe('altered');
    expect(result.signature.state).toBe('invalid');
  });

  it('says altered when the signer was relabelled', async () => {
    const manifest = manifestOf();
    manifest.signer = { ...manifest.signer!, name: 'Bank of China compliance' };
    const result = await verifyPack(withEntries({ 'manifest.json': json(manifest) }), nodeHasher);
    expect(result.status).toBe('altered');
    // A fingerprint that does not belong to the key is named as such.
    manifest.signer = { ...manifest.signer, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' };
    const forged = await verifyPack(withEntries({ 'manifest.json': json(manifest) }), nodeHasher, {
      trusted: ['AAAA-BBBB-CCCC-DDDD-EEEE'],
    });
    expect(forged.signature).toEqual({
      state: 'invalid',
      problem: "the signer's fingerprint in manifest.json does not belong to its key",
    });
  });

  it('says unknown key when the edited pack is re-signed with another key, even under the same name', async () => {
    const other = secretKeySigner(signer.name, newSigningSecret());
    const manifest = {
      ...manifestOf(),
      verdict: 'ready',
      forced: false,
      signer: manifestSigner(other),
    };
    const bytes = json(manifest);
    const result = await verifyPack(
      withEntries({
        'manifest.json': bytes,
        'signature.json': json(await signManifest(bytes, other)),
      }),
      nodeHasher,
      { trusted: [fingerprint] },
    );
    expect(result.status).toBe('intact');
    expect(result.signature.state).toBe('unknown-key');
    expect('signer' in result.signature && result.signature.signer.fingerprint).not.toBe(
      fingerprint,
    );
  });

  it('says unsigned when signature and signer were stripped, and names an old pack', async () => {
    const { signer: _dropped, ...rest } = manifestOf();
    const stripped = await verifyPack(
      withEntries({ 'manifest.json': json(rest), 'signature.json': null }),
      nodeHasher,
    );
    expect(stripped.status).toBe('intact');
    expect(stripped.signature).toEqual({ state: 'unsigned', legacy: false });
    const old = await verifyPack(
      withEntries({ 'manifest.json': json({ ...rest, version: 1 }), 'signature.json': null }),
      nodeHasher,
    );
    expect(old.signature).toEqual({ state: 'unsigned', legacy: true });
    // Removing only the signature file of a signed manifest is an alteration.
    const missing = await verifyPack(withEntries({ 'signature.json': null }), nodeHasher);
    expect(missing.status).toBe('altered');
  });

  it('reads fingerprints however a person types them, and refuses others', () => {
    expect(normaliseFingerprint(fingerprint.toLowerCase().replace(/-/g, ':'))).toBe(fingerprint);
    expect(normaliseFingerprint('not a fingerprint')).toBeNull();
    expect(normaliseFingerprint(`${fingerprint}00`)).toBeNull();
  });
});

const READY = join(REPO_ROOT, 'examples', 'ready');

describe('the command line key and verify exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sign-cli-'));
  const config = join(dir, 'config');
  const out = join(dir, 'ready.zip');
  let printed = '';

  beforeAll(async () => {
    const run = await runCli(['pack', READY, '--out', out, '--today', '2026-11-24'], REPO_ROOT, {
      DOSSIER_CONFIG_DIR: config,
    });
    expect(run.code, run.stderr).toBe(0);
    printed = run.stdout + run.stderr;
  }, 600_000);

  it('makes a key readable only by its owner on the first pack and prints its fingerprint', () => {
    const key = join(config, 'signing-key.json');
    expect(existsSync(key)).toBe(true);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(config).mode & 0o777).toBe(0o700);
    const fp = /fingerprint is ([0-9A-F-]{24})/.exec(printed)?.[1];
    expect(fp).toBeDefined();
    expect(printed).toContain(`key fingerprint ${fp}`);
    expect(readFileSync(key, 'utf8')).toContain('"algorithm": "ed25519"');
  });

  it('exits 0 for the own key, 3 for an unknown one, 0 with --trust, 1 altered, 4 unsigned', async () => {
    const own = await runCli(['verify', out], REPO_ROOT, { DOSSIER_CONFIG_DIR: config });
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toMatch(/^intact and signed by .+ \([0-9A-F-]{24}\)/);
    const elsewhere = join(dir, 'no-key-here');
    const unknown = await runCli(['verify', out], REPO_ROOT, { DOSSIER_CONFIG_DIR: elsewhere });
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toMatch(/^intact but signed by an unknown key/);
    const fp = /--trust ([0-9A-F-]{24})/.exec(unknown.stdout)![1]!;
    const trusted = await runCli(['verify', out, '--trust', fp], REPO_ROOT, {
      DOSSIER_CONFIG_DIR: elsewhere,
    });
    expect(trusted.code).toBe(0);
    expect(existsSync(elsewhere)).toBe(false);
    const asJson = await runCli(['verify', out, '--json'], REPO_ROOT, {
      DOSSIER_CONFIG_DIR: elsewhere,
    });
    expect(JSON.parse(asJson.stdout)).toMatchObject({ status: 'intact', outcome: 'unknown-key' });

    const { signer: _s, ...rest } = manifestOf();
    const unsignedPath = join(dir, 'unsigned.zip');
    writeFileSync(
      unsignedPath,
      withEntries({ 'manifest.json': json({ ...rest, version: 1 }), 'signature.json': null }),
    );
    const unsigned = await runCli(['verify', unsignedPath]);
    expect(unsigned.code).toBe(4);
    expect(unsigned.stdout).toMatch(/^intact but unsigned \(made before signing existed\)/);

    const alteredPath = join(dir, 'altered.zip');
    writeFileSync(
      alteredPath,
      withEntries({ 'manifest.json': json({ ...manifestOf(), forced: false }) }),
    );
    const altered = await runCli(['verify', alteredPath]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/^ALTERED .*\n {2}The signature fails/);
    expect((await runCli(['verify', out, '--trust', 'nonsense'])).code).toBe(2);
  });
});
