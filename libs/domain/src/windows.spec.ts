import { describe, expect, it } from 'vitest';
import { inWindow, periodWindow, rollingWindow } from './windows.js';

/** The second way: walk back day by day, counting days (4 weeks, 90 days) or calendar months. */
function walkBack(ref: string, days: number): string {
  const d = new Date(`${ref}T00:00:00Z`);
  for (let i = 1; i < days; i += 1) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('one window rule', () => {
  it('ends every window on the reference date and counts 28 and 90 days exactly', () => {
    for (const ref of ['2025-12-31', '2024-03-01', '2024-02-29', '2026-01-01', '2025-07-15']) {
      expect(rollingWindow(ref, '4w')).toEqual({ first: walkBack(ref, 28), last: ref });
      expect(rollingWindow(ref, '90d')).toEqual({ first: walkBack(ref, 90), last: ref });
    }
  });

  it('takes 12 calendar months: the day after the same date a year earlier, leap years included', () => {
    expect(rollingWindow('2025-12-31', '12m')).toEqual({ first: '2025-01-01', last: '2025-12-31' });
    expect(rollingWindow('2024-12-31', '12m')).toEqual({ first: '2024-01-01', last: '2024-12-31' });
    expect(rollingWindow('2024-02-29', '12m')).toEqual({ first: '2023-03-01', last: '2024-02-29' });
    expect(rollingWindow('2025-03-01', '12m')).toEqual({ first: '2024-03-02', last: '2025-03-01' });
    expect(rollingWindow('2026-01-15', '12m')).toEqual({ first: '2025-01-16', last: '2026-01-15' });
  });

  it('counts both ends and nothing outside, for every window', () => {
    const ref = '2025-12-31';
    for (const w of ['12m', '4w', '90d'] as const) {
      const window = rollingWindow(ref, w);
      expect(inWindow(window.first, window)).toBe(true);
      expect(inWindow(window.last, window)).toBe(true);
      expect(inWindow(walkBack(window.first, 2), window)).toBe(false);
      expect(inWindow('2026-01-01', window)).toBe(false);
    }
    expect(periodWindow(2025, ref)).toEqual({ first: '2025-01-01', last: ref });
  });
});
