// The page that runs a vault entry module (the harness, or the vault benchmark) in Chromium.
import { join } from 'node:path';
import { REPO_ROOT } from '../../cli/run-cli';
import { buildTestPage, type TestPage } from '../support/test-page';

export { REPO_ROOT };
export const HARNESS_ENTRY = join(REPO_ROOT, 'test/e2e/vault-harness/entry.ts');

export function buildVaultPage(entry: string = HARNESS_ENTRY): Promise<TestPage> {
  return buildTestPage(entry, 'vault-page');
}
