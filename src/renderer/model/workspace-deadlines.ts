// Deadlines across every dossier (the unlock banner, the calendar export, the desktop
// reminders) from the check summaries the vault keeps on each dossier, so nothing has to
// read a document. The same items as a dossier's own list (core/deadlines).
import { deadlinesIcs, type CalendarDeadline, type WorkingDayCalendar } from '../../core/deadlines';
import type { DossierSummary } from '../../vault';
import { downloadBytes } from '../bridge/web';
import { summaryDeadlines } from './workspace-view';

/** The deadlines of these dossiers on `day`, nearest first (passed ones first of all). */
export function deadlinesOfDossiers(
  summaries: readonly DossierSummary[],
  day: string,
  calendar: WorkingDayCalendar,
  horizonDays?: number,
): CalendarDeadline[] {
  const entries: CalendarDeadline[] = [];
  for (const summary of summaries) {
    const items = summaryDeadlines(
      summary,
      day,
      calendar,
      horizonDays === undefined ? {} : { horizonDays },
    );
    for (const item of items)
      entries.push({ dossierKey: summary.id, dossierName: summary.company, item });
  }
  return entries.sort((a, b) => a.item.date.localeCompare(b.item.date));
}

/** The ICS file of these deadlines, handed to the browser's download (a save dialog in Electron). */
export function downloadCalendar(
  entries: readonly CalendarDeadline[],
  language: 'zh' | 'en',
  day: string,
): string {
  const fileName = `dossier-vault-deadlines-${day}.ics`;
  const text = deadlinesIcs(entries, { language });
  downloadBytes(new TextEncoder().encode(text), fileName, 'text/calendar;charset=utf-8');
  return fileName;
}
