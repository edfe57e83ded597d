import { IndicatorCode } from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { t, translate } from './i18n/index.js';
import {
  ageBandMessage,
  ageBandOf,
  bandBoundaries,
  bandMatchesBaseline,
  barChartModel,
  changeFromPreviousYear,
  extremes,
  formatFigure,
  fractionToPercent,
  gapMessage,
  nextSort,
  percentToFraction,
  publishableTrend,
  readAgeBand,
  readSort,
  readTarget,
  signedDifference,
  sortCells,
  targetChanged,
  targetInputValue,
  trendChartModel,
  valueMessage,
  type Cell,
} from './indicators.js';

const zh = (m: { key: string; params?: Record<string, string | number> } | null | undefined) =>
  m ? translate('zh-CN', m) : '';
const share = { code: IndicatorCode.Participation12m, unit: 'share', counting: 'persons' } as const;
const years = { code: IndicatorCode.Mys15Bulletin, unit: 'years', counting: 'persons' } as const;
const volume = { code: IndicatorCode.SkillsTrainingVolume, unit: 'count', counting: 'person_times' } as const;

const cell = (key: string, label: string, value: number | null, numerator: number | null = null): Cell => ({
  key,
  label,
  numerator,
  denominator: value === null ? null : 1000,
  value,
  suppressed: value === null,
});

describe('formatting a value by its unit', () => {
  it('shows a share, which is a fraction, as a percentage with two decimals', () => {
    expect(formatFigure('zh-CN', 'share', 0.003777066765795308)).toBe('0.38%');
    expect(formatFigure('en', 'share', 0.8333333333333334)).toBe('83.33%');
    expect(formatFigure('zh-CN', 'share', 0.003777066765795308, true)).toBe('0.3777%');
  });

  it('shows years with two decimals, counts grouped as whole numbers and hours with one decimal', () => {
    expect(formatFigure('zh-CN', 'years', 8.761873063826519)).toBe('8.76');
    expect(formatFigure('zh-CN', 'years', 9.6)).toBe('9.60');
    expect(formatFigure('zh-CN', 'count', 12345)).toBe('12,345');
    expect(formatFigure('en', 'hours', 1172.25)).toBe('1,172.3');
  });

  it('shows a small non-zero figure with two significant digits rather than as zero', () => {
    expect(formatFigure('zh-CN', 'years', 0.0030722752758647175)).toBe('0.0031');
    expect(formatFigure('zh-CN', 'share', 0.000012)).toBe('0.0012%');
    expect(formatFigure('zh-CN', 'years', 0)).toBe('0.00');
  });

  it('puts the unit word beside the value and names suppressed or missing values', () => {
    expect(zh(valueMessage('zh-CN', years, 8.7618))).toBe('8.76 年');
    expect(zh(valueMessage('zh-CN', volume, 170))).toBe('170 人次');
    expect(zh(valueMessage('zh-CN', { unit: 'count', counting: 'persons' }, 170))).toBe('170 人');
    expect(zh(valueMessage('zh-CN', share, null, true))).toBe('<5，已隐去');
    expect(zh(valueMessage('zh-CN', share, null))).toBe('无数据');
    expect(translate('en', valueMessage('en', years, 8.7618))).toBe('8.76 years');
  });
});

