import { describe, expect, it } from 'vitest';
import { durationMessage, readMovedSort } from './data-quality.js';

describe('data-quality wording', () => {
  it('words a duration at a readable grain, and a negative one as recorded first', () => {
    expect(durationMessage(58)).toEqual({ key: 'quality.duration.seconds', params: { n: 58 } });
    expect(durationMessage(119.6)).toEqual({ key: 'quality.duration.seconds', params: { n: 120 } });
    expect(durationMessage(120)).toEqual({ key: 'quality.duration.minutes', params: { n: 2 } });
    expect(durationMessage(3.5 * 3600)).toEqual({ key: 'quality.duration.hours', params: { n: 3.5 } });
    expect(durationMessage(3 * 86400)).toEqual({ key: 'quality.duration.days', params: { n: 3 } });
    expect(durationMessage(-5)).toEqual({ key: 'quality.duration.negative' });
  });

  it('sorts by relative change unless absolute is asked for', () => {
    expect(readMovedSort(null)).toBe('relative');
    expect(readMovedSort('absolute')).toBe('absolute');
    expect(readMovedSort('nonsense')).toBe('relative');
  });
});
