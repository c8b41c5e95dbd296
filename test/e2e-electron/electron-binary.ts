// Where the Electron binary and the built app are, and why an Electron test is skipped
// when they are not (the binary's install script is denied in package.json allowScripts).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { REPO_ROOT } from '../cli/run-cli';

export function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Why the Electron tests cannot run here, or null when they can. */
export function electronSkipReason(binary: string | null): string | null {
  const built =
    existsSync(join(REPO_ROOT, 'out/main/index.js')) &&
    existsSync(join(REPO_ROOT, 'out/renderer/index.html'));
  return binary === null
    ? 'the Electron binary is not installed (its install script is denied in package.json allowScripts; run `node scripts/ensure-electron.mjs` where the network allows)'
    : !built
      ? 'the app is not built (run `npm run build` first)'
      : null;
}

/**
 * Launches the built app in the Electron binary (sandboxed except on CI) and waits for its
 * first window's interface: what every Electron test starts from.
 */
export async function launchApp(
  binary: string | null,
): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: [REPO_ROOT, ...(process.env.CI ? ['--no-sandbox'] : [])],
    cwd: REPO_ROOT,
  });
  const page = await app.firstWindow();
  await page.getByTestId('offline-status').waitFor();
  return { app, page };
}
