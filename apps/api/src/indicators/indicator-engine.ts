import { Injectable } from '@nestjs/common';
import {
  alignsWithBands,
  IndicatorCode,
  INDICATORS,
  periodWindow,
  rate,
  rollingWindow,
  YEARS_OF_SCHOOLING,
  type DateWindow,
  YearsPreset,
  type AgeBand,
} from '@cll/domain';
import { DataSource } from 'typeorm';
import {
  ACTIVITY_FACTS,
  APPRENTICESHIPS,
  baselinePopulation,
  CERTIFICATE_FACTS,
  completionFacts,
  COVERAGE,
  type Dimension,
  groupedFacts,
  SKILLS_FACTS,
  UPGRADING,
  YEARS_OF_SCHOOLING as YEARS_SQL,
} from './indicator.queries.js';

export interface BreakdownCell {
  key: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  /**
   * Distinct people behind the cell, which decides whether it may be published: the people counted, the people
   * whose person-times, certificates or hours they are, the residents of a years-of-schooling cell; null for places.
   */
  people: number | null;
}

export interface IndicatorFigure {
  code: IndicatorCode;
  version: number;
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Distinct people behind the headline figure (null for places). */
  people: number | null;
  /** Which window the figure counts: the reporting period or a rolling window ending on the reference date. */
  window: 'period' | '12m' | '4w' | '90d' | 'reference_date' | 'baseline';
  breakdowns: Partial<Record<Dimension, BreakdownCell[]>>;
}

export interface ComputeOptions {
  year: number;
  /** Defaults to the last day of the year, or today while the year runs. */
  referenceDate: string;
  baseline: { id: string; name: string; source: string; year: number } | null;
  /** The participation age band (default 25–64); `to` null for no upper limit. */
  ageBand: AgeBand;
}

export interface IndicatorResults {
  year: number;
  referenceDate: string;
  periodStart: string;
  ageBand: AgeBand;
  baseline: ComputeOptions['baseline'];
  /** First and last day (both counted) of each window the figures use. */
  windows: Record<'period' | '12m' | '4w' | '90d', DateWindow>;
  indicators: IndicatorFigure[];
}

type Row = Record<string, unknown>;

/** Splits GROUPING SETS rows into the total and the cells of each breakdown. */
function split(rows: Row[], dimensions: Dimension[]) {
  const isTotal = (r: Row) => dimensions.every((d) => r[`g_${d}`] === 1);
  const total = rows.find(isTotal);
  const byDimension = Object.fromEntries(
    dimensions.map((d) => [
      d,
      rows
        .filter((r) => r[`g_${d}`] === 0 && r[`k_${d}`] !== null)
        .sort((a, b) => String(a[`k_${d}`]).localeCompare(String(b[`k_${d}`]))),
    ]),
  ) as Record<Dimension, Row[]>;
  return { total, byDimension };
}

/**
 * Computes every indicator of a year in PostgreSQL. The results are plain data: the caller stores them as a
 * provisional or frozen snapshot, suppresses small cells before publishing, and compares a frozen snapshot with a
 * recomputation to show restatements.
 */
@Injectable()
export class IndicatorEngine {
  constructor(private readonly dataSource: DataSource) {}

