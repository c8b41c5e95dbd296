// docs/spec holds the specification's copy that comments ("spec §3") point into; it must
// not drift from the specification beside the repository (../shared/spec) where that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUTSIDE = join(ROOT, '..', 'shared', 'spec');
const FILES = ['linking-rules.md', 'cli-contract.md', 'architecture.md'] as const;

describe('docs/spec', () => {
  it.each(FILES)('holds %s', (file) => {
    expect(readFileSync(join(ROOT, 'docs', 'spec', file), 'utf8')).toMatch(/^# /m);
  });

  it.skipIf(!existsSync(OUTSIDE))(
    'is the same as ../shared/spec (skipped where the outside specification is absent)',
    () => {
      for (const file of FILES) {
        const inside = readFileSync(join(ROOT, 'docs', 'spec', file), 'utf8');
        const outside = readFileSync(join(OUTSIDE, file), 'utf8');
        expect(inside, `docs/spec/${file} differs from ../shared/spec/${file}`).toBe(outside);
      }
    },
  );
});
