// `npm start` runs this first. Electron's install script is denied on purpose (package.json
// allowScripts), so the package arrives without its binary: fetch it once with Electron's
// own installer; where that is impossible, say so in one sentence and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** The binary's path when it is installed (electron writes path.txt after a download). */
function installedBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (installedBinary() === null) {
  process.stderr.write(
    "The Electron binary is not installed yet: downloading it once with Electron's installer…\n",
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // The installer's own output (a stack trace when offline) is shown only with DEBUG set.
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    stdio: process.env.DEBUG ? 'inherit' : ['ignore', 'inherit', 'pipe'],
    timeout: 15 * 60_000,
  });
  if (installedBinary() === null) {
    const reason = run.stderr?.toString().match(/^\w*Error: .*$/m)?.[0];
    if (reason) console.error(`(installer: ${reason})`);
    process.stderr.write(
      'The desktop shell needs the Electron binary, which could not be downloaded here; `npm run web` serves the same interface in a browser at http://127.0.0.1:4173.\n',
    );
    process.exit(1);
  }
}
