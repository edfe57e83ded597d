import { describe, expect, it } from 'vitest';
import { bounds, type LinearSystem } from './interval-lp.js';

/** Brute force over small integer boxes: the second way of finding the same bounds. */
function bruteForce(system: LinearSystem, index: number, top: number): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  const x = new Array<number>(system.size).fill(0);
  const visit = (j: number): void => {
    if (j === system.size) {
      const ok = system.constraints.every((k) => {
        const v = k.terms.reduce((s, [i, c]) => s + c * x[i], 0);
        return k.op === '=' ? v === k.rhs : k.op === '<=' ? v <= k.rhs : v >= k.rhs;
      });
      if (ok) {
        min = Math.min(min, x[index]);
        max = Math.max(max, x[index]);
      }
      return;
    }
    for (let v = system.lower[j] ?? 0; v <= Math.min(system.upper[j] ?? top, top); v += 1) {
      x[j] = v;
      visit(j + 1);
    }
  };
  visit(0);
  return Number.isFinite(min) ? { min, max } : null;
}

describe('the interval solver of the suppression checker', () => {
  it('finds the bounds of a hidden pair in a row with its total', () => {
    // a + b = 6, a, b ≥ 1: a ∈ [1, 5].
    const system: LinearSystem = {
      size: 2,
      lower: [1, 1],
      upper: [],
      constraints: [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          op: '=',
          rhs: 6,
        },
      ],
    };
    expect(bounds(system, 0)).toEqual({ min: 1, max: 5 });
  });

  it('pins a cell from a linked table: trainees ≤ volume', () => {
    // t1 + t2 = 7 (trainees), v1 shown as 3 → t1 ≤ 3 and t2 ≥ 4.
    const system: LinearSystem = {
      size: 2,
      lower: [1, 1],
      upper: [],
      constraints: [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          op: '=',
          rhs: 7,
        },
        { terms: [[0, 1]], op: '<=', rhs: 3 },
      ],
    };
    expect(bounds(system, 1)).toEqual({ min: 4, max: 6 });
    expect(bounds(system, 0)?.max).toBe(3);
  });

  it('says unbounded and infeasible', () => {
    expect(bounds({ size: 2, lower: [1, 1], upper: [], constraints: [] }, 0)?.max).toBe(Infinity);
    expect(
      bounds({ size: 1, lower: [3], upper: [], constraints: [{ terms: [[0, 1]], op: '<=', rhs: 2 }] }, 0),
    ).toBeNull();
  });

  it('agrees with brute force on random small systems', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 150; trial += 1) {
      const size = 2 + rand(3);
      const truth = Array.from({ length: size }, () => rand(7));
      const constraints: LinearSystem['constraints'] = [];
      for (let k = 0; k < 1 + rand(3); k += 1) {
        const terms = Array.from(
          { length: size },
          (_, i) => [i, rand(3) - (rand(4) === 0 ? 1 : 0)] as [number, number],
        ).filter(([, c]) => c !== 0);
        if (!terms.length) continue;
        const value = terms.reduce((s, [i, c]) => s + c * truth[i], 0);
        const op = (['=', '<=', '>='] as const)[rand(3)];
        constraints.push({ terms, op, rhs: value });
      }
      const system: LinearSystem = {
        size,
        lower: truth.map(() => 0),
        upper: truth.map(() => 6),
        constraints,
      };
      for (let i = 0; i < size; i += 1) {
        const lp = bounds(system, i);
        const brute = bruteForce(system, i, 6);
        // The LP relaxation can only be wider than the integer answer, and here by less than one.
        expect(lp).not.toBeNull();
        expect(lp!.min).toBeLessThanOrEqual(brute!.min + 1e-6);
        expect(lp!.max).toBeGreaterThanOrEqual(brute!.max - 1e-6);
        expect(Math.ceil(lp!.min - 1e-6)).toBeGreaterThanOrEqual(brute!.min - 1);
      }
    }
  });
});
