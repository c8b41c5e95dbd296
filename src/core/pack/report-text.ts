// How the report words values for a Chinese reader: dates and times as people write
// them, never the JSON forms (`long-term`, UTC ISO) that the manifest keeps.
import { LONG_TERM } from '../documents';

const pad = (n: number) => String(n).padStart(2, '0');

/** The UTC offset an ISO 8601 time states, in minutes (`Z` is 0); null when it states none. */
export function statedOffsetMinutes(iso: string): number | null {
  if (/Z$/iu.test(iso)) return 0;
  const m = /([+-])(\d{2}):?(\d{2})$/u.exec(iso);
  if (!m || !/T\d/u.test(iso)) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * An instant as the clock read where the pack was made: `2026年11月24日 16:40（UTC+08:00）`.
 * `offsetMinutes` is that place's UTC offset (the one the pack's creation time states).
 * A time that states no offset is shown as written; unparseable text is returned unchanged.
 */
export function localTimeZh(iso: string, offsetMinutes: number): string {
  const written = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/u.exec(iso);
  const ms = Date.parse(iso);
  if (!written || Number.isNaN(ms)) return iso;
  if (statedOffsetMinutes(iso) === null) {
    const time = written[4] === undefined ? '' : ` ${written[4]}:${written[5]}`;
    return `${written[1]}年${written[2]}月${written[3]}日${time}`;
  }
  // Shifted by the offset and read in UTC: that zone's wall clock, whatever the host's.
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}年${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日 ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` +
    `（UTC${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}）`
  );
}

/** A field or check value for the Chinese column: `long-term` is 长期, an ISO date 2036年05月20日. */
export function valueZh(value: string | null): string {
  if (value === null) return '—';
  if (value === LONG_TERM) return '长期';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : value;
}
