// The app's name and version as recorded in a pack's manifest, from package.json.
import { createRequire } from 'node:module';

export function appInfo(): { name: string; version: string } {
  const pkg = createRequire(import.meta.url)('../../package.json') as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}
