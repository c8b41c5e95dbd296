// The dossier list's table: one row per dossier (company, legal representative, status,
// last change, delete), virtualised so that a thousand dossiers scroll smoothly; a row
// opens on click, Enter or Space, and Delete asks to delete it. Rows sharing a company
// name show what tells them apart.
import { Button, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { localIsoDate } from '../../../core/dates';
import { formatDocumentDate, useI18n } from '../../i18n';
import type { DossierRow } from '../../model/contract';
import { RowStatus } from './RowStatus';
import { createdAt, sharedNames, shortId } from './same-name';

const ROW_HEIGHT = 60;

export function DossierTable({
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
