// Messages of the vault's key and integrity work (issue 17 item 5): a damaged keyring,
// key derivation below the floor, the audit log's hash chain and key rotation. Kept
// apart from the main catalogues and spread into them (zh.ts, en.ts).
export const KEYS_ZH = {
  'vault.error.keyring-damaged': '保险箱的密钥记录已损坏，任何主密码都无法打开它；请从备份恢复。',
  'vault.error.weak-kdf': '密钥派生参数低于最低要求（内存或轮数不足），已拒绝；请使用默认参数。',
  'vault.error.purge-failed': '彻底清除已删除的项目时失败；它们仍处于隐藏状态，下次清除时会重试。',
  'vault.error.restore-interrupted':
    '上次恢复备份在完成前中断；已写入的部分已被清除，保险箱现在是空的：请重新恢复该备份。',
  'vault.error.settings-damaged': '保险箱的设置记录已损坏；解锁后将恢复默认设置。',
  'vault.error.settings-tampered':
    '保险箱的设置在本应用之外被改动（签名不符）；以下安全限制已恢复为默认值：{names}。',
  'audit.action.kdf-upgrade': '提升密钥派生强度',
  'audit.verify': '校验完整性',
  'audit.verifying': '正在校验…',
  'audit.verify.ok':
    '审计日志完整：整个保险箱的 {count} 条记录逐条校验通过，没有被删除或修改的记录。',
  'audit.verify.broken': '审计日志已被改动：第 {seq} 条记录{problem}。',
  'audit.verify.edited': '的内容与其哈希值不符（被修改）',
  'audit.verify.missing': '缺失（被删除）',
  'audit.verify.link': '与前一条记录的链接断开（之前的记录被修改或删除）',
  'audit.verify.forged': '的签名不符（日志被不持有密钥的人重建）',
  'audit.verify.unchained': '不在哈希链中（被插入）',
} as const;

export const KEYS_EN: Record<keyof typeof KEYS_ZH, string> = {
  'vault.error.keyring-damaged':
    "The vault's key record is damaged, so no passphrase can open it; restore a backup.",
  'vault.error.weak-kdf':
    'The key derivation is below the minimum (too little memory or too few passes) and was refused; use the default parameters.',
  'vault.error.purge-failed':
    'Removing deleted items for good failed; they stay hidden and the next purge tries again.',
  'vault.error.restore-interrupted':
    'A restore was interrupted before its end; what it had written was removed and the vault is empty: restore the backup again.',
  'vault.error.settings-damaged':
    "The vault's settings record is damaged; unlocking restores the default settings.",
  'vault.error.settings-tampered':
    "The vault's settings were changed outside the app (their signature does not match); these safety limits were restored to their defaults: {names}.",
  'audit.action.kdf-upgrade': 'Key derivation strengthened',
  'audit.verify': 'Verify integrity',
  'audit.verifying': 'Verifying…',
  'audit.verify.ok':
    'The audit log is intact: all {count} entries of the vault check out, none removed or edited.',
  'audit.verify.broken': 'The audit log was altered: entry {seq} {problem}.',
  'audit.verify.edited': 'no longer matches its hash (edited)',
  'audit.verify.missing': 'is missing (removed)',
  'audit.verify.link':
    'does not link to the entry before it (an earlier entry was edited or removed)',
  'audit.verify.forged': 'has a wrong signature (the log was rebuilt without the key)',
  'audit.verify.unchained': 'is not in the hash chain (inserted)',
};
