import { describe, expect, it } from 'vitest';
import { KeyedLine } from './keyed-line.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedLine', () => {
  it('runs work for one key one at a time in arrival order, other keys alongside, and forgets idle keys', async () => {
    const line = new KeyedLine();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (key: string, n: number, ms: number) =>
      line.run(key, async () => {
        running += key === 'a' ? 1 : 0;
        most = Math.max(most, running);
        log.push(`${key}${n}`);
        await tick(ms);
        running -= key === 'a' ? 1 : 0;
        return n;
      });
    const results = await Promise.all([job('a', 1, 30), job('a', 2, 1), job('b', 1, 1), job('a', 3, 1)]);
    expect(results).toEqual([1, 2, 1, 3]);
    expect(most).toBe(1);
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(log.indexOf('b1')).toBeLessThan(log.indexOf('a2')); // b did not wait for a's line
    await tick(0);
    expect(line.size).toBe(0);
  });

  it('keeps the line moving after a failure, and passes the failure to its caller only', async () => {
    const line = new KeyedLine();
    const failed = line.run('a', () => Promise.reject(new Error('full')));
    const next = line.run('a', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('full');
    await expect(next).resolves.toBe('ok');
  });
});
