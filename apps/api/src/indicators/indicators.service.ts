import { Injectable, Logger } from '@nestjs/common';
import {
  alignsWithBands,
  ErrorCode,
  formatAgeBand,
  IndicatorCode,
  type AgeBand,
  type SuppressionPattern,
} from '@cll/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import type { DefinitionChangeResponse, IndicatorDashboard, PeriodResponse } from './dto/indicator.dto.js';
import { IndicatorEngine, type IndicatorFigure, type IndicatorResults } from './indicator-engine.js';
import { IndicatorSnapshot } from './indicators.entities.js';
import { publishFigure, suppressionPatterns } from './publish.js';

export const DEFAULT_AGE_BAND: AgeBand = { from: 25, to: 64 };

interface Stored {
  results: IndicatorResults;
  computedAt: Date;
  checksum: string;
}

interface TrendRow {
  year: number;
  value: number | null;
  frozen: boolean;
  numerator: number;
  denominator: number | null;
  people?: number | null;
}

/** The figures that depend on the participation age band asked for. */
const BAND_DEPENDENT: IndicatorCode[] = [IndicatorCode.Participation12m, IndicatorCode.Participation4w];

/**
 * The recomputation of a closed year's figure, with its own suppression pattern. A restatement compares like with
 * like: when the figure's definition changed since the close (the frozen snapshot keeps the version it was
 * published with), the recomputation is not a restatement but the figure under the new definition, returned apart.
 */
