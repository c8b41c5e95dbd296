// The rule pack's values, read-only: what the checks hold a dossier to.
import { Card, Descriptions, Typography } from 'antd';
import { DEFAULT_RULE_PACK_ID, loadRulePack } from '../../../core/rule-pack';
import { useI18n } from '../../i18n';

export function RulePackCard() {
  const { t, language } = useI18n();
  const pack = loadRulePack(DEFAULT_RULE_PACK_ID);
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes % 1048576 === 0 ? 0 : 1)} MB`;
  const items = [
    {
      key: 'name',
      label: t('shell.pack.name'),
      children: `${pack.name[language]} (${pack.id} ${pack.version})`,
    },
    { key: 'platform', label: t('shell.pack.platform'), children: pack.platform },
    {
      key: 'accounts',
      label: t('shell.pack.accounts'),
      children: `${pack.accounts.min}–${pack.accounts.max}`,
    },
    { key: 'perId', label: t('shell.pack.perIdCard'), children: pack.maxAccountsPerIdCard },
    {
      key: 'minValid',
      label: t('shell.pack.idMinValid'),
      children: t('shell.pack.days', { n: pack.idCard.minValidDays }),
    },
    {
      key: 'tolerance',
      label: t('shell.pack.declaredTolerance'),
      children: t('shell.pack.days', { n: pack.idCard.declaredExpiryToleranceDays }),
    },
    {
      key: 'warn',
      label: t('shell.pack.expiryWarnings'),
      children: pack.expiryWarningDays.map((n) => t('shell.pack.days', { n })).join(' / '),
    },
    {
      key: 'changes',
      label: t('shell.pack.changeFiling'),
      children: t('shell.pack.workingDays', { n: pack.changes.fileWithinWorkingDays }),
    },
    {
      key: 'files',
      label: t('shell.pack.files'),
      children: `${pack.files.formats.map((f) => (f === 'application/pdf' ? 'PDF' : 'JPEG')).join(', ')} · ≤ ${mb(pack.files.maxBytes)} · ≥ ${pack.files.minDpiA4} dpi (A4)`,
    },
    {
      key: 'eligible',
      label: t('shell.pack.eligible'),
      children: pack.eligibleCreditCodeCategories.join(' '),
    },
    {
      key: 'ineligible',
      label: t('shell.pack.ineligible'),
      children: pack.ineligibleCreditCodeCategories
        .map((c) => `${c.prefix}: ${c[language]}`)
        .join('; '),
    },
  ];
  return (
    <Card title={t('shell.settings.rulePack')} className="dv-card" data-testid="settings-rule-pack">
      <Typography.Paragraph type="secondary">
        {t('shell.settings.rulePackHelp')}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={1} items={items} />
    </Card>
  );
}
