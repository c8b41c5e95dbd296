// Keeps the Electron main process's desktop reminders up to date (opt-in, Settings): after
// each unlock and each change, the deadlines of every dossier go to main, which shows an
// OS notification for those within 2 working days. In a browser there is nothing to send.
import { useEffect } from 'react';
import { deadlineTitle, deadlineUid } from '../../core/deadlines';
import type { BridgeHost, VaultBridge } from '../../shared/bridge';
import type { RemindersRequest } from '../../shared/ipc';
import type { Workspace } from '../model/contract';

/** What main is told: the deadlines as titles and dates, and the loaded holiday schedules. */
export async function remindersRequest(workspace: Workspace): Promise<RemindersRequest> {
  const settings = await workspace.settings();
  if (!settings.desktopReminders)
    return { enabled: false, language: settings.language, reminders: [], schedules: null };
  const [entries, schedules] = await Promise.all([
    workspace.upcomingDeadlines(),
    workspace.vault.listHolidaySchedules(),
  ]);
  return {
    enabled: true,
    language: settings.language,
    reminders: entries.map((entry) => ({
      key: deadlineUid(entry),
      date: entry.item.date,
      title: deadlineTitle(entry, settings.language),
    })),
    schedules:
      schedules.length === 0
        ? null
        : Object.fromEntries(schedules.map((r) => [r.year, r.schedule])),
  };
}

export function useDesktopReminders(
  workspace: Workspace | null,
  bridge: VaultBridge,
  host: BridgeHost,
): void {
  useEffect(() => {
    if (workspace === null || host !== 'electron') return;
    let live = true;
    const send = (): void => {
      remindersRequest(workspace)
        .then((request) => (live ? bridge.setReminders(request) : null))
        // A reminder that cannot be set must not disturb the work: the list shows the same.
        .catch(() => undefined);
    };
    send();
    const off = workspace.subscribe(send);
    return () => {
      live = false;
      off();
    };
  }, [workspace, bridge, host]);
}