  async compute(options: ComputeOptions): Promise<IndicatorResults> {
    const ref = options.referenceDate;
    const windows = {
      period: periodWindow(options.year, ref),
      '12m': rollingWindow(ref, '12m'),
      '4w': rollingWindow(ref, '4w'),
      '90d': rollingWindow(ref, '90d'),
    };
    const periodStart = windows.period.first;
    const base = [ref, periodStart, options.baseline?.id ?? null];
    const bands = await this.bands(options.baseline?.id ?? null);
    const figures: IndicatorFigure[] = [];

    // Average years of schooling, 15+: from the baseline alone.
    for (const [code, preset] of [
      [IndicatorCode.Mys15Bulletin, YearsPreset.Bulletin],
      [IndicatorCode.Mys15Fine, YearsPreset.Fine],
    ] as const) {
      const rows = await this.rows(YEARS_SQL, [...base, JSON.stringify(YEARS_OF_SCHOOLING[preset])]);
      figures.push({
        ...this.ratioFigure(code, rows, ['township', 'age_band', 'sex'], 'years', 'people'),
        window: 'baseline',
      });
    }
    const population15 = await this.population(base, bands, 15, null, []);
    const upgrading = await this.rows(UPGRADING, [
      ...base,
      JSON.stringify(YEARS_OF_SCHOOLING[YearsPreset.Bulletin]),
    ]);
    figures.push(this.perResident(IndicatorCode.UpgradingContribution, upgrading, population15, 'years'));

    // Participation: distinct residents in the band with a completion in 12 months / 4 weeks; elderly activity.
    const { from, to } = options.ageBand;
    const ageFilter = `x.age >= ${Number(from)}${to === null ? '' : ` AND x.age <= ${Number(to)}`}`;
    const inBand = await this.population(base, bands, from, to, ['township', 'age_band', 'sex']);
    for (const [code, window] of [
      [IndicatorCode.Participation12m, '12m'],
      [IndicatorCode.Participation4w, '4w'],
    ] as const) {
      const dims: Dimension[] = ['township', 'age_band', 'sex', 'category'];
      const rows = await this.rows(groupedFacts(ACTIVITY_FACTS, dims, ageFilter), [
        ...base,
        windows[window].first,
      ]);
      figures.push({ ...this.participation(code, rows, inBand, dims), window });
    }
    const elderly = await this.population(base, bands, 60, null, ['township', 'age_band', 'sex']);
    const elderlyDims: Dimension[] = ['township', 'age_band', 'sex', 'category'];
    const active60 = await this.rows(groupedFacts(ACTIVITY_FACTS, elderlyDims, 'x.age >= 60'), [
      ...base,
      windows['12m'].first,
    ]);
    figures.push({
      ...this.participation(IndicatorCode.ElderlyParticipation, active60, elderly, elderlyDims),
      window: '12m',
    });

    // Coverage of places.
    const coverage = split(await this.rows(COVERAGE, [...base, windows['90d'].first]), ['township']);
    for (const [code, active, all] of [
      [IndicatorCode.ElderlyTownshipCoverage, 'townships_active', 'townships'],
      [IndicatorCode.VillagePointCoverage, 'villages_active', 'villages'],
    ] as const) {
      const cell = (r: Row | undefined, key: string): BreakdownCell => ({
        key,
        numerator: Number(r?.[active] ?? 0),
        denominator: Number(r?.[all] ?? 0),
        value: rate(Number(r?.[active] ?? 0), Number(r?.[all] ?? 0)),
        people: null,
      });
      const total = cell(coverage.total, 'total');
      figures.push({
        ...this.head(code),
        ...total,
        window: '90d',
        breakdowns: { township: coverage.byDimension.township.map((r) => cell(r, String(r.k_township))) },
      });
    }

    // Volumes: person-times and distinct persons.
    const volumeDims: Dimension[] = ['township', 'age_band', 'sex'];
    const skills = await this.rows(groupedFacts(SKILLS_FACTS, volumeDims), base);
    figures.push(
      this.countFigure(IndicatorCode.SkillsTrainingVolume, skills, volumeDims, 'times', 'persons'),
    );
    figures.push(this.countFigure(IndicatorCode.SkillsTrainees, skills, volumeDims, 'persons', 'persons'));
    const certificates = await this.rows(groupedFacts(CERTIFICATE_FACTS, ['township', 'category']), base);
    figures.push(
      this.countFigure(
        IndicatorCode.CertificatesIssued,
        certificates,
        ['township', 'category'],
        'times',
        'persons',
      ),
    );
    const completionDims: Dimension[] = ['township', 'age_band', 'sex', 'category'];
    const completions = await this.rows(groupedFacts(completionFacts('$2'), completionDims), base);
    figures.push(
      this.countFigure(IndicatorCode.Completions, completions, completionDims, 'times', 'persons'),
    );

    // Apprenticeships, replayed from their events.
    const apprenticeships = await this.rows(APPRENTICESHIPS, base);
    for (const [code, column] of [
      [IndicatorCode.ApprenticesStarted, 'started'],
      [IndicatorCode.ApprenticesActive, 'active'],
      [IndicatorCode.ApprenticesCompleted, 'completed'],
      [IndicatorCode.ApprenticesWithdrawn, 'withdrawn'],
      [IndicatorCode.ApprenticeSchoolHours, 'school'],
      [IndicatorCode.ApprenticeWorkplaceHours, 'workplace'],
    ] as const) {
      const figure = this.countFigure(code, apprenticeships, ['township'], column, `${column}_people`);
      figures.push(
        code === IndicatorCode.ApprenticesActive ? { ...figure, window: 'reference_date' } : figure,
      );
    }

    const order = Object.values(IndicatorCode);
    figures.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
    return {
      year: options.year,
      referenceDate: options.referenceDate,
      periodStart,
      ageBand: options.ageBand,
      baseline: options.baseline,
      windows,
      indicators: figures,
    };
  }

  private head(code: IndicatorCode) {
    return { code, version: INDICATORS[code].version };
  }

