import { describe, expect, it } from 'vitest';
import { dateInTimeZone, isTimeZone } from './county-time.js';

describe('dateInTimeZone', () => {
  it('gives the county date, not the UTC one, late in the UTC evening', () => {
    const lateUtc = new Date('2026-12-04T23:30:00Z');
    expect(lateUtc.toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(dateInTimeZone(lateUtc)).toBe('2026-12-05');
    expect(dateInTimeZone(lateUtc, 'Asia/Shanghai')).toBe('2026-12-05');
    expect(dateInTimeZone(lateUtc, 'UTC')).toBe('2026-12-04');
  });

  it('agrees with a fixed +8 h offset over every hour of a year (China keeps UTC+8 all year)', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 366 * 24; h++) {
      const instant = new Date(start + h * 3_600_000);
      const byOffset = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(dateInTimeZone(instant)).toBe(byOffset);
    }
  });

  it('follows another zone when the county is set to one', () => {
    expect(dateInTimeZone(new Date('2026-12-04T17:30:00Z'), 'Asia/Urumqi')).toBe('2026-12-04');
    expect(dateInTimeZone(new Date('2026-12-04T18:30:00Z'), 'Asia/Urumqi')).toBe('2026-12-05');
  });

  it('knows real zone names only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
