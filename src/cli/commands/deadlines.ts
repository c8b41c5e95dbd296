// `dossier deadlines DIR... [--today YYYY-MM-DD] [--json] [--ics FILE] [--holidays FILE]`:
// every deadline of the given dossier folders (spec §4), nearest first, one line each:
// the platform and bank deadlines of the changes recorded in dossier.json, and the ID
// card and license expiry read from the documents. Exit 1 when one has passed.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { effectiveFields, fieldOf } from '../../core/checks';
import { localIsoDate } from '../../core/dates';
import {
  bundledWorkingDayCalendar,
  deadlinesIcs,
  dossierDeadlines,
  isChangeDeadline,
  type CalendarDeadline,
  type WorkingDayCalendar,
} from '../../core/deadlines';
import { parseCommandArgs, parseToday, progressPrinter } from '../args';
import { EXIT, UsageError, type CliIo } from '../io';
import { DossierDirError, loadDossierDir } from '../load-dossier';

interface FolderDeadline extends CalendarDeadline {
  dir: string;
}

export async function deadlinesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    ics: { type: 'string' },
    holidays: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('deadlines takes one or more dossier folders.');
  const today = parseToday(values.today) ?? localIsoDate();
  const calendar = await loadCalendar(values.holidays);
  const progress = progressPrinter(io.stderr, io.isTTY);

  const all: FolderDeadline[] = [];
  const failed: { dir: string; error: string }[] = [];
  for (const dir of positionals) {
    try {
      const loaded = await loadDossierDir(dir, {
        today,
        onProgress: (m) => progress.update(`${dir}: ${m}`),
        onNotice: (m) => progress.notice(m),
      });
      const { byKind } = effectiveFields(loaded.input);
      const license = byKind['business-license'];
      const changes = (loaded.dossier.changes ?? []).map((c) => ({
        ...c,
        // dossier.json changes have no id: the kind and date name one for stable UIDs.
        id: `${c.kind}.${c.occurredOn}`,
      }));
      const items = dossierDeadlines(
        {
          idCardValidUntil: fieldOf(byKind['id-card-back'], 'validUntil'),
          licenseValidUntil: fieldOf(license, 'validUntil'),
          changes,
        },
        today,
        calendar,
        loaded.rulePack,
      );
      const dossierName = fieldOf(license, 'companyName') ?? basename(dir);
      const dossierKey = fieldOf(license, 'creditCode') ?? basename(dir);
      for (const item of items) all.push({ dir, dossierKey, dossierName, item });
    } catch (error) {
      if (!(error instanceof DossierDirError)) throw error;
      failed.push({ dir, error: error.message });
    } finally {
      progress.done();
    }
  }
  all.sort((a, b) => a.item.date.localeCompare(b.item.date) || a.dir.localeCompare(b.dir));

  if (values.ics !== undefined) {
    await writeFile(values.ics, deadlinesIcs(all, { language: 'en' }));
    io.stderr(`${all.length} deadline${all.length === 1 ? '' : 's'} written to ${values.ics}\n`);
  }
  if (values.json) {
    const out = {
      today,
      coveredYears: calendar.coveredYears,
      deadlines: all.map(({ dir, dossierName, item }) => ({ dir, dossier: dossierName, ...item })),
      errors: failed,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(formatLines(all, today));
  }
  for (const f of failed) io.stderr(`dossier deadlines: ${f.error}\n`);
  if (failed.length > 0) return EXIT.usage;
  return all.some(({ item }) => item.daysLeft < 0) ? EXIT.blocked : EXIT.ok;
}

/** The bundled calendar, plus the years of --holidays FILE; a bad file is a usage error. */
async function loadCalendar(file: string | undefined): Promise<WorkingDayCalendar> {
  const bundled = bundledWorkingDayCalendar();
  if (file === undefined) return bundled;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--holidays: the file ${file} cannot be read.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`--holidays: ${file} is not valid JSON.`);
  }
  try {
    return bundled.withSchedule(raw);
  } catch (error) {
    throw new UsageError(`--holidays: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function formatLines(all: readonly FolderDeadline[], today: string): string {
  if (all.length === 0) return `No deadlines on ${today}.\n`;
  const lines: string[] = [];
  for (const { dir, item } of all) {
    const left = isChangeDeadline(item)
      ? item.workingDaysLeft < 0 || item.daysLeft < 0
        ? 'OVERDUE'
        : `${item.workingDaysLeft} working day${item.workingDaysLeft === 1 ? '' : 's'}`
      : item.daysLeft < 0
        ? 'EXPIRED'
        : `${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'}`;
    lines.push(`${item.date}  ${left.padEnd(16)} ${dir}: ${item.message.en}`);
    if (item.warning) lines.push(`            ! ${item.warning.en}`);
  }
  return `${lines.join('\n')}\n`;
}