  /**
   * Runs one of the grouped queries. Each takes the standard parameters (reference date, period start, baseline)
   * whether or not it uses all of them; naming their types here keeps PostgreSQL from refusing an unused one.
   */
  private rows(sql: string, params: unknown[]): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT * FROM (${sql}) q WHERE $1::date IS NULL OR $2::date IS NULL OR $3::uuid IS NULL OR true`,
      params,
    );
  }

  private async bands(baselineId: string | null): Promise<AgeBand[]> {
    if (!baselineId) return [];
    const rows: Array<{ from: number; to: number | null }> = await this.dataSource.query(
      `SELECT DISTINCT age_from AS from, age_to AS to FROM population_cells WHERE baseline_id = $1`,
      [baselineId],
    );
    return rows;
  }

  /**
   * Residents of the baseline in [from, to] by total and breakdown; null when there is no baseline or its bands do
   * not line up with the range (the figure then has no denominator rather than a wrong one).
   */
  private async population(
    base: unknown[],
    bands: AgeBand[],
    from: number,
    to: number | null,
    dimensions: Dimension[],
  ): Promise<Map<string, number> | null> {
    if (!base[2] || !alignsWithBands(bands, from, to)) return null;
    const rows = await this.rows(baselinePopulation(dimensions), [...base, from, to]);
    const map = new Map<string, number>();
    for (const r of rows) {
      const dim = dimensions.find((d) => r[`g_${d}`] === 0);
      map.set(dim ? `${dim}:${String(r[`k_${dim}`])}` : 'total', Number(r.people));
    }
    return map;
  }

  private ratioFigure(
    code: IndicatorCode,
    rows: Row[],
    dimensions: Dimension[],
    numerator: string,
    denominator: string,
  ): IndicatorFigure {
    const { total, byDimension } = split(rows, dimensions);
    const cell = (r: Row | undefined, key: string): BreakdownCell => {
      const n = Number(r?.[numerator] ?? 0);
      const dn = r ? Number(r[denominator]) : null;
      // The residents of the baseline cell are the people behind an average over them.
      return { key, numerator: n, denominator: dn, value: rate(n, dn), people: dn };
    };
    const head = cell(total, 'total');
    return {
      ...this.head(code),
      ...head,
      window: 'period',
      breakdowns: Object.fromEntries(
        dimensions.map((d) => [d, byDimension[d].map((r) => cell(r, String(r[`k_${d}`])))]),
      ),
    };
  }

  private perResident(
    code: IndicatorCode,
    rows: Row[],
    population: Map<string, number> | null,
    column: string,
  ): IndicatorFigure {
    const { total } = split(rows, ['township']);
    const n = Number(total?.[column] ?? 0);
    const denominator = population?.get('total') ?? null;
    return {
      ...this.head(code),
      numerator: n,
      denominator,
      value: rate(n, denominator),
      people: Number(total?.persons ?? 0),
      window: 'period',
      // No breakdown: a township's years gained could point at the few residents behind them.
      breakdowns: {},
    };
  }

  private participation(
    code: IndicatorCode,
    rows: Row[],
    population: Map<string, number> | null,
    dimensions: Dimension[],
  ): IndicatorFigure {
    const { total, byDimension } = split(rows, dimensions);
    const persons = Number(total?.persons ?? 0);
    const denominator = population?.get('total') ?? null;
    return {
      ...this.head(code),
      numerator: persons,
      denominator,
      value: rate(persons, denominator),
      people: persons,
      window: 'period',
      breakdowns: Object.fromEntries(
        dimensions.map((d) => [
          d,
          byDimension[d].map((r) => {
            const key = String(r[`k_${d}`]);
            // A category is a share of all residents in the band; the others of their own group.
            const dn = d === 'category' ? denominator : (population?.get(`${d}:${key}`) ?? null);
            const n = Number(r.persons);
            return { key, numerator: n, denominator: dn, value: rate(n, dn), people: n };
          }),
        ]),
      ),
    };
  }

  private countFigure(
    code: IndicatorCode,
    rows: Row[],
    dimensions: Dimension[],
    column: string,
    peopleColumn: string,
  ): IndicatorFigure {
    const { total, byDimension } = split(rows, dimensions);
    const value = Number(total?.[column] ?? 0);
    return {
      ...this.head(code),
      value,
      numerator: value,
      denominator: null,
      people: Number(total?.[peopleColumn] ?? 0),
      window: 'period',
      breakdowns: Object.fromEntries(
        dimensions.map((d) => [
          d,
          byDimension[d].map((r) => ({
            key: String(r[`k_${d}`]),
            numerator: Number(r[column]),
            denominator: null,
            value: Number(r[column]),
            people: Number(r[peopleColumn]),
          })),
        ]),
      ),
    };
  }
}
