// `dossier deadlines` on real dossier folders (the example PDFs plus a dossier.json with
// recorded changes): one line per deadline nearest first, exit codes, --json, --holidays
// and an ICS file read back by two maintained parsers (ical.js and node-ical).
import {
  copyFileSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli';

const TODAY = '2026-12-02';
const SAMPLE = join(REPO_ROOT, 'docs', 'holidays-2027.sample.json');
let root: string;
let late: string;
let due: string;

/** A copy of examples/ready with these changes recorded in its dossier.json. */
function dossierWithChanges(name: string, changes: unknown[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const ready = join(REPO_ROOT, 'examples', 'ready');
  for (const f of readdirSync(ready).filter((f) => f.endsWith('.pdf')))
    copyFileSync(join(ready, f), join(dir, f));
  const dossier = JSON.parse(readFileSync(join(ready, 'dossier.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(join(dir, 'dossier.json'), JSON.stringify({ ...dossier, changes }));
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dossier-deadlines-'));
  // An address change on Monday 28 December: the platform deadline is in 2026, the
  // unlinking day and the bank deadline fall in 2027, which the bundled data lacks.
  due = dossierWithChanges('due', [{ kind: 'address', occurredOn: '2026-12-28' }]);
  // A representative change two weeks ago, filed with the platform, the bank never told.
  late = dossierWithChanges('late', [
    { kind: 'legal-representative', occurredOn: '2026-11-16', filedOn: '2026-11-17' },
  ]);
});

describe('dossier deadlines', { timeout: 120_000 }, () => {
  it('prints one line per deadline, nearest first, flags 2027 and exits 0 when nothing has passed', async () => {
    const run = await runCli(['deadlines', due, '--today', TODAY]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith(' '))).toEqual([
      `2026-12-31  21 working days  ${due}: The license address change must be filed within 21 working days (by 2026-12-31); otherwise on 2027-01-01 the platform unlinks all accounts and freezes withdrawals.`,
      `2027-01-04  23 working days  ${due}: The license address change must be reported to the bank within 23 working days (by 2027-01-04, People's Bank settlement-account rules).`,
    ]);
    expect(
      lines.filter((l) => l.includes('Computed without the official holiday schedule for 2027')),
    ).toHaveLength(2);
  });

  it('with --holidays the loaded 2027 schedule moves the dates and removes the flag', async () => {
    const run = await runCli(['deadlines', due, '--today', TODAY, '--holidays', SAMPLE, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      coveredYears: number[];
      deadlines: {
        kind: string;
        date: string;
        warning: unknown;
        uncovered: number[];
        unlinkOn?: string;
        dossier: string;
      }[];
    };
    expect(out.coveredYears.at(-1)).toBe(2027);
    expect(
      out.deadlines.map((d) => [d.kind, d.date, d.unlinkOn ?? null, d.warning, d.uncovered]),
    ).toEqual([
      ['change-filing', '2026-12-31', '2027-01-04', null, []],
      ['bank-notification', '2027-01-05', null, null, []],
    ]);
    expect(out.deadlines[0]?.dossier).toMatch(/有限公司/);
  });

  it('exits 1 when a deadline has passed, sorting it first across folders', async () => {
    const run = await runCli(['deadlines', due, late, '--today', TODAY, '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      deadlines: { dir: string; kind: string; level: string; date: string }[];
    };
    expect(
      out.deadlines.map((d) => [d.dir === late ? 'late' : 'due', d.kind, d.level, d.date]),
    ).toEqual([
      ['late', 'bank-notification', 'overdue', '2026-11-23'],
      ['due', 'change-filing', 'due', '2026-12-31'],
      ['due', 'bank-notification', 'due', '2027-01-04'],
    ]);
  });

  it('refuses a bad schedule or a missing folder in one sentence, exit 2', async () => {
    const bad = join(root, 'bad-schedule.json');
    writeFileSync(
      bad,
      JSON.stringify({ '2027': { holidays: ['2027-01-01'], workingDays: ['2027-01-04'] } }),
    );
    const run = await runCli(['deadlines', due, '--holidays', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'dossier deadlines: --holidays: The holiday schedule was refused: 2027-01-04 is listed as an adjusted working day but is already a weekday.',
    );
    const missing = await runCli(['deadlines', join(root, 'nope'), due, '--today', TODAY]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('2026-12-31');
    expect(missing.stderr).toContain(`The folder ${join(root, 'nope')} does not exist.`);
  });

  it('writes an ICS file that ical.js and node-ical read back, with stable UIDs and two alarms per deadline', async () => {
    const first = join(root, 'first.ics');
    const second = join(root, 'second.ics');
    expect((await runCli(['deadlines', due, late, '--today', TODAY, '--ics', first])).code).toBe(1);
    expect(
      (await runCli(['deadlines', due, late, '--today', '2026-12-03', '--ics', second])).code,
    ).toBe(1);
    const text = readFileSync(first, 'utf8');

    // ical.js: RFC 5545 structure, all-day dates, alarms the day before and on the day.
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((c) => {
      const event = new ICAL.Event(c);
      const triggers = c
        .getAllSubcomponents('valarm')
        .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
      return {
        uid: event.uid,
        start: event.startDate.toString(),
        allDay: event.startDate.isDate,
        summary: event.summary,
        triggers,
      };
    });
    expect(events.map((e) => [e.start, e.allDay, e.triggers])).toEqual([
      ['2026-11-23', true, [-15 * 3600, 9 * 3600]],
      ['2026-12-31', true, [-15 * 3600, 9 * 3600]],
      ['2027-01-04', true, [-15 * 3600, 9 * 3600]],
    ]);
    expect(events[0]?.summary).toMatch(/^Tell the bank of the change: 杭州.*公司/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);

    // node-ical, a second parser, imports the same events under the same UIDs; the next
    // day's export keeps every UID, so a calendar updates the events instead of adding.
    const vevents = (ics: string): VEvent[] =>
      Object.values(nodeIcal.sync.parseICS(ics)).filter(
        (c): c is VEvent => c !== undefined && c.type === 'VEVENT',
      );
    const imported = vevents(text);
    const uids = (list: VEvent[]) => list.map((e) => e.uid).sort();
    expect(uids(imported)).toEqual(events.map((e) => e.uid).sort());
    expect(uids(vevents(readFileSync(second, 'utf8')))).toEqual(uids(imported));
    const bank = imported.find((e) => e.uid === events[0]?.uid);
    expect(bank?.start.dateOnly).toBe(true);
    // node-ical types a trigger as text, but gives { params, val } when it has parameters.
    expect(bank?.alarms?.map((a) => JSON.stringify(a.trigger))).toEqual([
      JSON.stringify({ params: { RELATED: 'START' }, val: '-PT15H' }),
      JSON.stringify({ params: { RELATED: 'START' }, val: 'PT9H' }),
    ]);
  });
});
