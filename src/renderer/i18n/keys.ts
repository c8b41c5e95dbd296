// Messages of the vault's key and integrity work (issue 17 item 5): a damaged keyring,
// key derivation below the floor, the audit log's hash chain and key rotation. Kept
// apart from the main catalogues and spread into them (zh.ts, en.ts).
export const KEYS_ZH = {
  'vault.error.keyring-damaged': '保险箱的密钥记录已损坏，任何主密码都无法打开它；请从备份恢复。',
  'vault.error.weak-kdf': '密钥派生参数低于最低要求（内存或轮数不足），已拒绝；请使用默认参数。',
  'audit.action.kdf-upgrade': '提升密钥派生强度',
} as const;

export const KEYS_EN: Record<keyof typeof KEYS_ZH, string> = {
  'vault.error.keyring-damaged':
    "The vault's key record is damaged, so no passphrase can open it; restore a backup.",
  'vault.error.weak-kdf':
    'The key derivation is below the minimum (too little memory or too few passes) and was refused; use the default parameters.',
  'audit.action.kdf-upgrade': 'Key derivation strengthened',
};
