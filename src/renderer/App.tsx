// A plain first window (the full interface is a later issue): pick a dossier's documents
// (and optionally its dossier.json), read them here with pdfjs, and list every check.
import { useEffect, useState } from 'react';
import type { BridgeHost, VaultBridge } from '../shared/bridge';
import { DossierFileError, parseDossierFile, type DossierFile } from '../core/dossier';
import { checkDossier, type CheckedDossier } from './dossier';

type State =
  | { step: 'empty' }
  | { step: 'reading'; count: number }
  | { step: 'checked'; result: CheckedDossier }
  | { step: 'error'; message: string };

const STATUS_LABEL = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skip' } as const;

export function App({ bridge, host }: { bridge: VaultBridge; host: BridgeHost }) {
  const [state, setState] = useState<State>({ step: 'empty' });
  const [version, setVersion] = useState('');
  const [dossier, setDossier] = useState<{ name: string; value: DossierFile } | null>(null);

  useEffect(() => {
    void bridge.appVersion({}).then((r) => setVersion(r.ok ? r.value.version : ''));
  }, [bridge]);

  async function chooseDocuments(): Promise<void> {
    const opened = await bridge.openFiles({ kind: 'documents' });
    if (!opened.ok) return setState({ step: 'error', message: opened.error.message });
    if (opened.value.length === 0) return;
    setState({ step: 'reading', count: opened.value.length });
    try {
      setState({ step: 'checked', result: await checkDossier(opened.value, dossier?.value) });
    } catch (error) {
      setState({ step: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function chooseDossierJson(): Promise<void> {
    const opened = await bridge.openFiles({ kind: 'dossier-json' });
    if (!opened.ok) return setState({ step: 'error', message: opened.error.message });
    const file = opened.value[0];
    if (file === undefined) return;
    try {
      const value = parseDossierFile(new TextDecoder().decode(file.bytes), file.name);
      setDossier({ name: file.name, value });
    } catch (error) {
      if (!(error instanceof DossierFileError)) throw error;
      setState({ step: 'error', message: error.message });
    }
  }

  return (
    <main
      style={{
        fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
        margin: '1.5rem',
        maxWidth: 1000,
      }}
    >
      <h1 style={{ fontSize: '1.4rem' }}>
        Dossier Vault {version && <small style={{ color: '#666' }}>{version}</small>}
      </h1>
      <p role="status" data-testid="offline-status">
        offline: files never leave this computer · 离线：文件不会离开这台电脑
        {host === 'web' && ' (browser preview)'}
      </p>
      <p>
        <button type="button" onClick={() => void chooseDossierJson()}>
          dossier.json…
        </button>{' '}
        {dossier && <span data-testid="dossier-json">{dossier.name}</span>}{' '}
        <button type="button" onClick={() => void chooseDocuments()} data-testid="choose-documents">
          Choose documents… 选择文件
        </button>
      </p>
      {state.step === 'reading' && <p>Reading {state.count} files…</p>}
      {state.step === 'error' && (
        <p role="alert" style={{ color: '#b00020' }}>
          {state.message}
        </p>
      )}
      {state.step === 'checked' && <Results result={state.result} />}
    </main>
  );
}

function Results({ result }: { result: CheckedDossier }) {
  const { documents, run } = result;
  return (
    <section>
      <h2
        data-testid="verdict"
        data-verdict={run.verdict}
        style={{ color: run.verdict === 'ready' ? '#1b5e20' : '#b00020' }}
      >
        {run.verdict === 'ready' ? 'ready · 可以提交' : 'blocked · 不能提交'}
      </h2>
      <h3>Documents</h3>
      <ul data-testid="documents">
        {documents.map((d) => (
          <li key={d.file}>
            {d.file}: {d.kind}
            {d.error && <span style={{ color: '#b00020' }}> — {d.error}</span>}
          </li>
        ))}
      </ul>
      <h3>Checks</h3>
      <table data-testid="checks" style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {run.checks.map((c) => (
            <tr key={c.id} data-check={c.id} data-status={c.status}>
              <td style={{ padding: '2px 8px', fontFamily: 'monospace' }}>{c.id}</td>
              <td
                style={{ padding: '2px 8px', fontWeight: c.status === 'fail' ? 'bold' : 'normal' }}
              >
                {STATUS_LABEL[c.status]}
              </td>
              <td style={{ padding: '2px 8px' }}>
                {c.messageZh}
                <br />
                <small>{c.message}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
