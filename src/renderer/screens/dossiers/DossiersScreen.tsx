// The dossier list: every company with its status and nearest deadline, searchable by
// company, credit code, person or account, sorted by nearest deadline (or name). The
// list is virtualised so that a thousand dossiers scroll smoothly.
import { Alert, App, Button, Empty, Input, Modal, Segmented, Spin, Typography } from 'antd';
import {
  CalendarOutlined,
  DeleteOutlined,
  PlusOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { localIsoDate } from '../../../core/dates';
import type { UndoTicket } from '../../../vault';
import { formatDocumentDate, useI18n } from '../../i18n';
import type { DossierRow } from '../../model/contract';
import { useWorkspace, useWorkspaceVersion } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { RowStatus } from './RowStatus';
import { sameNamed, sharedNames, shortId } from './same-name';
import { sortRows, type SortOrder } from './sort';

const ROW_HEIGHT = 60;

/** When a dossier was created, to the minute, as the interface's language writes it. */
const createdAt = (at: number, language: 'zh' | 'en'): string =>
  new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    hour12: false,
  });
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

function DossierTable({
  rows,
  onOpen,
  onDelete,
}: {
  rows: DossierRow[];
  onOpen: (id: string) => void;
  onDelete: (row: DossierRow) => void;
}) {
  const { t, language } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const shared = useMemo(() => sharedNames(rows), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.summary.id ?? index,
  });

  function onRowKey(event: KeyboardEvent<HTMLDivElement>, row: DossierRow): void {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row.summary.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete(row);
    }
  }

  return (
    <div className="dv-table" role="table" aria-rowcount={rows.length} data-testid="dossier-table">
      <div className="dv-row dv-head" role="row">
        <span role="columnheader">{t('shell.list.company')}</span>
        <span role="columnheader">{t('shell.list.person')}</span>
        <span role="columnheader">{t('shell.list.status')}</span>
        <span role="columnheader">{t('shell.list.updated')}</span>
        <span role="columnheader" aria-label={t('common.delete')} />
      </div>
      <div ref={scroller} className="dv-scroll" data-testid="dossier-list">
        <div className="dv-scroll-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const s = row.summary;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                aria-rowindex={item.index + 2}
                className="dv-row dv-body-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-testid="dossier-row"
                data-id={s.id}
                data-company={s.company}
                data-same-name={shared.has(s.id) ? 'true' : undefined}
                onClick={() => onOpen(s.id)}
                onKeyDown={(e) => onRowKey(e, row)}
              >
                <span role="cell" className="dv-company">
                  <Typography.Text strong ellipsis={false}>
                    {s.company}
                  </Typography.Text>
                  {shared.has(s.id) ? (
                    // Another dossier has this name: what tells them apart, on one line.
                    <small className="dv-muted" data-testid="same-name-mark">
                      {t('shell.list.sameNameMark', {
                        code: s.creditCode ?? t('shell.list.noCreditCode'),
                        created: createdAt(s.createdAt, language),
                        id: shortId(s.id),
                      })}
                    </small>
                  ) : (
                    s.creditCode && <small className="dv-muted dv-mono">{s.creditCode}</small>
                  )}
                </span>
                <span role="cell">
                  {s.legalRepresentative ?? <span className="dv-muted">—</span>}
                </span>
                <span role="cell">
                  <RowStatus row={row} />
                </span>
                <span role="cell" className="dv-muted">
                  {formatDocumentDate(localIsoDate(new Date(s.updatedAt)), language)}
                </span>
                <span role="cell">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('shell.list.deleteOne', { company: s.company })}
                    title={t('shell.list.deleteOne', { company: s.company })}
                    data-testid="delete-dossier"
                    onClick={(e) => {
                      e.stopPropagation();
                      onDelete(row);
                    }}
                  />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function NewDossierDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [company, setCompany] = useState('');
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<DossierRow[]>([]);
  const { language } = useI18n();

  // Every dossier, not the list as searched: a same-named one must be found either way.
  useEffect(() => {
    if (!open) return;
    let live = true;
    workspace.listRows().then(
      (all) => live && setExisting(all),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, workspace]);
  const same = sameNamed(company, existing);

  // The name is cleared when the dialog closes, not when it opens: clearing it in an effect
  // after opening raced with a person (or a test) typing at once, and lost what was typed.
  const close = (): void => {
    setCompany('');
    onClose();
  };

  async function submit(): Promise<void> {
    const name = company.trim();
    if (name === '' || busy) return;
    setBusy(true);
    try {
      const id = await workspace.createDossier(name);
      void message.success(t('shell.list.created', { company: name }));
      setCompany('');
      onCreated(id);
    } catch (error) {
      void message.error(errorSentence(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('shell.list.newTitle')}
      okText={same.length > 0 ? t('shell.list.createAnyway') : t('shell.list.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      okButtonProps={{
        disabled: company.trim() === '',
        loading: busy,
        'data-testid': 'new-dossier-submit',
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('shell.list.newHelp')}</Typography.Paragraph>
      <Input
        autoFocus
        value={company}
        onChange={(e) => setCompany(e.target.value)}
        onPressEnter={() => void submit()}
        placeholder={t('shell.list.companyPlaceholder')}
        data-testid="new-dossier-name"
        aria-label={t('shell.list.company')}
        maxLength={200}
      />
      {same.length > 0 && (
        <Alert
          className="dv-gap"
          type="warning"
          showIcon
          data-testid="same-name-warning"
          title={t('shell.list.sameNameWarning', {
            company: same[0]!.summary.company,
            count: same.length,
          })}
          description={same
            .map((r) =>
              t('shell.list.sameNameMark', {
                code: r.summary.creditCode ?? t('shell.list.noCreditCode'),
                created: createdAt(r.summary.createdAt, language),
                id: shortId(r.summary.id),
              }),
            )
            .join('；')}
        />
      )}
    </Modal>
  );
}
