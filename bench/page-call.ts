// Calls a function a bench page put on `window[global]` (bench/vault-page.ts,
// bench/vault-backup-page.ts) from Playwright, typed by the page's own object: the
// arguments and the result are checked against it, and cross into the page as JSON.
import type { Page } from 'playwright-core';

type AnyFunction = (...args: never[]) => unknown;

export type PageCall<T extends Record<string, AnyFunction>> = <N extends keyof T & string>(
  name: N,
  ...args: Parameters<T[N]>
) => Promise<Awaited<ReturnType<T[N]>>>;

export function pageCaller<T extends Record<string, AnyFunction>>(
  page: Page,
  global: string,
): PageCall<T> {
  return (name, ...args) =>
    page.evaluate(
      ([g, n, a]) =>
        (
          window as unknown as Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>>
        )[g]![n]!(...a),
      [global, name, args] as const,
    ) as never;
}
