// Which audit actions each history offers in its filter (a dossier's audit tab, Settings'
// vault history): derived from AuditActionSchema, every action in one of them at least.
import { describe, expect, it } from 'vitest';
import { AuditActionSchema, auditActionsOf } from '../../src/vault/schema/audit-log';

describe('audit actions per history', () => {
  it("offers a dossier's actions and the vault's, in the schema's order, purge in both", () => {
    expect(auditActionsOf('dossier')).toEqual([
      'create-dossier',
      'import',
      'import-refused',
      'edit',
      'confirm',
      'export',
      'delete',
      'undo-delete',
      'purge',
      'exception',
      'set-aside',
    ]);
    expect(auditActionsOf('vault')).toEqual([
      'create-vault',
      'unlock',
      'unlock-failed',
      'lock',
      'change-passphrase',
      'kdf-upgrade',
      'rotate-keys',
      'settings',
      'backup',
      'restore',
      'integrity-failure',
      'purge',
    ]);
    const offered = new Set([...auditActionsOf('dossier'), ...auditActionsOf('vault')]);
    expect([...offered].sort()).toEqual([...AuditActionSchema.options].sort());
  });
});
