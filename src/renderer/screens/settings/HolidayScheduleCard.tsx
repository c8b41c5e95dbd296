// Settings → holiday schedules (spec §4): the years the bundled data covers, the years a
// person loaded (source, file, when) and a file picker for the official schedule of a new
// year. A loaded year removes the "computed without the official holiday schedule" flag.
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { bundledWorkingDayCalendar } from '../../../core/deadlines';
import type { HolidayScheduleRecord } from '../../../vault';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';

export function HolidayScheduleCard() {
  const { vault } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<HolidayScheduleRecord[]>([]);
  const bundled = bundledWorkingDayCalendar().coveredYears;

  const refresh = useCallback(async () => setLoaded(await vault.listHolidaySchedules()), [vault]);
  useEffect(() => {
    refresh().catch((error: unknown) => void message.error(errorSentence(error, t)));
  }, [refresh, message, t]);

  async function load(file: File): Promise<void> {
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(await file.text());
      } catch {
        throw new Error(t('deadlines.schedule.notJson', { name: file.name }));
      }
      const years = await vault.loadHolidaySchedule(raw, file.name);
      await refresh();
      void message.success(t('deadlines.schedule.loaded', { years: years.join(', ') }));
    } catch (error) {
      void message.error(errorSentence(error, t));
    }
  }

  return (
    <Card title={t('deadlines.schedule.title')} className="dv-card" data-testid="settings-holidays">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="holidays-bundled">
          {t('deadlines.schedule.bundled', { first: bundled[0] ?? '', last: bundled.at(-1) ?? '' })}
        </Typography.Text>
        <List
          size="small"
          bordered
          locale={{ emptyText: t('deadlines.schedule.none') }}
          dataSource={loaded}
          renderItem={(r) => (
            <List.Item
              data-testid="holidays-loaded"
              data-year={r.year}
              actions={[
                <Button
                  key="remove"
                  size="small"
                  onClick={() =>
                    void vault
                      .removeHolidaySchedule(r.year)
                      .then(refresh)
                      .catch((error: unknown) => void message.error(errorSentence(error, t)))
                  }
                >
                  {t('common.delete')}
                </Button>,
              ]}
            >
              {t('deadlines.schedule.entry', {
                year: r.year,
                holidays: r.schedule.holidays.length,
                workingDays: r.schedule.workingDays.length,
                source: r.schedule.source ?? r.fileName,
                at: new Date(r.loadedAt).toLocaleDateString(),
              })}
            </List.Item>
          )}
        />
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="holidays-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void load(file);
          }}
        />
        <Button onClick={() => input.current?.click()} data-testid="holidays-load">
          {t('deadlines.schedule.load')}
        </Button>
        <Typography.Text type="secondary">{t('deadlines.schedule.hint')}</Typography.Text>
      </Space>
    </Card>
  );
}
