import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.js';

describe('dates', () => {
  it('shows a birth date in the reader’s language without shifting the day', () => {
    expect(formatDate('zh-CN', '1958-03-21')).toBe('1958年3月21日');
    expect(formatDate('en', '1958-03-21')).toBe('March 21, 1958');
  });

  it('shows a timestamp in China Standard Time', () => {
    expect(formatDateTime('zh-CN', '2025-01-01T16:30:00Z')).toContain('2025年1月2日');
  });
});
