import { describe, expect, it } from 'vitest';
import { formatSessionTime, fromShanghaiLocalInput, shanghaiDate, toShanghaiLocalInput } from './datetime.js';

describe('datetime-local values read in Asia/Shanghai', () => {
  it('turns a wall-clock time into an instant at +08:00', () => {
    expect(fromShanghaiLocalInput('2026-03-01T09:30')).toBe('2026-03-01T09:30:00+08:00');
    expect(new Date(fromShanghaiLocalInput('2026-03-01T07:00') ?? '').toISOString()).toBe(
      '2026-02-28T23:00:00.000Z',
    );
  });

  it('refuses text that is not a datetime-local value or not a real date', () => {
    for (const value of ['', '2026-03-01', '2026-02-30T09:00', '2026-03-01T25:00', '09:00 2026-03-01']) {
      expect(fromShanghaiLocalInput(value), value).toBeNull();
    }
  });

  it('shows an instant on a Shanghai clock', () => {
    expect(toShanghaiLocalInput('2026-02-28T23:00:00.000Z')).toBe('2026-03-01T07:00');
    expect(toShanghaiLocalInput('2026-03-01T09:30:00+08:00')).toBe('2026-03-01T09:30');
    expect(toShanghaiLocalInput(null)).toBe('');
    expect(toShanghaiLocalInput('soon')).toBe('');
    expect(shanghaiDate('2026-02-28T17:00:00Z')).toBe('2026-03-01');
  });

  it('round-trips', () => {
    const iso = fromShanghaiLocalInput('2026-12-31T23:59') ?? '';
    expect(toShanghaiLocalInput(iso)).toBe('2026-12-31T23:59');
  });
});

describe('formatSessionTime', () => {
  it('names the day once when a session starts and ends on the same day', () => {
    expect(formatSessionTime('en', '2026-03-01T01:30:00Z', '2026-03-01T03:00:00Z')).toBe(
      'Sunday, March 1, 2026 09:30–11:00',
    );
    expect(formatSessionTime('zh-CN', '2026-03-01T01:30:00Z', '2026-03-01T03:00:00Z')).toBe(
      '2026年3月1日星期日 09:30–11:00',
    );
  });

  it('gives both ends in full when a session spans days', () => {
    expect(formatSessionTime('en', '2026-03-01T01:30:00Z', '2026-03-02T03:00:00Z')).toContain('–');
    expect(formatSessionTime('en', '2026-03-01T01:30:00Z', '2026-03-02T03:00:00Z')).toContain('March 2');
  });
});
