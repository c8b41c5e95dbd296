// Export: the verified document pack, enabled only when the dossier is ready; progress
// while it is built, and where it was saved.
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_WATERMARK_TEXT } from '../../../core/pack/watermark';
import type { DossierView, Workspace } from '../../model/contract';
import { useI18n } from '../../i18n';
import { Verdict } from './Verdict';
import { errorSentence } from '../../shell/errors';

type State =
  | { step: 'idle' }
  | { step: 'running'; message: string; progress: number }
  | { step: 'saved'; savedAs: string; bytes: number }
  | { step: 'cancelled' }
  | { step: 'error'; text: string };

export function ExportTab({ workspace, view }: { workspace: Workspace; view: DossierView }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  // The purpose is printed on every copy and, with the recipient, goes to the register.
  const [purpose, setPurpose] = useState(DEFAULT_WATERMARK_TEXT);
  const [recipient, setRecipient] = useState('');
  const ready = view.run.verdict === 'ready';

  async function exportPack(): Promise<void> {
    setState({ step: 'running', message: '', progress: 0 });
    try {
      const result = await workspace.exportPack(view.dossier.id, {
        purpose,
        recipient,
        onProgress: (message, progress) => setState({ step: 'running', message, progress }),
      });
      setState(result ? { step: 'saved', ...result } : { step: 'cancelled' });
    } catch (e) {
      setState({ step: 'error', text: errorSentence(e, t) });
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Verdict view={view} />
      <Card size="small" title={t('dossier.export.title')}>
        <Typography.Paragraph type="secondary">
          {ready ? t('dossier.export.intro') : t('dossier.export.blocked')}
        </Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('register.purpose')} help={t('register.purposeHelp')}>
            <Input
              value={purpose}
              maxLength={80}
              onChange={(e) => setPurpose(e.target.value)}
              data-testid="export-purpose"
              aria-label={t('register.purpose')}
            />
          </Form.Item>
          <Form.Item label={t('register.recipient')}>
            <Input
              value={recipient}
              maxLength={200}
              placeholder={t('register.recipientPlaceholder')}
              onChange={(e) => setRecipient(e.target.value)}
              data-testid="export-recipient"
              aria-label={t('register.recipient')}
            />
          </Form.Item>
        </Form>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          disabled={!ready || state.step === 'running'}
          loading={state.step === 'running'}
          data-testid="export-button"
          onClick={() => void exportPack()}
        >
          {t('dossier.export.button')}
        </Button>
        {state.step === 'running' && (
          <div data-testid="export-progress" style={{ marginTop: 12 }}>
            <Progress percent={Math.round(state.progress * 100)} status="active" />
            <Typography.Text type="secondary">{state.message}</Typography.Text>
          </div>
        )}
        {state.step === 'saved' && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="export-saved"
            title={t('dossier.export.saved', {
              path: state.savedAs,
              size: (state.bytes / 1024 / 1024).toFixed(2),
            })}
          />
        )}
        {state.step === 'cancelled' && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('dossier.export.cancelled')}
          />
        )}
        {state.step === 'error' && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={state.text}
            data-testid="export-error"
          />
        )}
      </Card>
    </Space>
  );
}
