import type { ImportJob } from '../../../api/types.ts';

/** Statuses during which the job changes on its own (the UI polls it). */
export const isActive = (status: ImportJob['status']): boolean => status === 'queued' || status === 'running';

/** Whole percent for the progress bar: 100 only once the job finished, never more. */
export function percentOf(job: Pick<ImportJob, 'status' | 'progress'>): number {
  if (job.status === 'completed' || job.status === 'reverted') {
    return 100;
  }
  const p = Math.floor(Math.min(1, Math.max(0, job.progress)) * 100);
  return Math.min(p, 99);
}

/** Rows per second as a short number ("1,234", "12.5", "0.4"); empty while unknown. */
export function formatRate(rowsPerSecond: number | null | undefined, locale: string): string {
  if (rowsPerSecond === null || rowsPerSecond === undefined || !Number.isFinite(rowsPerSecond)) {
    return '';
  }
  const digits = rowsPerSecond >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(rowsPerSecond);
}

/** A duration as "1 hr 2 min", "3 min 5 sec", "42 sec" (localized units); empty while unknown. */
export function formatDuration(seconds: number | null | undefined, locale: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return '';
  }
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h > 0) {
    return m > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
  }
  if (m > 0) {
    return sec > 0 ? `${unit(m, 'minute')} ${unit(sec, 'second')}` : unit(m, 'minute');
  }
  return unit(sec, 'second');
}

/** A file size as "850 KB", "12.3 MB" (binary units, as the server's limit message counts them). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: v < 10 && i > 0 ? 1 : 0,
  }).format(v);
}
