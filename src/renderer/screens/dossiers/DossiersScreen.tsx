// The dossier list: every company with its status and nearest deadline, searchable by
// company, credit code, person or account, sorted by nearest deadline (or name). The
// list (DossierTable.tsx) is virtualised so that a thousand dossiers scroll smoothly;
// NewDossierDialog.tsx creates one.
import { App, Button, Empty, Input, Segmented, Spin, Typography } from 'antd';
import { CalendarOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import type { UndoTicket } from '../../../vault';
import { useI18n } from '../../i18n';
import type { DossierRow } from '../../model/contract';
import { useWorkspace, useWorkspaceVersion } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { DossierTable } from './DossierTable';
import { NewDossierDialog } from './NewDossierDialog';
import { sortRows, type SortOrder } from './sort';

const SEARCH_DELAY_MS = 150;

export function DossiersScreen({ onOpen }: { onOpen: (dossierId: string) => void }) {
  const workspace = useWorkspace();
  const version = useWorkspaceVersion();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>('deadline');
  const [rows, setRows] = useState<DossierRow[] | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    const q = query.trim();
    const timer = setTimeout(
      () => {
        (q === '' ? workspace.listRows() : workspace.searchRows(q)).then(
          (found) => current && setRows(found),
          (error: unknown) => current && void message.error(errorSentence(error, t)),
        );
      },
      q === '' ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `t` changes with the language only; the list need not reload for it.
  }, [workspace, query, version]);

  const sorted = useMemo(() => (rows ? sortRows(rows, order) : []), [rows, order]);

  async function remove(row: DossierRow): Promise<void> {
    let ticket: UndoTicket;
    try {
      ticket = await workspace.deleteDossier(row.summary.id);
    } catch (error) {
      void message.error(errorSentence(error, t));
      return;
    }
    const key = `undo-${ticket.id}`;
    const seconds = Math.max(1, (ticket.undoUntil - Date.now()) / 1000);
    void message.open({
      key,
      type: 'info',
      duration: seconds,
      content: (
        <span data-testid="undo-delete">
          {t('shell.list.deleted', { company: row.summary.company })}{' '}
          <Button
            size="small"
            type="link"
            data-testid="undo-button"
            onClick={() => {
              message.destroy(key);
              workspace.undoDelete(ticket).then(
                () =>
                  void message.success(t('shell.list.restored', { company: row.summary.company })),
                (error: unknown) => void message.error(errorSentence(error, t)),
              );
            }}
          >
            {t('common.undo')}
          </Button>
        </span>
      ),
    });
  }

  function exportCalendar(): void {
    workspace.exportCalendar(language).then(
      ({ fileName, events }) =>
        void message.success(t('deadlines.calendar.exported', { events, name: fileName })),
      (error: unknown) => void message.error(errorSentence(error, t)),
    );
  }

  const searching = query.trim() !== '';
  return (
    <section className="dv-screen" data-testid="screen-dossiers">
      <div className="dv-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('shell.list.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="dossier-search"
          className="dv-search"
          aria-label={t('shell.list.search')}
        />
        <Segmented<SortOrder>
          value={order}
          onChange={setOrder}
          options={[
            { value: 'deadline', label: t('shell.list.sortDeadline') },
            { value: 'name', label: t('shell.list.sortName') },
          ]}
          data-testid="dossier-sort"
        />
        <Button
          icon={<CalendarOutlined />}
          onClick={exportCalendar}
          title={t('deadlines.calendar.help')}
          data-testid="export-calendar"
        >
          {t('deadlines.calendar.export')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="new-dossier"
        >
          {t('shell.list.new')}
        </Button>
      </div>
      {rows === null ? (
        <div className="dv-center">
          <Spin />
        </div>
      ) : sorted.length === 0 ? (
        <Empty
          className="dv-empty"
          data-testid={searching ? 'dossier-search-empty' : 'dossier-empty'}
          description={
            searching ? (
              t('shell.list.noMatch', { query: query.trim() })
            ) : (
              <>
                <Typography.Paragraph strong>{t('shell.list.emptyTitle')}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {t('shell.list.emptyHelp')}
                </Typography.Paragraph>
              </>
            )
          }
        >
          {!searching && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('shell.list.new')}
            </Button>
          )}
        </Empty>
      ) : (
        <DossierTable rows={sorted} onOpen={onOpen} onDelete={(row) => void remove(row)} />
      )}
      <NewDossierDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          onOpen(id);
        }}
      />
    </section>
  );
}
