import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate, isActive, percentOf } from './progress.ts';

describe('import progress', () => {
  it('polls while queued or running only', () => {
    expect(
      ['uploaded', 'queued', 'running', 'completed', 'failed', 'reverted'].filter((s) => isActive(s as never)),
    ).toEqual(['queued', 'running']);
  });

  it('shows 100 % only once the job completed, and never more', () => {
    expect(percentOf({ status: 'running', progress: 0.456 })).toBe(45);
    expect(percentOf({ status: 'running', progress: 1 })).toBe(99);
    expect(percentOf({ status: 'completed', progress: 1 })).toBe(100);
    expect(percentOf({ status: 'failed', progress: 1.7 })).toBe(99);
    expect(percentOf({ status: 'queued', progress: -1 })).toBe(0);
  });

  it('formats the rate with fewer decimals as it grows, empty while unknown', () => {
    expect(formatRate(1234.4, 'en')).toBe('1,234');
    expect(formatRate(12.46, 'en')).toBe('12.5');
    expect(formatRate(null, 'en')).toBe('');
    expect(formatRate(Number.NaN, 'en')).toBe('');
  });

  it('formats the ETA in hours, minutes and seconds in both languages', () => {
    expect(formatDuration(42, 'en')).toBe('42 sec');
    expect(formatDuration(185, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(3720, 'en')).toBe('1 hr 2 min');
    expect(formatDuration(7200, 'en')).toBe('2 hr');
    expect(formatDuration(185, 'zh-CN')).toBe('3分钟 5秒');
    expect(formatDuration(null, 'en')).toBe('');
    expect(formatDuration(-5, 'en')).toBe('');
  });

  it('formats file sizes in binary units', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(200 * 1024 * 1024, 'en')).toBe('200 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
  });
});
