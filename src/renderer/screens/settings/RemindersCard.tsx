// Settings → desktop reminders (opt-in) and the calendar export: an OS notification for
// deadlines within 2 working days, shown by the desktop app's main process; and every
// deadline as an ICS file for the calendar people already use.
import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { currentBridge } from '../../bridge';
import type { VaultSettings } from '../../../vault';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';

export function RemindersCard({
  settings,
  save,
}: {
  settings: VaultSettings;
  save: (patch: Partial<VaultSettings>) => Promise<void>;
}) {
  const workspace = useWorkspace();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const desktop = currentBridge().host === 'electron';

  return (
    <Card
      title={t('deadlines.reminders.title')}
      className="dv-card"
      data-testid="settings-reminders"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox
          checked={settings.desktopReminders}
          disabled={!desktop}
          onChange={(e) => void save({ desktopReminders: e.target.checked })}
          data-testid="reminders-enabled"
        >
          {t('deadlines.reminders.label')}
        </Checkbox>
        <Typography.Text type="secondary">
          {desktop ? t('deadlines.reminders.help') : t('deadlines.reminders.web')}
        </Typography.Text>
        <Typography.Text strong>{t('deadlines.calendar.title')}</Typography.Text>
        <Typography.Text type="secondary">{t('deadlines.calendar.help')}</Typography.Text>
        <Button
          icon={<CalendarOutlined />}
          data-testid="settings-export-calendar"
          onClick={() =>
            void workspace.exportCalendar(language).then(
              ({ fileName, events }) =>
                void message.success(t('deadlines.calendar.exported', { events, name: fileName })),
              (error: unknown) => void message.error(errorSentence(error, t)),
            )
          }
        >
          {t('deadlines.calendar.export')}
        </Button>
      </Space>
    </Card>
  );
}
