import { describe, expect, it } from 'vitest';
import { suppressGroup, type SuppressionFigure } from './suppression.js';

const figure = (
  code: string,
  total: [number, number],
  township: Array<[string, number, number]>,
): SuppressionFigure => ({
  code,
  total: { value: total[0], people: total[1] },
  lines: { township: township.map(([key, value, people]) => ({ key, value, people })) },
});

describe('suppression by people', () => {
  it('hides a cell of 5 certificates earned by 2 people, whatever its value', () => {
    const p = suppressGroup([
      figure(
        'certificates',
        [40, 30],
        [
          ['A', 5, 2],
          ['B', 20, 14],
          ['C', 15, 14],
        ],
      ),
    ]);
    expect([...(p.hiddenKeys.get('township') ?? [])].sort()).toEqual(['A', 'C']);
  });

  it('hides the same cells beside each other: volume beside trainees', () => {
    const volume = figure(
      'volume',
      [30, 16],
      [
        ['A', 9, 3],
        ['B', 6, 6],
        ['C', 15, 7],
      ],
    );
    const trainees = figure(
      'trainees',
      [16, 16],
      [
        ['A', 3, 3],
        ['B', 6, 6],
        ['C', 7, 7],
      ],
    );
    const p = suppressGroup([volume, trainees]);
    // A is small in both; its complement B (the smallest shown cell) is hidden in both, so neither pins A.
    expect([...(p.hiddenKeys.get('township') ?? [])].sort()).toEqual(['A', 'B']);
    expect(p.hiddenTotals.size).toBe(0);
  });

  it('adds complements until the hidden cells leave at least five possible values', () => {
    // 2 and 3 people: a + b = 5 pins each to 1..4, so a third cell goes too.
    const p = suppressGroup([
      figure(
        'trainees',
        [25, 25],
        [
          ['A', 2, 2],
          ['B', 3, 3],
          ['C', 20, 20],
        ],
      ),
    ]);
    expect([...(p.hiddenKeys.get('township') ?? [])].sort()).toEqual(['A', 'B', 'C']);
  });

  it('hides the total when nothing else can protect a line, and every cell with it', () => {
    const f: SuppressionFigure = {
      code: 'trainees',
      total: { value: 5, people: 5 },
      lines: {
        township: [
          { key: 'A', value: 2, people: 2 },
          { key: 'B', value: 3, people: 3 },
        ],
        sex: [
          { key: 'male', value: 5, people: 5 },
          { key: 'female', value: 0, people: 0 },
        ],
      },
    };
    const p = suppressGroup([f]);
    expect(p.hiddenTotals.has('trainees')).toBe(true);
    expect(p.hiddenKeys.get('sex')?.has('male')).toBe(true);
    expect(p.hiddenKeys.get('sex')?.has('female')).toBe(false);
  });

  it('never hides places', () => {
    const p = suppressGroup([figure('coverage', [1, 0], [['A', 1, 0]])]);
    expect(p.hiddenTotals.size).toBe(0);
    expect(p.hiddenKeys.get('township')?.size ?? 0).toBe(0);
  });
});