function restatedOf(
  frozen: IndicatorFigure,
  figures: IndicatorFigure[] | undefined,
  patterns: Map<IndicatorCode, SuppressionPattern> | null,
): {
  restated?: { figure: IndicatorFigure; pattern: SuppressionPattern };
  definitionChange: DefinitionChangeResponse | null;
} {
  const figure = figures?.find((f) => f.code === frozen.code);
  const pattern = patterns?.get(frozen.code);
  if (!figure || !pattern) return { definitionChange: null };
  if (figure.version === frozen.version) return { restated: { figure, pattern }, definitionChange: null };
  const suppressed = pattern.hiddenTotals.has(frozen.code);
  return {
    definitionChange: {
      fromVersion: frozen.version,
      toVersion: figure.version,
      value: suppressed ? null : figure.value,
      suppressed,
    },
  };
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Provisional figures are recomputed every night and on demand and replace each other; closing a year stores a
 * frozen snapshot once. The dashboard shows the official figure (frozen when closed) with the recomputation beside
 * it as a restatement, the target and gap, and the trend over the years.
 */
@Injectable()
export class IndicatorsService {
  private readonly logger = new Logger('Indicators');

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: IndicatorEngine,
    private readonly audit: AuditService,
  ) {}

  currentYear(): number {
    return Number(todayInChina().slice(0, 4));
  }

  /**
   * The years indicators are kept for: from 10 years before the earliest ready baseline's year (or before this year
   * without one) to this year; targets may be set up to 10 years ahead. Anything else is refused with
   * YEAR_OUT_OF_RANGE rather than computed (year 0 is no date) or stored (year 99999).
   */
  async yearRange(kind: 'indicators' | 'targets' = 'indicators'): Promise<{ first: number; last: number }> {
    const [row]: Array<{ year: number | null }> = await this.dataSource.query(
      `SELECT min(year)::int AS year FROM population_baselines WHERE status = 'ready'`,
    );
    const current = this.currentYear();
    const first = Math.min(row?.year ?? current, current) - 10;
    return { first, last: kind === 'targets' ? current + 10 : current };
  }

  async assertYear(year: number, kind: 'indicators' | 'targets' = 'indicators'): Promise<void> {
    const { first, last } = await this.yearRange(kind);
    if (!Number.isInteger(year) || year < first || year > last) {
      throw DomainException.field(
        ErrorCode.YearOutOfRange,
        'year',
        `${kind === 'targets' ? 'Targets' : 'Indicators'} are kept for the years ${first} to ${last} (10 years before the population baseline's year to ${kind === 'targets' ? '10 years ahead' : 'this year'}).`,
      );
    }
  }

  /** Refuses a participation band that cuts across the baseline's bands, naming the bands it can serve. */
  async assertBandServed(band: AgeBand): Promise<void> {
    const bands: Array<{ from: number; to: number | null }> = await this.dataSource.query(
      `SELECT DISTINCT c.age_from AS from, c.age_to AS to FROM population_cells c
        WHERE c.baseline_id = (SELECT id FROM population_baselines WHERE status = 'ready'
                                ORDER BY year DESC, created_at DESC LIMIT 1)
        ORDER BY 1`,
    );
    if (!bands.length || alignsWithBands(bands, band.from, band.to)) return;
    throw DomainException.field(
      ErrorCode.AgeBandNotServed,
      'ageFrom',
      `Ages ${formatAgeBand(band)} cut across the baseline's bands (${bands.map(formatAgeBand).join(', ')}): a band must start where one of them starts and end where one ends.`,
    );
  }

  async compute(year: number, ageBand = DEFAULT_AGE_BAND): Promise<IndicatorResults> {
    const today = todayInChina();
    const referenceDate = year < this.currentYear() ? `${year}-12-31` : today;
    const [baseline]: Array<{ id: string; name: string; source: string; year: number }> =
      await this.dataSource.query(
        `SELECT id, name, source, year FROM population_baselines WHERE status = 'ready'
        ORDER BY year DESC, created_at DESC LIMIT 1`,
      );
    return this.engine.compute({ year, referenceDate, baseline: baseline ?? null, ageBand });
  }

  /** Recomputes a year's provisional figures and stores them (the nightly job and the bureau's button). */
  async recompute(year: number, actorUserId: string | null = null): Promise<Stored> {
    await this.assertYear(year);
    const results = await this.compute(year);
    const text = JSON.stringify(results);
    const sum = checksum(text);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO indicator_snapshots (year, kind, baseline_id, results, checksum, computed_at)
         VALUES ($1, 'provisional', $2, $3, $4, now())
         ON CONFLICT (year, kind) DO UPDATE
           SET baseline_id = EXCLUDED.baseline_id, results = EXCLUDED.results, checksum = EXCLUDED.checksum,
               computed_at = EXCLUDED.computed_at`,
        [year, results.baseline?.id ?? null, text, sum],
      );
      // The nightly job's recomputations are in the job log; a person's are audited.
      if (actorUserId) {
        await this.audit.record(m, {
          action: 'indicators.recomputed',
          entityType: 'indicator_period',
          entityId: String(year),
          actorUserId,
          details: { checksum: sum },
        });
      }
    });
    return { results, computedAt: new Date(), checksum: sum };
  }

  /** The nightly job: this year and last, and every closed year (so restatements show up). */
  async recomputeAll(): Promise<number[]> {
    const current = this.currentYear();
    const closed: Array<{ year: number }> = await this.dataSource.query(
      `SELECT year FROM indicator_periods WHERE status = 'closed'`,
    );
    const years = [...new Set([current, current - 1, ...closed.map((c) => c.year)])].sort();
    for (const year of years) await this.recompute(year);
    this.logger.log({ msg: 'indicators recomputed', years });
    return years;
  }

  /**
   * A year's figures as the bureau may see them. Reading never writes: the figures come from the stored snapshots
   * (the frozen one of a closed year, else the provisional one of the nightly job or an explicit recompute); only
   * when nothing is stored yet, or a participation band other than the stored one is asked for, are figures computed
   * live, and then they are labelled so (`basis: 'live'`), never as closed.
   */
  async dashboard(user: AuthUser, year: number, ageBand?: AgeBand): Promise<IndicatorDashboard> {
    await this.assertYear(year);
    if (ageBand) await this.assertBandServed(ageBand);
    const frozen = await this.stored(year, 'frozen');
    const provisional = await this.stored(year, 'provisional');
    const official = frozen ?? provisional;
    const storedBand = official?.results.ageBand ?? DEFAULT_AGE_BAND;
    const otherBand = Boolean(ageBand && (ageBand.from !== storedBand.from || ageBand.to !== storedBand.to));
    const live = !official || otherBand ? await this.compute(year, ageBand ?? DEFAULT_AGE_BAND) : null;
    const shown = official ?? { results: live as IndicatorResults, computedAt: new Date(), checksum: '' };
    // Figures that depend on the band come from the live computation when another band is asked for.
    const figures = shown.results.indicators.map((f) =>
      otherBand && live && BAND_DEPENDENT.includes(f.code)
        ? { figure: live.indicators.find((l) => l.code === f.code) ?? f, basis: 'live' as const }
        : {
            figure: f,
            basis: !official ? ('live' as const) : frozen ? ('closed' as const) : ('provisional' as const),
          },
    );
    const patterns = suppressionPatterns(figures.map((f) => f.figure));
    const restatedPatterns =
      frozen && provisional ? suppressionPatterns(provisional.results.indicators) : null;
    const [targets, trend, names] = await Promise.all([
      this.targets(year),
      this.trend(),
      this.townshipNames(),
    ]);
    return {
      year,
      status: frozen ? 'closed' : 'open',
      referenceDate: shown.results.referenceDate,
      periodStart: shown.results.periodStart,
      windows: shown.results.windows ?? null,
      ageBand: otherBand && live ? live.ageBand : shown.results.ageBand,
      baseline: shown.results.baseline,
      computedAt: (provisional ?? shown).computedAt.toISOString(),
      frozenAt: frozen?.computedAt.toISOString() ?? null,
      live: Boolean(live),
      indicators: figures.map(({ figure, basis }) => {
        const { restated, definitionChange } =
          basis === 'closed'
            ? restatedOf(figure, provisional?.results.indicators, restatedPatterns)
            : { restated: undefined, definitionChange: null };
        return {
          ...publishFigure(user, figure, patterns.get(figure.code) as SuppressionPattern, {
            names,
            target: targets.get(figure.code) ?? null,
            trend: trend.get(figure.code) ?? [],
            restated,
          }),
          definitionChange,
          basis,
        };
      }),
    };
  }

  /** Closes a year: the figures computed now are frozen for good (checksum kept), and the period is closed. */
  async close(user: AuthUser, year: number): Promise<PeriodResponse> {
    await this.assertYear(year, 'targets');
    if (year > this.currentYear()) {
      throw DomainException.field(
        ErrorCode.ValidationFailed,
        'year',
        'A year still to come cannot be closed.',
      );
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO indicator_periods (year) VALUES ($1) ON CONFLICT DO NOTHING`, [year]);
      const [period]: Array<{ status: string }> = await m.query(
        `SELECT status FROM indicator_periods WHERE year = $1 FOR UPDATE`,
        [year],
      );
      if (period.status === 'closed') {
        throw new DomainException(
          ErrorCode.PeriodClosed,
          `${year} is already closed; its figures are frozen.`,
        );
      }
      const results = await this.compute(year);
      const text = JSON.stringify(results);
      const sum = checksum(text);
      await m.query(
        `INSERT INTO indicator_snapshots (year, kind, baseline_id, results, checksum, computed_at)
         VALUES ($1, 'frozen', $2, $3, $4, now())`,
        [year, results.baseline?.id ?? null, text, sum],
      );
      await m.query(
        `UPDATE indicator_periods SET status = 'closed', closed_at = now(), closed_by_user_id = $2 WHERE year = $1`,
        [year, user.id],
      );
      await this.audit.record(m, {
        action: 'indicators.period_closed',
        entityType: 'indicator_period',
        entityId: String(year),
        actorUserId: user.id,
        details: { checksum: sum, baselineId: results.baseline?.id ?? null },
      });
      return { year, status: 'closed' as const, closedAt: new Date().toISOString(), checksum: sum };
    });
  }

  async periods(): Promise<PeriodResponse[]> {
    const rows: Array<{
      year: number;
      status: 'open' | 'closed';
      closed_at: Date | null;
      checksum: string | null;
    }> = await this.dataSource.query(
      `SELECT p.year, p.status, p.closed_at, s.checksum FROM indicator_periods p
           LEFT JOIN indicator_snapshots s ON s.year = p.year AND s.kind = 'frozen' ORDER BY p.year DESC`,
    );
    return rows.map((r) => ({
      year: r.year,
      status: r.status,
      closedAt: r.closed_at?.toISOString() ?? null,
      checksum: r.checksum,
    }));
  }

  async setTarget(user: AuthUser, code: IndicatorCode, year: number, value: number): Promise<void> {
    await this.assertYear(year, 'targets');
    await this.dataSource.transaction(async (m) => {
      const [period]: Array<{ status: string }> = await m.query(
        `SELECT status FROM indicator_periods WHERE year = $1 FOR SHARE`,
        [year],
      );
      if (period?.status === 'closed') {
        throw new DomainException(
          ErrorCode.PeriodClosed,
          `${year} is closed: its targets are part of what was reported.`,
        );
      }
      await m.query(
        `INSERT INTO indicator_targets (code, year, value, set_by_user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code, year) DO UPDATE SET value = EXCLUDED.value, set_by_user_id = EXCLUDED.set_by_user_id,
                                                set_at = now()`,
        [code, year, value, user.id],
      );
      await this.audit.record(m, {
        action: 'indicators.target_set',
        entityType: 'indicator_target',
        entityId: `${code}:${year}`,
        actorUserId: user.id,
        details: { value },
      });
    });
  }

  async stored(year: number, kind: 'provisional' | 'frozen'): Promise<Stored | null> {
    const row = await this.dataSource.getRepository(IndicatorSnapshot).findOneBy({ year, kind });
    return row
      ? {
          results: JSON.parse(row.results) as IndicatorResults,
          computedAt: row.computedAt,
          checksum: row.checksum,
        }
      : null;
  }

  private async targets(year: number): Promise<Map<string, number>> {
    const rows: Array<{ code: string; value: string }> = await this.dataSource.query(
      `SELECT code, value FROM indicator_targets WHERE year = $1`,
      [year],
    );
    return new Map(rows.map((r) => [r.code, Number(r.value)]));
  }

  /** Each indicator's value per year: the frozen figure of a closed year, else the provisional one. */
  private async trend(): Promise<Map<string, TrendRow[]>> {
    const rows: Array<{ year: number; kind: string; results: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (year) year, kind, results FROM indicator_snapshots
        ORDER BY year, (kind = 'frozen') DESC`,
    );
    const trend = new Map<string, TrendRow[]>();
    for (const row of rows) {
      const results = JSON.parse(row.results) as IndicatorResults;
      for (const f of results.indicators) {
        const points = trend.get(f.code) ?? [];
        points.push({
          year: row.year,
          value: f.value,
          frozen: row.kind === 'frozen',
          numerator: f.numerator,
          denominator: f.denominator,
          people: f.people,
        });
        trend.set(f.code, points);
      }
    }
    return trend;
  }

  private async townshipNames(): Promise<Map<string, string>> {
    const rows: Array<{ code: string; name: string }> = await this.dataSource.query(
      `SELECT code, name FROM townships`,
    );
    return new Map(rows.map((r) => [r.code.trim(), r.name]));
  }
}
