// One company's dossier: documents (import, slots, accounts, declared values), review
// (page image and fields), checks (statuses, character diffs, exceptions, deadlines) and
// export. Everything shown comes from the Workspace and every change goes through it, so a
// reload shows the same dossier.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentKind } from '../../../core/documents';
import type { DossierView, Workspace } from '../../model/contract';
import { useWorkspace } from '../../model/workspace-context';
import { CountBadge } from '../../components/light-text';
import { useI18n } from '../../i18n';
import { useLeaveGuard } from '../../shell/unsaved';
import { AccountsEditor, DeclaredEditor } from './AccountsEditor';
import { AuditTab } from './AuditTab';
import { ChecksTab, type CheckTarget } from './ChecksTab';
import { ExportTab } from './ExportTab';
import { LiveImportPanel, useImporter } from './ImportPanel';
import type { ImportController } from './import-store';
import { RegisterTab } from './RegisterTab';
import { ReviewTab, orderedDocuments } from './ReviewTab';
import { SlotsPanel } from './SlotsPanel';
import { useAction, useDossier } from './use-dossier';

/** How long a dossier with empty slots stays open before the OCR models start loading. */
const PREPARE_OCR_AFTER_MS = 1500;

export type DossierTab = 'documents' | 'review' | 'checks' | 'export' | 'register' | 'audit';

export interface DossierScreenProps {
  dossierId: string;
  onBack: () => void;
}

export function DossierScreen(props: DossierScreenProps) {
  return <DossierScreenView workspace={useWorkspace()} {...props} />;
}

