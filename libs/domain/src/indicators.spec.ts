import { describe, expect, it } from 'vitest';
import {
  agebandTilingProblem,
  bandTilingProblems,
  alignsWithBands,
  meanYearsOfSchooling,
  parseAgeBand,
  rate,
  suppressCounts,
  suppressTable,
  upgradingContribution,
  YearsPreset,
} from './indicators.js';
import { AttainmentLevel as L } from './people.js';

describe('average years of schooling', () => {
  // The DESIGN.md check: a county of 400,000 residents aged 15+.
  const county = {
    [L.None]: 20_000,
    [L.Primary]: 110_000,
    [L.JuniorSecondary]: 160_000,
    [L.SeniorSecondary]: 60_000,
    [L.JuniorCollege]: 30_000,
    [L.Bachelor]: 18_000,
    [L.Postgraduate]: 2_000,
  };

  it('gives 9.05 with the bulletin weights and 8.99 with the fine ones', () => {
    expect(meanYearsOfSchooling(county, YearsPreset.Bulletin)).toBeCloseTo(9.05, 10);
    expect(meanYearsOfSchooling(county, YearsPreset.Fine)).toBeCloseTo(8.99, 10);
    expect(meanYearsOfSchooling({}, YearsPreset.Bulletin)).toBeNull();
  });

  it('counts secondary vocational as senior secondary (12 years)', () => {
    expect(
      meanYearsOfSchooling({ [L.SecondaryVocational]: 3, [L.SeniorSecondary]: 1 }, YearsPreset.Bulletin),
    ).toBe(12);
  });

  it('estimates the contribution of adult upgrading: 1,000 adults from junior to secondary vocational add 0.0075', () => {
    const upgrades = [{ from: L.JuniorSecondary, to: L.SecondaryVocational, count: 1000 }];
    expect(upgradingContribution(upgrades, 400_000, YearsPreset.Bulletin)).toBeCloseTo(0.0075, 12);
    // A completion that confers no higher level adds nothing.
    expect(
      upgradingContribution(
        [{ from: L.Bachelor, to: L.JuniorCollege, count: 50 }],
        400_000,
        YearsPreset.Bulletin,
      ),
    ).toBe(0);
    expect(upgradingContribution(upgrades, 0, YearsPreset.Bulletin)).toBeNull();
  });

  it('has no rate without a denominator', () => {
    expect(rate(3, 12)).toBe(0.25);
    expect(rate(3, 0)).toBeNull();
    expect(rate(3, null)).toBeNull();
  });
});

describe('age bands of a population baseline', () => {
  const fives = [...Array.from({ length: 20 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '100+'].map(
    (t) => parseAgeBand(t) as NonNullable<ReturnType<typeof parseAgeBand>>,
  );

  it('parses bands and refuses what is not one', () => {
    expect(parseAgeBand('15-19')).toEqual({ from: 15, to: 19 });
    expect(parseAgeBand('100+')).toEqual({ from: 100, to: null });
    expect(parseAgeBand('19-15')).toBeNull();
    expect(parseAgeBand('adults')).toBeNull();
  });

  it('accepts bands that tile 0 to 100+, and names the gap, the overlap or the missing open band', () => {
    expect(agebandTilingProblem(fives)).toBeNull();
    expect(agebandTilingProblem(fives.filter((b) => b.from !== 20))).toBe('ages 20-24 are missing');
    expect(agebandTilingProblem([...fives, { from: 18, to: 22 }])).toMatch(/overlap/);
    expect(agebandTilingProblem(fives.slice(0, 20))).toMatch(/not open-ended/);
    expect(agebandTilingProblem(fives.slice(1))).toMatch(/start at 5/);
  });

  it('names every band and line involved in a tiling problem', () => {
    const rows = (list: Array<[string, number]>) =>
      list.map(([text, line]) => ({
        band: parseAgeBand(text) as NonNullable<ReturnType<typeof parseAgeBand>>,
        line,
      }));
    expect(
      bandTilingProblems(
        rows([
          ['0-14', 2],
          ['15-24', 3],
          ['25-64', 9],
          ['65+', 4],
          ['15-24', 7],
        ]),
      ),
    ).toEqual([]);
    const problems = bandTilingProblems(
      rows([
        ['5-14', 2],
        ['15-24', 3],
        ['20-29', 5],
        ['35-64', 6],
        ['65+', 8],
        ['70-74', 9],
      ]),
    );
    expect(problems.map((p) => [p.code, p.bands, p.lines, p.gap])).toEqual([
      ['BANDS_NOT_FROM_ZERO', ['5-14'], [2], undefined],
      ['BANDS_OVERLAP', ['15-24', '20-29'], [3, 5], undefined],
      ['BANDS_GAP', ['20-29', '35-64'], [5, 6], '30-34'],
      ['BANDS_OPEN_NOT_LAST', ['65+', '70-74'], [8, 9], undefined],
    ]);
    expect(problems[2].message).toBe('Ages 30-34 are missing between 20-29 (line 5) and 35-64 (line 6).');
    // An overlap with a wide band is found even when a narrower one sits between them.
    expect(
      bandTilingProblems(
        rows([
          ['0-99', 2],
          ['15-24', 3],
          ['25-59', 4],
          ['100+', 5],
        ]),
      ).map((p) => p.lines),
    ).toEqual([
      [2, 3],
      [2, 4],
    ]);
    expect(
      bandTilingProblems(
        rows([
          ['0-14', 2],
          ['15-64', 3],
        ]),
      ),
    ).toMatchObject([{ code: 'BANDS_NO_OPEN_TOP', lines: [3] }]);
  });

  it('knows which age ranges can be counted from the bands', () => {
    expect(alignsWithBands(fives, 25, 64)).toBe(true);
    expect(alignsWithBands(fives, 60, null)).toBe(true);
    expect(alignsWithBands(fives, 16, 59)).toBe(false);
  });
});

describe('small-cell suppression', () => {
  it('hides cells of 1 to 4 people and, where one alone would be hidden in a line, the next smallest too', () => {
    const { cells, total } = suppressCounts([120, 3, 40, 0, 15]);
    expect(cells).toEqual([120, null, 40, 0, null]);
    expect(total).toBe(178);
    // Two small cells protect each other.
    expect(suppressCounts([50, 2, 4]).cells).toEqual([50, null, null]);
  });

  it('protects a two-way table against working a cell out from its row and column totals', () => {
    const table = [
      [20, 3, 30],
      [40, 25, 10],
      [8, 12, 60],
    ];
    const result = suppressTable(table);
    const hidden = result.cells
      .flatMap((row, r) => row.map((v, c) => (v === null ? `${r}${c}` : null)))
      .filter(Boolean);
    expect(hidden).toContain('01');
    // No row and no column has exactly one hidden cell.
    for (let i = 0; i < 3; i += 1) {
      expect(result.cells[i].filter((v) => v === null).length).not.toBe(1);
      expect(result.cells.map((row) => row[i]).filter((v) => v === null).length).not.toBe(1);
    }
    expect(result.rowTotals).toEqual([53, 75, 80]);
    expect(result.total).toBe(208);
  });

  it('suppresses a total that is itself a small cell', () => {
    expect(suppressCounts([1, 2]).total).toBeNull();
  });
});
