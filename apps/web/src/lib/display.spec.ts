import { describe, expect, it } from 'vitest';
import { displayModeFrom, isDisplayMode, otherDisplayMode } from './display.js';

describe('display mode', () => {
  it('reads elder mode from the cookie', () => {
    expect(displayModeFrom('elder')).toBe('elder');
  });

  it.each([undefined, '', 'ELDER', 'large'])('falls back to the standard view for %j', (cookie) => {
    expect(displayModeFrom(cookie)).toBe('standard');
  });

  it('accepts only the two known modes', () => {
    expect(isDisplayMode('standard')).toBe(true);
    expect(isDisplayMode('elder')).toBe(true);
    expect(isDisplayMode(1)).toBe(false);
  });

  it('offers the other mode in the switch', () => {
    expect(otherDisplayMode('standard')).toBe('elder');
    expect(otherDisplayMode('elder')).toBe('standard');
  });
});