describe('describing the gap to the target', () => {
  it('says how far a figure is short of its target, in its unit', () => {
    const gap = gapMessage('zh-CN', { ...years, gap: -0.8381269361734809 });
    expect(gap?.tone).toBe('short');
    expect(zh(gap?.message)).toBe('距目标还差 0.84 年');
  });

  it('gives a share’s gap in percentage points, not as a percentage of the target', () => {
    const gap = gapMessage('zh-CN', { ...share, gap: 0.33333333333333337 });
    expect(gap?.tone).toBe('over');
    expect(zh(gap?.message)).toBe('已超过目标 33.33 个百分点');
    expect(translate('en', gapMessage('en', { ...share, gap: -0.4962 })!.message)).toBe(
      '49.62 percentage points short of the target',
    );
  });

  it('calls a gap that rounds to zero at the shown precision met, and has nothing to say without a target', () => {
    expect(gapMessage('zh-CN', { ...share, gap: 0.00004 })?.tone).toBe('met');
    expect(gapMessage('zh-CN', { ...volume, gap: 0 })?.message.key).toBe('indicators.gap.met');
    expect(gapMessage('zh-CN', { ...volume, gap: null })).toBeNull();
  });

  it('words the gap the other way round where fewer is better', () => {
    const gap = gapMessage('zh-CN', {
      code: IndicatorCode.ApprenticesWithdrawn,
      unit: 'count',
      counting: 'agreements',
      gap: 3,
    });
    expect(gap?.tone).toBe('short');
    expect(gap?.message.key).toBe('indicators.gap.above');
  });
});

describe('restatements', () => {
  it('gives the difference between a recomputed and a frozen figure with its sign', () => {
    expect(signedDifference('zh-CN', share, 0.001)).toBe('+0.10 个百分点');
    expect(signedDifference('zh-CN', volume, -2)).toBe('−2 人次');
    expect(signedDifference('en', years, 0.001)).toBe('+0.001 years');
    expect(signedDifference('en', years, 0)).toBe('±0.00 years');
  });
});

describe('the change from the previous year', () => {
  const trend = [
    { year: 2025, value: 0.0028079, frozen: true },
    { year: 2026, value: 0.0037771, frozen: false },
  ];

  it('compares with the year before in percentage points for a share', () => {
    const change = changeFromPreviousYear('zh-CN', { ...share, trend }, 2026, 0.0037771);
    expect(change?.direction).toBe('up');
    expect(zh(change?.message)).toBe('比 2025 年上升 0.10 个百分点');
  });

  it('has no arrow for the first year of the series or a year without a value', () => {
    expect(changeFromPreviousYear('zh-CN', { ...share, trend }, 2025, 0.0028)).toBeNull();
    expect(changeFromPreviousYear('zh-CN', { ...share, trend }, 2026, null)).toBeNull();
  });

  it('calls a change too small to show unchanged', () => {
    const flat = [
      { year: 2025, value: 8.7618, frozen: false },
      { year: 2026, value: 8.7619, frozen: false },
    ];
    expect(changeFromPreviousYear('zh-CN', { ...years, trend: flat }, 2026, 8.7619)?.direction).toBe('same');
  });
});

describe('publishing the trend', () => {
  it('hides people counts below five, as the published cells are', () => {
    const points = publishableTrend({ unit: 'count', counting: 'agreements' }, [
      { year: 2025, value: 0, frozen: false },
      { year: 2026, value: 4, frozen: false },
      { year: 2027, value: 12, frozen: false },
    ]);
    expect(points.map((p) => p.value)).toEqual([0, null, 12]);
    expect(points.map((p) => p.suppressed)).toEqual([false, true, false]);
  });

  it('leaves shares, years and hours alone', () => {
    const points = publishableTrend({ unit: 'hours', counting: 'hours' }, [
      { year: 2026, value: 3, frozen: false },
    ]);
    expect(points[0].value).toBe(3);
  });
});

