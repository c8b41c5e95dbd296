// The app's state machine: open the vault, show the gate while it is locked, and once it
// is unlocked the Workspace with simple state-based routing (list → dossier, settings).
// Locking (button, Ctrl+L, idle, hidden window) drops the Workspace and returns to the gate.
import { App, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeHost, VaultBridge } from '../../shared/bridge';
import { I18nProvider, translator, type Language } from '../i18n';
import type { Workspace } from '../model/contract';
import { openHostedVault, type HostedVault } from '../engine/client';
import { createWorkspace } from '../model/workspace';
import { WorkspaceProvider } from '../model/workspace-context';
import { DossiersScreen } from '../screens/dossiers/DossiersScreen';
import { VaultScreen, type LockReason, type OpenedHow } from '../screens/vault/VaultScreen';
import { AppFrame, type NavTarget } from './AppFrame';
import { DeadlineBanner } from './DeadlineBanner';
import { useDesktopReminders } from './desktop-reminders';
import { ErrorBoundary } from './ErrorBoundary';
import { errorSentence } from './errors';
import { ToastScope } from './toasts';
import { createUnsavedRegistry, UnsavedProvider, useLeaveGuard } from './unsaved';
import { createLazyBrowserReader } from '../model/lazy-reader';
import { APP_VAULT_NAME } from '../model/vault-name';

/** The IndexedDB database of the app's vault. */
/** At most one vault.touch() per this many ms of input. */
const TOUCH_THROTTLE_MS = 2000;

const DossierScreen = lazy(() =>
  import('../screens/dossier').then((m) => ({ default: m.DossierScreen })),
);
const SettingsScreen = lazy(() => import('../screens/settings/SettingsScreen'));

type Session =
  | { phase: 'opening' }
  | { phase: 'failed'; message: string }
  | { phase: 'locked'; vault: HostedVault; created: boolean; notice: LockReason | null }
  | { phase: 'open'; vault: HostedVault; workspace: Workspace };

export type Route = { name: 'list' } | { name: 'dossier'; id: string } | { name: 'settings' };

