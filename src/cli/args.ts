// Argument parsing shared by the sub-commands (node:util parseArgs, strict).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';
import { printable } from './format';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a --today value: a real calendar date, ISO. */
export function parseToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !ISO_DATE.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${value}".`);
  }
  return value;
}

/** Progress lines on standard error: redrawn in place on a terminal, one per line otherwise. */
export function progressPrinter(stderr: (s: string) => void, isTTY: boolean) {
  let open = false;
  return {
    update(message: string) {
      // Progress names files: escaped like every value from a file.
      if (isTTY) {
        stderr(`\r\x1b[K${printable(message)}`);
        open = true;
      } else {
        stderr(`${printable(message)}\n`);
      }
    },
    done() {
      if (open) stderr('\r\x1b[K');
      open = false;
    },
    /** A line that stays (not redrawn over): the progress line, if any, goes on after it. */
    notice(message: string) {
      stderr(`${open ? '\r\x1b[K' : ''}${printable(message)}\n`);
      open = false;
    },
  };
}