describe('sorting the township table', () => {
  const cells = [
    cell('339901103000', '桃源镇', 0.0034, 34),
    cell('339901101000', '城关街道', 0.0025, 23),
    cell('339901104000', '白石镇', null),
    cell('339901102000', '溪口镇', 0.0057, 77),
  ];

  it('sorts by value, largest first, with suppressed cells last', () => {
    expect(sortCells(cells, 'value', 'desc').map((c) => c.label)).toEqual([
      '溪口镇',
      '桃源镇',
      '城关街道',
      '白石镇',
    ]);
  });

  it('keeps suppressed cells last when sorting upwards too', () => {
    expect(sortCells(cells, 'value', 'asc').map((c) => c.label)).toEqual([
      '城关街道',
      '桃源镇',
      '溪口镇',
      '白石镇',
    ]);
  });

  it('sorts by township in the county’s administrative order', () => {
    expect(sortCells(cells, 'township', 'asc').map((c) => c.key)).toEqual([
      '339901101000',
      '339901102000',
      '339901103000',
      '339901104000',
    ]);
  });

  it('reads the order from the query string and ignores anything unknown', () => {
    expect(readSort(new URLSearchParams('sort=value'))).toEqual({ sort: 'value', dir: 'desc' });
    expect(readSort(new URLSearchParams('sort=value&dir=asc'))).toEqual({ sort: 'value', dir: 'asc' });
    expect(readSort(new URLSearchParams('sort=drop table&dir=up'))).toEqual({ sort: 'township', dir: 'asc' });
  });

  it('turns the current column’s order round and starts a new column in its natural order', () => {
    expect(nextSort({ sort: 'value', dir: 'desc' }, 'value')).toEqual({ sort: 'value', dir: 'asc' });
    expect(nextSort({ sort: 'value', dir: 'desc' }, 'numerator')).toEqual({ sort: 'numerator', dir: 'desc' });
    expect(nextSort({ sort: 'value', dir: 'desc' }, 'township')).toEqual({ sort: 'township', dir: 'asc' });
  });

  it('finds the highest and lowest published cells', () => {
    const found = extremes(cells);
    expect(found?.highest.label).toBe('溪口镇');
    expect(found?.lowest.label).toBe('城关街道');
    expect(extremes([cell('1', 'x', null)])).toBeNull();
  });
});

describe('building chart data', () => {
  const format = (v: number) => formatFigure('zh-CN', 'share', v);

  it('ranks townships largest first, in percent, with value labels and labelled reference lines', () => {
    const model = barChartModel(
      [cell('1', '城关街道', 0.25), cell('2', '溪口镇', 0.57), cell('3', '白石镇', null)],
      {
        unit: 'share',
        format,
        suppressedLabel: '<5，已隐去',
        target: { value: 0.5, label: '目标 50.00%' },
        overall: { value: 0.38, label: '全县 38.00%' },
      },
    );
    expect(model.labels).toEqual(['溪口镇', '城关街道', '白石镇']);
    expect(model.values[0]).toBeCloseTo(57);
    expect(model.values[2]).toBeNull();
    expect(model.valueLabels).toEqual(['57.00%', '25.00%', '<5，已隐去']);
    expect(model.references).toEqual([
      { value: 50, label: '目标 50.00%', kind: 'target' },
      { value: 38, label: '全县 38.00%', kind: 'overall' },
    ]);
    expect(model.offScale).toEqual([]);
  });

  it('names a target far above every township instead of squashing the bars to draw it', () => {
    const model = barChartModel([cell('1', '城关街道', 0.0025), cell('2', '溪口镇', 0.0057)], {
      unit: 'share',
      format,
      suppressedLabel: '<5，已隐去',
      target: { value: 0.5, label: '目标 50.00%' },
      overall: { value: 0.0038, label: '全县 0.38%' },
    });
    expect(model.references.map((r) => r.kind)).toEqual(['overall']);
    expect(model.offScale).toEqual([{ value: 50, label: '目标 50.00%', kind: 'target' }]);
  });

  it('orders the trend by year and marks frozen years', () => {
    const model = trendChartModel(
      [
        { year: 2026, value: 0.0038, frozen: false },
        { year: 2025, value: 0.0028, frozen: true },
        { year: 2024, value: null, frozen: true, suppressed: true },
      ],
      { unit: 'share', format, suppressedLabel: '已隐去' },
    );
    expect(model.labels).toEqual(['2024', '2025', '2026']);
    expect(model.frozen).toEqual([true, true, false]);
    expect(model.valueLabels).toEqual(['已隐去', '0.28%', '0.38%']);
    expect(model.references).toEqual([]);
    expect(model.offScale).toEqual([]);
  });
});

