// How the project starts Chromium, for fixture rendering, end-to-end tests and
// benchmarks alike: headless, and with every background network feature off (the
// machines have no network, and the app promises to make no request).
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium-path';

export { CHROMIUM_PATH, CHROMIUM_SOURCE } from './chromium-path';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(
  extraArgs: string[] = [],
  options: LaunchOptions = {},
): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
