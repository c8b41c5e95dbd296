// Messages of issue 14's review and trust work, kept apart from the main catalogues and
// spread into them (zh.ts, en.ts). Why a backup cannot be restored: one sentence per
// refusal of src/vault/backup/ (the vault's English message is for logs and the CLI).
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
  'backup.refusal.overwrite-locked': '只有已解锁的保险箱（或输入其主密码后）才能被备份覆盖。',
  'backup.refusal.interrupted': '恢复在完成前中断，保险箱已清空：请重新恢复这个备份。',
  'audit.action.set-aside': '搁置材料',
  'shell.list.sameNameWarning':
    '已有 {count} 份名为「{company}」的资料。同一家公司通常只需一份资料，请确认这是另一份。',
  'shell.list.sameNameMark': '{code} · 创建于 {created} · {id}',
  'shell.list.noCreditCode': '未读取统一社会信用代码',
  'shell.list.createAnyway': '仍然创建',
  'unsaved.title': '有未保存的修改',
  'unsaved.body': '{what}尚未保存，离开后这些修改会丢失。',
  'unsaved.separator': '、',
  'unsaved.discard': '放弃修改并离开',
  'unsaved.stay': '留下继续编辑',
  'unsaved.accounts': '账户列表',
  'labels.changeKind': '变更类型',
  'labels.changeFiledOnDate': '报备日期',
  'labels.changeBankNotifiedOnDate': '告知银行日期',
  'review.magnifier': '放大镜',
  'review.magnifierHint': '放大镜：鼠标停在小字上时放大显示',
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
  'overwrite-locked': 'backup.refusal.overwrite-locked',
  interrupted: 'backup.refusal.interrupted',
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
  'backup.refusal.overwrite-locked':
    'Only an unlocked vault, or one whose passphrase is given, can be overwritten by a backup.',
  'backup.refusal.interrupted':
    'The restore stopped before its end and the vault was left empty: restore the backup again.',
  'audit.action.set-aside': 'Document set aside',
  'shell.list.sameNameWarning':
    '{count} dossier(s) named “{company}” already exist. One company usually needs one dossier: make sure this is another.',
  'shell.list.sameNameMark': '{code} · created {created} · {id}',
  'shell.list.noCreditCode': 'no credit code read',
  'shell.list.createAnyway': 'Create anyway',
  'unsaved.title': 'Unsaved changes',
  'unsaved.body': '{what}: not saved. Leaving now loses these changes.',
  'unsaved.separator': ', ',
  'unsaved.discard': 'Discard and leave',
  'unsaved.stay': 'Stay and keep editing',
  'unsaved.accounts': 'The accounts',
  'labels.changeKind': 'Kind of change',
  'labels.changeFiledOnDate': 'Date filed',
  'labels.changeBankNotifiedOnDate': 'Date the bank was told',
  'review.magnifier': 'Magnifier',
  'review.magnifierHint': 'Magnifier: small print under the pointer is shown enlarged',
};
