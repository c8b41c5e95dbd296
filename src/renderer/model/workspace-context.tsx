// The unlocked Workspace for every screen below the vault gate. Screens call
// `useWorkspace()`; the shell provides it only while the vault is unlocked, so a screen
// never sees a locked vault's Workspace.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Workspace } from './contract';

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({
  workspace,
  children,
}: {
  workspace: Workspace;
  children: ReactNode;
}) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

/** The Workspace of the unlocked vault; throws when used outside the unlocked shell. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null)
    throw new Error('useWorkspace() was called outside <WorkspaceProvider> (the vault is locked).');
  return workspace;
}

/**
 * A number that changes after every change a Workspace method makes: put it in an
 * effect's dependencies to reload what the screen shows.
 */
export function useWorkspaceVersion(): number {
  const workspace = useWorkspace();
  const [version, setVersion] = useState(0);
  useEffect(() => workspace.subscribe(() => setVersion((v) => v + 1)), [workspace]);
  return version;
}
