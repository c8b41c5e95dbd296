#!/usr/bin/env node
// The `dossier` command (spec/cli-contract.md). Runs the TypeScript sources through tsx so
// that a fresh clone needs no build step before `npx dossier`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
});