export function Shell({
  bridge,
  host,
  language,
  onLanguage,
}: {
  bridge: VaultBridge;
  host: BridgeHost;
  language: Language;
  /** Shows the interface in `language` (and remembers it for the next start). */
  onLanguage: (language: Language) => void;
}) {
  const { message } = App.useApp();
  const [session, setSession] = useState<Session>({ phase: 'opening' });
  const [route, setRoute] = useState<Route>({ name: 'list' });
  // Counts the person's own navigations (header, back, lock): each closes the success
  // toasts of the screen left. Opening a new dossier right after creating it is not one.
  const [navigations, setNavigations] = useState(0);
  const navigated = (): void => setNavigations((n) => n + 1);
  const workspaceRef = useRef<Workspace | null>(null);
  // Counts the unlocks: each shows the deadline banner again.
  const [unlocks, setUnlocks] = useState(0);
  const unsaved = useRef(createUnsavedRegistry()).current;
  const t = translator(language);
  // The vault's background problems are worded in the language shown when they arrive.
  const languageRef = useRef(language);
  useEffect(() => {
    languageRef.current = language;
  }, [language]);
  const guardLeave = useLeaveGuard({ registry: unsaved, t });

  // Open the vault once; bind its hidden-window lock and forward its lock events.
  useEffect(() => {
    let cancelled = false;
    let vault: HostedVault | null = null;
    const unbind: (() => void)[] = [];
    void (async () => {
      try {
        // The vault lives in its own worker: decrypting, writing and the checks never
        // take this thread (src/renderer/engine).
        vault = await openHostedVault(APP_VAULT_NAME);
        const created = await vault.isCreated();
        if (cancelled) return vault.close();
        const opened = vault;
        unbind.push(opened.bindVisibility(document));
        unbind.push(
          opened.onLock((reason) => {
            const reader = workspaceRef.current?.reader;
            workspaceRef.current = null;
            void reader?.dispose().catch(() => undefined);
            setSession({ phase: 'locked', vault: opened, created: true, notice: reason });
          }),
        );
        // A failure of the vault's background work (a purge, …) is said, not dropped.
        unbind.push(
          opened.onProblem(
            (problem) =>
              void message.error(errorSentence(problem, translator(languageRef.current)), 10),
          ),
        );
        setSession({ phase: 'locked', vault: opened, created, notice: null });
      } catch (error) {
        if (!cancelled)
          setSession({ phase: 'failed', message: errorSentence(error, translator(language)) });
      }
    })();
    return () => {
      cancelled = true;
      for (const off of unbind) off();
      vault?.close();
    };
    // The vault is opened once per mount; the language at that moment only words an error.
  }, []);

  const vault = session.phase === 'open' || session.phase === 'locked' ? session.vault : null;
  useDesktopReminders(session.phase === 'open' ? session.workspace : null, bridge, host);
  const unlocked = session.phase === 'open';

  // Activity keeps the vault open; Ctrl+L (⌘L) locks it.
  useEffect(() => {
    if (!vault || !unlocked) return;
    let last = 0;
    const activity = (): void => {
      const now = Date.now();
      if (now - last < TOUCH_THROTTLE_MS) return;
      last = now;
      vault.touch();
    };
    const keydown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        vault.lock('manual');
        return;
      }
      activity();
    };
    const events = ['pointerdown', 'wheel', 'input'] as const;
    for (const name of events) window.addEventListener(name, activity, { passive: true });
    window.addEventListener('keydown', keydown);
    return () => {
      for (const name of events) window.removeEventListener(name, activity);
      window.removeEventListener('keydown', keydown);
    };
  }, [vault, unlocked]);

  const opened = useCallback(
    async (how: OpenedHow, openedVault: HostedVault): Promise<void> => {
      try {
        const settings = await openedVault.settings();
        if (how === 'created') {
          // A new vault starts in the language the person chose on the gate.
          if (settings.language !== language) await openedVault.updateSettings({ language });
        } else if (settings.language !== language) {
          onLanguage(settings.language);
        }
        const previous = workspaceRef.current;
        if (previous) void previous.reader.dispose().catch(() => undefined);
        const workspace = createWorkspace(openedVault, {
          bridge,
          host,
          reader: createLazyBrowserReader(settings.ocrEngine),
          engine: openedVault,
        });
        workspaceRef.current = workspace;
        // The OCR models load now, in the reader's workers, while the person opens a
        // dossier and picks files: the first scan then does not wait for them.
        void workspace.reader.prepare();
        if (how !== 'unlocked') setRoute({ name: 'list' });
        setUnlocks((n) => n + 1);
        setSession({ phase: 'open', vault: openedVault, workspace });
      } catch (error) {
        void message.error(errorSentence(error, t));
      }
    },
    [bridge, host, language, onLanguage, message, t],
  );

  const changeLanguage = useCallback(
    (next: Language) => {
      onLanguage(next);
      const workspace = workspaceRef.current;
      if (workspace)
        workspace
          .updateSettings({ language: next })
          .catch((error: unknown) => void message.error(errorSentence(error, translator(next))));
    },
    [onLanguage, message],
  );

  let content;
  if (session.phase === 'opening') {
    content = (
      <div className="dv-center">
        <Spin size="large" />
      </div>
    );
  } else if (session.phase === 'failed') {
    content = (
      <Result
        status="error"
        title={t('shell.error.openTitle')}
        subTitle={t('shell.error.open', { detail: session.message })}
      />
    );
  } else if (session.phase === 'locked') {
    content = (
      <VaultScreen
        key={session.created ? 'unlock' : 'create'}
        vault={session.vault}
        created={session.created}
        notice={session.notice}
        onOpened={(how) => void opened(how, session.vault)}
      />
    );
  } else {
    const fallback = (
      <div className="dv-center">
        <Spin size="large" />
      </div>
    );
    content = (
      <WorkspaceProvider workspace={session.workspace}>
        <DeadlineBanner
          // A new banner for each unlock: what falls due is read again then.
          key={unlocks}
          workspace={session.workspace}
          onOpen={(id) => guardLeave(() => setRoute({ name: 'dossier', id }))}
        />
        <UnsavedProvider registry={unsaved}>
          <ErrorBoundary
            key={route.name === 'dossier' ? route.id : route.name}
            onReset={() => setRoute({ name: 'list' })}
          >
            <Suspense fallback={fallback}>
              {route.name === 'list' && (
                <DossiersScreen onOpen={(id) => setRoute({ name: 'dossier', id })} />
              )}
              {route.name === 'dossier' && (
                <div data-testid="screen-dossier" className="dv-screen">
                  <DossierScreen
                    dossierId={route.id}
                    onBack={() =>
                      guardLeave(() => {
                        navigated();
                        setRoute({ name: 'list' });
                      })
                    }
                  />
                </div>
              )}
              {route.name === 'settings' && (
                <SettingsScreen onRestored={() => void opened('restored', session.vault)} />
              )}
            </Suspense>
          </ErrorBoundary>
        </UnsavedProvider>
      </WorkspaceProvider>
    );
  }

  const navigate = (target: NavTarget): void =>
    guardLeave(() => {
      navigated();
      setRoute(target === 'list' ? { name: 'list' } : { name: 'settings' });
    });
  return (
    <I18nProvider language={language} setLanguage={changeLanguage}>
      <AppFrame
        host={host}
        unlocked={unlocked}
        active={unlocked && route.name !== 'dossier' ? route.name : null}
        onNavigate={navigate}
        onLock={() => {
          navigated();
          vault?.lock('manual');
        }}
      >
        <ToastScope navigation={navigations}>{content}</ToastScope>
      </AppFrame>
    </I18nProvider>
  );
}
