import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './passwords.js';

describe('common passwords', () => {
  it('refuses the most used ones whatever the case, and accepts others', () => {
    expect(isCommonPassword('woaini1314')).toBe(true);
    expect(isCommonPassword('Password123')).toBe(true);
    expect(isCommonPassword('Zhang123456')).toBe(true);
    expect(isCommonPassword('Learn2026ok')).toBe(false);
    expect(isCommonPassword('Demo2026!')).toBe(false);
  });
});