/** The screen on a given Workspace (the component tests give it one directly). */
export function DossierScreenView({
  workspace,
  dossierId,
  onBack,
  initialTab = 'documents',
}: DossierScreenProps & { workspace: Workspace; initialTab?: DossierTab }) {
  const { t } = useI18n();
  const { view, error, damagedAccount } = useDossier(workspace, dossierId);
  const removal = useAction();
  const importer = useImporter(workspace, dossierId);
  const [tab, setTab] = useState<DossierTab>(initialTab);
  // A tab left is unmounted with what was typed in it: leaving unsaved edits asks first.
  const guardLeave = useLeaveGuard();
  const [review, setReview] = useState<{ documentId: string | null; field: string | null }>({
    documentId: null,
    field: null,
  });
  const [scrollTo, setScrollTo] = useState<'accounts' | 'declared' | null>(null);
  const awaitsScans = view !== null && Object.values(view.slots).some((doc) => doc === null);
  useEffect(() => {
    if (!awaitsScans) return;
    // Files are likely to come next: load the OCR models while the person picks them,
    // once the screen has settled, so the first scan does not wait for the models.
    const timer = setTimeout(() => void workspace.reader.prepare(), PREPARE_OCR_AFTER_MS);
    return () => clearTimeout(timer);
  }, [workspace, awaitsScans]);

  const selectField = useCallback((documentId: string, field: string | null) => {
    setReview({ documentId, field });
  }, []);

  const onScrolled = useCallback(() => setScrollTo(null), []);
  // The documents' callbacks keep their identity: the slots are memoised.
  const latestGuard = useRef(guardLeave);
  latestGuard.current = guardLeave;
  const openReview = useCallback((documentId: string) => {
    latestGuard.current(() => {
      setReview({ documentId, field: null });
      setTab('review');
    });
  }, []);

  const openTarget = useCallback(
    (target: CheckTarget) => {
      if (target.to === 'review') {
        const doc = view?.slots[target.kind];
        if (!doc) return;
        setReview({ documentId: doc.info.id, field: target.field });
        setTab('review');
      } else {
        setScrollTo(target.section);
        setTab('documents');
      }
    },
    [view],
  );

  if (error && !view) {
    return (
      <div style={{ padding: 24 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('dossier.back')}
        </Button>
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          title={error}
          data-testid="dossier-error"
        />
        {damagedAccount !== null && (
          <Space orientation="vertical" style={{ marginTop: 16 }} data-testid="damaged-account">
            <Typography.Text>{t('dossier.accounts.damaged')}</Typography.Text>
            <Button
              danger
              data-testid="remove-damaged-account"
              onClick={() =>
                void removal.run(() => workspace.removeDamagedAccount(dossierId, damagedAccount))
              }
            >
              {t('dossier.accounts.removeDamaged')}
            </Button>
            {removal.error && <Alert type="error" showIcon title={removal.error} />}
          </Space>
        )}
      </div>
    );
  }
  if (!view) {
    return (
      <div style={{ padding: 24 }} data-testid="dossier-loading">
        <Skeleton active />
      </div>
    );
  }

  const failing = view.run.checks.filter((c) => c.status === 'fail' && !c.exception).length;
  const toReview = view.documents.reduce(
    (n, d) => n + d.fields.filter((f) => f.value !== null && f.confirmedValue === null).length,
    0,
  );
  const ready = view.run.verdict === 'ready';

  return (
    <div
      data-testid="dossier-screen"
      data-dossier-id={view.dossier.id}
      style={{ padding: '12px 24px' }}
    >
      <Space align="center" style={{ marginBottom: 8 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="dossier-back">
          {t('dossier.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="dossier-company">
          {view.dossier.company}
        </Typography.Title>
        <Tag
          color={ready ? 'success' : 'error'}
          data-testid="dossier-verdict-tag"
          data-verdict={view.run.verdict}
        >
          {ready ? t('dossier.verdict.readyShort') : t('dossier.verdict.blockedShort')}
        </Tag>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => guardLeave(() => setTab(key as DossierTab))}
        destroyOnHidden
        items={[
          {
            key: 'documents',
            label: <span data-testid="tab-documents">{t('dossier.tab.documents')}</span>,
            children: (
              <DocumentsTab
                workspace={workspace}
                view={view}
                importer={importer}
                scrollTo={scrollTo}
                onScrolled={onScrolled}
                onReview={openReview}
              />
            ),
          },
          {
            key: 'review',
            label: (
              <CountBadge count={toReview} color="orange">
                <span data-testid="tab-review">{t('dossier.tab.review')}</span>
              </CountBadge>
            ),
            children: (
              <ReviewTab
                workspace={workspace}
                view={view}
                documentId={review.documentId ?? orderedDocuments(view)[0]?.info.id ?? null}
                field={review.field}
                onSelect={selectField}
              />
            ),
          },
          {
            key: 'checks',
            label: (
              <CountBadge count={failing}>
                <span data-testid="tab-checks">{t('dossier.tab.checks')}</span>
              </CountBadge>
            ),
            children: <ChecksTab workspace={workspace} view={view} onOpen={openTarget} />,
          },
          {
            key: 'export',
            label: <span data-testid="tab-export">{t('dossier.tab.export')}</span>,
            children: <ExportTab workspace={workspace} view={view} />,
          },
          {
            key: 'register',
            label: <span data-testid="tab-register">{t('dossier.tab.register')}</span>,
            children: <RegisterTab workspace={workspace} view={view} />,
          },
          {
            key: 'audit',
            label: <span data-testid="tab-audit">{t('dossier.tab.audit')}</span>,
            children: <AuditTab workspace={workspace} view={view} />,
          },
        ]}
      />
    </div>
  );
}

function DocumentsTab({
  workspace,
  view,
  importer,
  onReview,
  scrollTo,
  onScrolled,
}: {
  workspace: Workspace;
  view: DossierView;
  importer: ImportController;
  onReview: (documentId: string) => void;
  scrollTo: 'accounts' | 'declared' | null;
  onScrolled: () => void;
}) {
  const { t } = useI18n();
  const accounts = useRef<HTMLDivElement>(null);
  const declared = useRef<HTMLDivElement>(null);
  const dropInSlot = useCallback(
    (files: File[], kind: DocumentKind) =>
      void importer.importBatch(files, files.length === 1 ? kind : undefined),
    [importer],
  );
  useEffect(() => {
    if (scrollTo === null) return;
    (scrollTo === 'accounts' ? accounts : declared).current?.scrollIntoView({ block: 'start' });
    onScrolled();
  }, [scrollTo, onScrolled]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <LiveImportPanel controller={importer} />
      {view.documents.length === 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="documents-empty"
          title={t('dossier.documents.empty')}
        />
      )}
      <SlotsPanel workspace={workspace} view={view} onReview={onReview} onDropInSlot={dropInSlot} />
      <div ref={accounts}>
        <AccountsEditor
          workspace={workspace}
          dossierId={view.dossier.id}
          accounts={view.accounts}
        />
      </div>
      <div ref={declared}>
        <DeclaredEditor
          workspace={workspace}
          dossierId={view.dossier.id}
          declared={view.declared}
          idBackMissing={view.slots['id-card-back'] === null}
        />
      </div>
    </div>
  );
}