describe('targets: percent typed, fraction stored', () => {
  it('converts percent to fraction exactly, without floating-point error', () => {
    expect(percentToFraction('38.55')).toBe('0.3855');
    expect(percentToFraction('50')).toBe('0.5');
    expect(percentToFraction('0.5')).toBe('0.005');
    expect(percentToFraction('100')).toBe('1');
    expect(percentToFraction('0')).toBe('0');
    expect(percentToFraction('12,5')).toBeNull();
  });

  it('converts a stored fraction back to the percent the form shows', () => {
    expect(fractionToPercent(0.3855)).toBe('38.55');
    expect(fractionToPercent(0.5)).toBe('50');
    expect(fractionToPercent(0.07)).toBe('7');
    expect(targetInputValue('share', 0.3)).toBe('30');
    expect(targetInputValue('years', 9.6)).toBe('9.6');
    expect(targetInputValue('count', null)).toBe('');
  });

  it('reads a share typed in percent as its fraction, and full-width digits too', () => {
    expect(readTarget('share', '38.55')).toEqual({ value: 0.3855, error: null });
    expect(readTarget('share', '５０')).toEqual({ value: 0.5, error: null });
    expect(readTarget('share', '')).toEqual({ value: null, error: null });
  });

  it('refuses values out of range or with too many decimals for the unit', () => {
    expect(readTarget('share', '120').error?.key).toBe('validation.numberRange');
    expect(readTarget('share', '38.555').error).toEqual({
      key: 'validation.decimals',
      params: { decimals: 2 },
    });
    expect(readTarget('count', '12.5').error?.key).toBe('validation.wholeNumberRange');
    expect(readTarget('years', 'ten').error?.key).toBe('validation.numberRange');
    expect(readTarget('count', '3000')).toEqual({ value: 3000, error: null });
  });

  it('sends only targets that changed', () => {
    expect(targetChanged(0.5, 0.5)).toBe(false);
    expect(targetChanged(0.5, 0.50001)).toBe(false);
    expect(targetChanged(0.5, 0.51)).toBe(true);
    expect(targetChanged(null, 0)).toBe(true);
  });
});

describe('participation age bands', () => {
  const keys = ['15-19', '20-24', '25-29', '60-64', '65-69', '100+'];

  it('lists the ages the baseline’s bands start and end at', () => {
    expect(bandBoundaries(keys)).toEqual({ starts: [15, 20, 25, 60, 65, 100], ends: [19, 24, 29, 64, 69] });
  });

  it('says whether a band is made of whole baseline bands', () => {
    expect(bandMatchesBaseline(keys, 25, 64)).toBe(true);
    expect(bandMatchesBaseline(keys, 26, 64)).toBe(false);
    expect(bandMatchesBaseline([], 25, 64)).toBeNull();
  });

  it('reads the form and refuses a band that ends before it starts', () => {
    expect(readAgeBand('25', '64')).toEqual({ band: { from: 25, to: 64 }, errors: {} });
    expect(readAgeBand('64', '25').errors.ageTo?.key).toBe('indicators.band.toBeforeFrom');
    expect(readAgeBand('', 'x').errors).toEqual({
      ageFrom: { key: 'validation.required' },
      ageTo: { key: 'validation.wholeNumberRange', params: { min: 0, max: 120 } },
    });
  });
});

describe('who an indicator counts by age', () => {
  it('names the band of each kind of figure', () => {
    const band = { from: 25, to: 64 };
    expect(zh(ageBandMessage(ageBandOf(IndicatorCode.Participation4w, band)!))).toBe('25–64 岁');
    expect(zh(ageBandMessage(ageBandOf(IndicatorCode.ElderlyParticipation, band)!))).toBe('60 岁及以上');
    expect(zh(ageBandMessage(ageBandOf(IndicatorCode.Mys15Fine, band)!))).toBe('15 岁及以上');
    expect(ageBandOf(IndicatorCode.Completions, band)).toBeNull();
  });
});

describe('indicator names', () => {
  it('labels the analyst’s fine preset as such', () => {
    expect(t('zh-CN', 'indicator.mys15_fine')).toContain('精细口径');
  });
});
