// Types of bin/cli-bundle.mjs (plain JavaScript, so the bin runs without a TypeScript step).
/** The current bundle's entry file under ROOT/out, or null when there is none or it is stale. */
export function freshBundle(root: string): string | null;
/** Bundles ROOT/src/cli/main.ts into ROOT/out/cli-<id>/; returns the entry file. */
export function buildBundle(root: string): Promise<string>;
