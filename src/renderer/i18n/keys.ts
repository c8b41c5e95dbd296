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
  'audit.action.rotate-keys': '更换密钥',
  'vault.error.busy.backup':
    '正在写备份；备份完成之前，保险箱中的内容不能修改，也不能更换密钥或恢复。',
  'vault.error.busy.rotation': '正在更换密钥；完成之前保险箱暂不可用，也不能备份或恢复。',
  'vault.error.busy.restore': '正在恢复备份；完成之前保险箱暂不可用。',
  'vault.error.rotation-pending': '上次更换密钥在完成前中断；请先解锁保险箱，解锁时会完成它。',
  'shell.settings.rotateTitle': '更换加密密钥',
  'shell.settings.rotateHelp':
    '怀疑资料或密钥已泄露时使用：生成新的主密钥，并用它重新加密保险箱中的全部资料（字段、文件、索引、设置和审计日志的签名）。主密码不变。',
  'shell.settings.rotate': '更换密钥…',
  'shell.settings.rotateConfirmTitle': '用新密钥重新加密全部资料？',
  'shell.settings.rotateWarning':
    '将生成新的主密钥，并分批重新加密保险箱中的每一条记录和每一个文件。进行期间不能使用保险箱，也不能备份或恢复；如被中断（断电、关闭应用），下次解锁时会自动继续完成。完成后旧密钥打不开这台电脑上的任何资料；之前下载的备份仍可用当时的主密码恢复。',
  'shell.settings.rotatePassphrase': '主密码（再次确认）',
  'shell.settings.rotateConfirm': '更换密钥',
  'shell.settings.rotateChecking': '正在检查：第 {done} / {total} 条记录',
  'shell.settings.rotateSealing': '正在重新加密：第 {done} / {total} 条记录',
  'shell.settings.rotateDone': '密钥已更换：{records} 条记录已用新密钥重新加密。',
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
  'vault.error.invalid-request':
    '发给保险箱的请求格式不正确，已被拒绝，什么都没有改动；请重试，如果仍然失败，请重新加载页面。',
  'vault.error.invalid-response':
    '保险箱返回的结果格式不正确（程序错误），未被使用；请重新加载页面。',
  'vault.error.rotation-damaged.refused':
    '密钥未更换：记录 {records} 已损坏；请删除它或从备份恢复，然后再更换密钥。',
  'vault.error.rotation-damaged.kept':
    '密钥已更换，但记录 {records} 已损坏、无法重新加密，已保持原样；请删除它或从备份恢复。',
  'history.title': '保险箱历史（{count}）',
  'history.help':
    '不属于某一份资料的操作：创建和解锁保险箱、锁定、更改主密码、更换密钥、提升密钥派生强度、设置、备份、恢复和完整性校验失败。',
  'audit.action.create-vault': '创建保险箱',
  'audit.action.unlock': '解锁',
  'audit.action.unlock-failed': '解锁失败',
  'audit.action.lock': '锁定',
  'audit.action.change-passphrase': '更改主密码',
  'audit.action.settings': '更改设置',
  'audit.action.backup': '备份',
  'audit.action.restore': '恢复备份',
  'audit.action.integrity-failure': '完整性校验失败',
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
  'audit.action.rotate-keys': 'Keys rotated',
  'vault.error.busy.backup':
    'A backup is being written; nothing in the vault can change, and no key rotation or restore can start, until it has finished.',
  'vault.error.busy.rotation':
    'The keys are being rotated; the vault, backups and restores are unavailable until it has finished.',
  'vault.error.busy.restore':
    'A backup is being restored; the vault is unavailable until it has finished.',
  'vault.error.rotation-pending':
    'A key rotation stopped before its end; unlock the vault first, which finishes it.',
  'shell.settings.rotateTitle': 'Rotate the encryption keys',
  'shell.settings.rotateHelp':
    'For a suspected leak: a new master key is made and everything in the vault is encrypted again with it (fields, files, indexes, the signatures of the settings and the audit log). The passphrase stays the same.',
  'shell.settings.rotate': 'Rotate keys…',
  'shell.settings.rotateConfirmTitle': 'Encrypt everything again under a new key?',
  'shell.settings.rotateWarning':
    'A new master key is made and every record and file in the vault is encrypted again with it, in batches. Meanwhile the vault, backups and restores are unavailable; if it is interrupted (a power cut, the app closed), the next unlock finishes it. Afterwards the old key opens nothing on this computer; backups downloaded before still restore with the passphrase of their time.',
  'shell.settings.rotatePassphrase': 'Passphrase (to confirm)',
  'shell.settings.rotateConfirm': 'Rotate keys',
  'shell.settings.rotateChecking': 'Checking: record {done} of {total}',
  'shell.settings.rotateSealing': 'Encrypting again: record {done} of {total}',
  'shell.settings.rotateDone':
    'The keys were rotated: {records} records encrypted again under the new key.',
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
  'vault.error.invalid-request':
    'A request to the vault was malformed and was refused, so nothing changed; try again, or reload the page if it keeps failing.',
  'vault.error.invalid-response':
    "The vault's answer was malformed (a bug) and was not used; reload the page.",
  'vault.error.rotation-damaged.refused':
    'The keys were not rotated because record {records} is damaged; delete it or restore a backup, then rotate again.',
  'vault.error.rotation-damaged.kept':
    'The keys were rotated, but damaged record {records} could not be encrypted again and was left as it was; delete it or restore a backup.',
  'history.title': 'Vault history ({count})',
  'history.help':
    'What was done to the vault rather than to one dossier: creating and unlocking it, locks, passphrase changes, key rotations, key derivation upgrades, settings, backups, restores and integrity failures.',
  'audit.action.create-vault': 'Vault created',
  'audit.action.unlock': 'Unlocked',
  'audit.action.unlock-failed': 'Unlock failed',
  'audit.action.lock': 'Locked',
  'audit.action.change-passphrase': 'Passphrase changed',
  'audit.action.settings': 'Settings changed',
  'audit.action.backup': 'Backed up',
  'audit.action.restore': 'Backup restored',
  'audit.action.integrity-failure': 'Integrity check failed',
};
