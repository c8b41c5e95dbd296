// A long fuzzing run (issue 15, item 7): the properties of test/fuzz with many cases each.
// `npm run fuzz` runs 5,000 cases per property; `npm run fuzz -- 50000` as many as given
// (a nightly run); FUZZ_SEED=N replays the run a failure printed.
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '5000';
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_CASE_MS: process.env.FUZZ_CASE_MS ?? '10000' },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
