// The desktop reminders' Electron side: an OS notification through Electron's
// Notification (no network), a click bringing the window forward. When to show what is
// decided in ./reminder-schedule.ts.
import { Notification, type BrowserWindow } from 'electron';
import { ReminderScheduler } from './reminder-schedule';

export function createReminders(mainWindow: () => BrowserWindow | null): ReminderScheduler {
  return new ReminderScheduler(
    {
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    (notice) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => {
        const window = mainWindow();
        if (window === null) return;
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      });
      notification.show();
    },
  );
}
