import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatShortDate, formatWeekday } from './format.js';

describe('dates', () => {
  it('shows a birth date in the reader’s language without shifting the day', () => {
    expect(formatDate('zh-CN', '1958-03-21')).toBe('1958年3月21日');
    expect(formatDate('en', '1958-03-21')).toBe('March 21, 1958');
  });

  it('shows a timestamp in China Standard Time', () => {
    expect(formatDateTime('zh-CN', '2025-01-01T16:30:00Z')).toContain('2025年1月2日');
  });
});

describe('days of a week', () => {
  it('shows a day without its year, and with its weekday, in the reader’s language', () => {
    expect(formatShortDate('zh-CN', '2026-11-16')).toBe('11月16日');
    expect(formatShortDate('en', '2026-11-16')).toBe('Nov 16');
    expect(formatWeekday('zh-CN', '2026-11-16')).toBe('11月16日星期一');
    expect(formatWeekday('en', '2026-11-16')).toBe('Monday, November 16');
  });
});
