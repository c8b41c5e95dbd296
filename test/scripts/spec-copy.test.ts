// docs/spec holds the specification's copy that comments ("spec §3") point into; it must
// not drift from the specification beside the repository (../shared/spec) where that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSIDE = join(ROOT, 'docs', 'spec');
const OUTSIDE = join(ROOT, '..', 'shared', 'spec');
const FILES = ['linking-rules.md', 'cli-contract.md', 'architecture.md'] as const;
/** docs/spec's own files, not copies: what the folder is, and where the code differs. */
const OWN = ['README.md', 'deviations.md'];

describe('docs/spec', () => {
  it.each(FILES)('holds %s', (file) => {
    expect(readFileSync(join(INSIDE, file), 'utf8')).toMatch(/^# /m);
  });

  it.skipIf(!existsSync(OUTSIDE))(
    'is the same as ../shared/spec, file for file (skipped where the outside specification is absent)',
    () => {
      const outside = readdirSync(OUTSIDE).sort();
      expect(
        readdirSync(INSIDE)
          .filter((f) => !OWN.includes(f))
          .sort(),
      ).toEqual(outside);
      for (const file of outside) {
        const inside = readFileSync(join(INSIDE, file), 'utf8');
        expect(inside, `docs/spec/${file} differs from ../shared/spec/${file}`).toBe(
          readFileSync(join(OUTSIDE, file), 'utf8'),
        );
      }
    },
  );
});
