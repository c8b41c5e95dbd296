// Messages of issue 14's review and trust work, kept apart from the main catalogues and
// spread into them (zh.ts, en.ts). Why a backup cannot be restored: one sentence per
// refusal of src/vault/backup.ts (the vault's English message is for logs and the CLI).
import type { BackupRefusal } from '../../vault';

export const REVIEW_ZH = {
  'backup.refusal.not-a-backup': '这不是资料保险箱的备份文件。',
  'backup.refusal.format': '这个备份的格式版本为 {format}，当前版本的应用无法读取。',
  'backup.refusal.truncated': '备份文件不完整（被截断）。',
  'backup.refusal.header-damaged': '备份文件的文件头已损坏。',
  'backup.refusal.newer-version': '这个备份由更新版本的应用创建，请先更新应用。',
  'backup.refusal.wrong-passphrase': '主密码无法打开这个备份。',
  'backup.refusal.damaged': '备份文件已损坏或被改动。',
  'backup.refusal.records': '备份中的 {table} 记录与保险箱的结构不符。',
  'backup.refusal.count': '备份中有 {count} 条 {table} 记录，但其清单记载为 {expected} 条。',
  'backup.refusal.no-keyring': '备份中没有密钥记录。',
  'backup.refusal.document-integrity': '备份中的一份文件未通过完整性校验。',
  'backup.refusal.document-hash': '备份中的一份文件与记录的哈希值不符。',
  'backup.refusal.vault-has-data': '这个保险箱已有资料：只能确认覆盖后恢复，或恢复到新的保险箱。',
  'audit.action.set-aside': '搁置材料',
} as const;

/** Every refusal has its sentence (a new one without it fails the typecheck). */
export const BACKUP_REFUSAL_KEYS: Record<BackupRefusal, keyof typeof REVIEW_ZH> = {
  'not-a-backup': 'backup.refusal.not-a-backup',
  format: 'backup.refusal.format',
  truncated: 'backup.refusal.truncated',
  'header-damaged': 'backup.refusal.header-damaged',
  'newer-version': 'backup.refusal.newer-version',
  'wrong-passphrase': 'backup.refusal.wrong-passphrase',
  damaged: 'backup.refusal.damaged',
  records: 'backup.refusal.records',
  count: 'backup.refusal.count',
  'no-keyring': 'backup.refusal.no-keyring',
  'document-integrity': 'backup.refusal.document-integrity',
  'document-hash': 'backup.refusal.document-hash',
  'vault-has-data': 'backup.refusal.vault-has-data',
};

export const REVIEW_EN: Record<keyof typeof REVIEW_ZH, string> = {
  'backup.refusal.not-a-backup': 'This file is not a Dossier Vault backup.',
  'backup.refusal.format': 'This backup uses format {format}, which this version cannot read.',
  'backup.refusal.truncated': 'The backup file is truncated.',
  'backup.refusal.header-damaged': 'The backup header is damaged.',
  'backup.refusal.newer-version':
    'This backup was made by a newer version of the app; update the app first.',
  'backup.refusal.wrong-passphrase': 'The passphrase does not open this backup.',
  'backup.refusal.damaged': 'The backup file is damaged or was altered.',
  'backup.refusal.records': "The backup's {table} records do not match the vault schema.",
  'backup.refusal.count':
    'The backup holds {count} {table} records but its manifest says {expected}.',
  'backup.refusal.no-keyring': 'The backup has no keyring.',
  'backup.refusal.document-integrity': 'A document in the backup failed its integrity check.',
  'backup.refusal.document-hash': 'A document in the backup does not match its recorded hash.',
  'backup.refusal.vault-has-data':
    'This vault already holds data; restore into it only with overwrite, or into a new vault.',
  'audit.action.set-aside': 'Document set aside',
};
