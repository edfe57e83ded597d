import { describe, expect, it } from 'vitest';
import { ageOn } from './people.js';
import { isTownshipCode, isVillageCode, townshipOf } from './division-code.js';

describe('ageOn', () => {
  it('counts a birthday only once it has been reached', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('division codes', () => {
  it('tells townships from villages and finds a village’s township', () => {
    expect(isTownshipCode('330782101000')).toBe(true);
    expect(isTownshipCode('330782000000')).toBe(false);
    expect(isVillageCode('330782101203')).toBe(true);
    expect(isVillageCode('330782101000')).toBe(false);
    expect(townshipOf('330782101203')).toBe('330782101000');
  });
});
