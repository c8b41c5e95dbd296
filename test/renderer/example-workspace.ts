// A Workspace over a fresh vault (fake-indexeddb) that reads with the real text pipeline
// in Node, and the example dossiers (examples/<name>) to import into it. A test file using
// it imports 'fake-indexeddb/auto' first, before anything that loads Dexie.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { webBridge } from '../../src/renderer/bridge/web';
import type { Workspace } from '../../src/renderer/model/contract';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { REPO_ROOT } from '../cli/run-cli';
import { newVault } from '../vault/helpers';
import { createNodeTextReader } from './node-reader';

/** The examples' reference date. */
export const TODAY = '2026-11-24';

/** An example dossier's PDFs, by name. */
export function exampleFiles(name: string): { name: string; bytes: Uint8Array }[] {
  const dir = join(REPO_ROOT, 'examples', name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

export interface ExampleDossier {
  accounts: { store: string; phone: string; email: string }[];
  declared: { idValidUntil?: string; officeAddress?: string };
}

/** An example's dossier.json: its accounts and declared values. */
export function exampleDossier(name: string): ExampleDossier {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'examples', name, 'dossier.json'), 'utf8'),
  ) as ExampleDossier;
}

/** A Workspace over a new vault named `label`, on TODAY. */
export async function workspace(label: string): Promise<Workspace> {
  const vault = await newVault(label);
  return createWorkspace(vault, {
    bridge: webBridge,
    host: 'web',
    reader: createNodeTextReader(),
    today: () => TODAY,
  });
}

/** A new dossier of `company` holding the example's files, accounts and declared values. */
export async function importExample(ws: Workspace, name: string, company = '青梧屿') {
  const id = await ws.createDossier(company);
  const outcomes = await ws.importFiles(id, exampleFiles(name));
  const { accounts, declared } = exampleDossier(name);
  await ws.saveAccounts(id, accounts);
  await ws.saveDeclared(id, declared);
  return { id, outcomes };
}
