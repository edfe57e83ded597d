import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-redirect.js';

describe('safeNextPath', () => {
  it('keeps a relative path with its query', () => {
    expect(safeNextPath('/profile?tab=edit')).toBe('/profile?tab=edit');
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'profile', '', null, '/\tx'])(
    'refuses %j, which is not a same-site path',
    (next) => {
      expect(safeNextPath(next)).toBeNull();
    },
  );
});
