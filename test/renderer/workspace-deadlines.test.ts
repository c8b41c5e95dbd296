// Deadlines across every dossier, as the unlock banner, the calendar export and the desktop
// reminders read them: from the check summaries of a real vault (fake-indexeddb), with the
// holiday schedules loaded in Settings laid over the bundled data.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { deadlinesIcs, dueWithinDays } from '../../src/core/deadlines';
import { webBridge } from '../../src/renderer/bridge/web';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { sortRows } from '../../src/renderer/screens/dossiers/sort';
import { REPO_ROOT } from '../cli/run-cli';
import { newVault } from '../vault/helpers';

async function workspace(label: string, today: string) {
  const vault = await newVault(label);
  return createWorkspace(vault, {
    bridge: webBridge,
    host: 'web',
    reader: { setEngine: () => undefined } as never,
    today: () => today,
  });
}

describe('upcoming deadlines across dossiers', () => {
  it('lists every dossier’s platform and bank deadlines nearest first; the 7-day banner keeps the near ones', async () => {
    const ws = await workspace('deadlines-across', '2026-11-24');
    const a = await ws.createDossier('青梧屿贸易');
    const b = await ws.createDossier('南岭电子');
    await ws.recordChange(a, { kind: 'address', occurredOn: '2026-11-23' });
    await ws.recordChange(b, { kind: 'legal-representative', occurredOn: '2026-11-10' });
    // The summary the list reads is written when a dossier is loaded.
    await ws.loadDossier(a);
    await ws.loadDossier(b);
    const all = await ws.upcomingDeadlines();
    expect(all.map((e) => [e.dossierName, e.item.kind, e.item.date])).toEqual([
      ['南岭电子', 'change-filing', '2026-11-13'],
      ['南岭电子', 'bank-notification', '2026-11-17'],
      ['青梧屿贸易', 'change-filing', '2026-11-26'],
      ['青梧屿贸易', 'bank-notification', '2026-11-30'],
    ]);
    // The list sorts by the nearest deadline of any kind: a change filed with the platform
    // but not yet reported to the bank (due Monday 9 November) comes first; a dossier
    // without any deadline last.
    const c = await ws.createDossier('东川物流');
    await ws.recordChange(c, { kind: 'legal-representative', occurredOn: '2026-11-02' });
    const change = (await ws.loadDossier(c)).changes[0]!;
    await ws.markChangeFiled(change.id, '2026-11-03');
    await ws.loadDossier(c);
    await ws.createDossier('西湾商贸');
    const rows = sortRows(await ws.listRows(), 'deadline');
    expect(rows.map((r) => [r.summary.company, r.nearest?.kind ?? null, r.nearest?.date])).toEqual([
      ['东川物流', 'bank-notification', '2026-11-09'],
      ['南岭电子', 'change-filing', '2026-11-13'],
      ['青梧屿贸易', 'change-filing', '2026-11-26'],
      ['西湾商贸', null, undefined],
    ]);
    // Passed ones stay in the banner (they need action most); 30 November is 6 days away.
    expect(dueWithinDays(all, 7).length).toBe(4);
    expect(dueWithinDays(all, 2).map((e) => e.item.date)).toEqual([
      '2026-11-13',
      '2026-11-17',
      '2026-11-26',
    ]);
    // Telling the bank ends the bank deadline: 东川物流 then has none left.
    await ws.markBankNotified(change.id, '2026-11-05');
    const after = sortRows(await ws.listRows(), 'deadline');
    expect(after.map((r) => [r.summary.company, r.nearest?.kind ?? null])).toContainEqual([
      '东川物流',
      null,
    ]);
    const upcoming = await ws.upcomingDeadlines();
    expect(upcoming.filter((e) => e.dossierName === '东川物流').map((e) => e.item.kind)).toEqual(
      [],
    );
  });

  it('flags a deadline in 2027 until that year’s schedule is loaded, and the ICS then carries the new dates', async () => {
    const ws = await workspace('deadlines-2027', '2026-12-28');
    const id = await ws.createDossier('青梧屿贸易');
    await ws.recordChange(id, { kind: 'address', occurredOn: '2026-12-28' });
    await ws.loadDossier(id);
    const before = await ws.upcomingDeadlines();
    const bankBefore = before.find((e) => e.item.kind === 'bank-notification')!;
    expect(bankBefore.item.warning?.en).toContain('2027');
    // Monday to Friday assumed: 29, 30, 31 December, Friday 1 and Monday 4 January.
    expect(bankBefore.item.date).toBe('2027-01-04');

    const sample = JSON.parse(
      readFileSync(join(REPO_ROOT, 'docs/holidays-2027.sample.json'), 'utf8'),
    ) as unknown;
    await ws.vault.loadHolidaySchedule(sample, 'holidays-2027.sample.json');
    const after = await ws.upcomingDeadlines();
    expect(after.every((e) => e.item.warning === null)).toBe(true);
    const bankAfter = after.find((e) => e.item.kind === 'bank-notification')!;
    // The sample's 1–3 January are days off: the fifth working day is Tuesday 5 January.
    expect(bankAfter.item.date).toBe('2027-01-05');

    const ics = ICAL.Component.fromString(deadlinesIcs(after, { language: 'en' }));
    const events = ics.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual(
      after.map((e) => e.item.date).sort(),
    );
  });
});
