// Catches a screen's rendering error so that the header (and the lock button) stay usable:
// one sentence, what to do next, and a way back.
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  children: ReactNode;
  onReset?: () => void;
}

function Fallback({ error, reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      data-testid="screen-error"
      title={t('shell.error.screenTitle')}
      subTitle={t('shell.error.screen', { detail: error.message })}
      extra={[
        <Button key="back" type="primary" onClick={reset}>
          {t('shell.error.back')}
        </Button>,
        <Button key="reload" onClick={() => window.location.reload()}>
          {t('shell.error.reload')}
        </Button>,
      ]}
    />
  );
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for the developer console; no record content is in a rendering error's stack.
    console.error('A screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error)
      return (
        <Fallback
          error={this.state.error}
          reset={() => {
            this.setState({ error: null });
            this.props.onReset?.();
          }}
        />
      );
    return this.props.children;
  }
}
