import { Injectable } from '@nestjs/common';
import { ErrorCode, IndicatorCode, periodWindow, rollingWindow, suppressCounts } from '@cll/domain';
import { DataSource } from 'typeorm';
import writeExcelFile from 'write-excel-file/node';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { inBureauScope } from '../organisations/provider-access.js';
import type { DrillRow, IndicatorDashboard, PublishedCell } from './dto/indicator.dto.js';
import { DEFAULT_AGE_BAND, IndicatorsService } from './indicators.service.js';
import { csvLine } from '../common/csv.js';

/**
 * Record-based drill-downs: which completions count, as SQL over learning_records r, profiles p, programmes pg, in
 * the figure's own window (the one window rule: first day to the reference date, both counted).
 */
const RECORD_FILTERS: Partial<Record<IndicatorCode, { window: 'period' | '12m' | '4w'; where: string }>> = {
  [IndicatorCode.Participation12m]: { window: '12m', where: 'AGE_FILTER' },
  [IndicatorCode.Participation4w]: { window: '4w', where: 'AGE_FILTER' },
  [IndicatorCode.ElderlyParticipation]: {
    window: '12m',
    where: `date_part('year', age($1::date, p.birth_date)) >= 60`,
  },
  [IndicatorCode.SkillsTrainingVolume]: { window: 'period', where: `pg.kind = 'vocational_skill'` },
  [IndicatorCode.SkillsTrainees]: { window: 'period', where: `pg.kind = 'vocational_skill'` },
  [IndicatorCode.UpgradingContribution]: {
    window: 'period',
    where: 'pg.confers_attainment IS NOT NULL',
  },
  [IndicatorCode.Completions]: { window: 'period', where: 'true' },
  [IndicatorCode.CertificatesIssued]: {
    window: 'period',
    where: `EXISTS (SELECT 1 FROM certificates k WHERE k.record_id = r.id AND k.revoked_at IS NULL)`,
  },
};

const APPRENTICESHIP_CODES = [
  IndicatorCode.ApprenticesStarted,
  IndicatorCode.ApprenticesActive,
  IndicatorCode.ApprenticesCompleted,
  IndicatorCode.ApprenticesWithdrawn,
  IndicatorCode.ApprenticeSchoolHours,
  IndicatorCode.ApprenticeWorkplaceHours,
];

/**
 * From a township's figure to the courses and providers behind it, never to named residents; and the exports of a
 * year's published figures. Cells counting fewer than five people are suppressed here too.
 */
@Injectable()
export class IndicatorReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  async drill(user: AuthUser, year: number, code: IndicatorCode, township: string): Promise<DrillRow[]> {
    await this.indicators.assertYear(year);
    if (!inBureauScope(user, township))
      throw new DomainException(ErrorCode.NotFound, 'No such township in your area.');
    const referenceDate = year < this.indicators.currentYear() ? `${year}-12-31` : todayInChina();
    const params = [referenceDate, `${year}-01-01`, township];
    let rows: DrillRow[] = [];
    const filter = RECORD_FILTERS[code];
    if (filter) {
      const age = `date_part('year', age($1::date, p.birth_date)) BETWEEN ${DEFAULT_AGE_BAND.from} AND ${DEFAULT_AGE_BAND.to}`;
      rows = await this.dataSource.query(
        `SELECT r.course_id AS "courseId", r.course_title AS title, r.provider_id AS "providerId",
                r.provider_name AS "providerName", count(DISTINCT r.learner_user_id)::int AS persons,
                count(*)::int AS times
           FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
           LEFT JOIN courses c ON c.id = r.course_id LEFT JOIN programmes pg ON pg.id = c.programme_id
          WHERE p.township_code = $3 AND r.completed_on >= $4::date AND r.completed_on <= $1::date
            AND $2::date <= $1::date
            AND ${filter.where.replace('AGE_FILTER', age)}
          GROUP BY 1, 2, 3, 4 ORDER BY times DESC, title LIMIT 200`,
        [
          ...params,
          filter.window === 'period'
            ? periodWindow(year, referenceDate).first
            : rollingWindow(referenceDate, filter.window).first,
        ],
      );
    } else if (
      code === IndicatorCode.ElderlyTownshipCoverage ||
      code === IndicatorCode.VillagePointCoverage
    ) {
      rows = await this.dataSource.query(
        `SELECT c.id AS "courseId", c.title, pr.id AS "providerId", pr.name AS "providerName",
                NULL::int AS persons, count(*)::int AS times
           FROM course_sessions s JOIN courses c ON c.id = s.course_id JOIN programmes pg ON pg.id = c.programme_id
           JOIN providers pr ON pr.id = c.provider_id
          WHERE s.township_code = $2 AND s.cancelled_at IS NULL
            AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
            AND (s.ends_at AT TIME ZONE 'Asia/Shanghai')::date >= $4::date
            AND ($3 = false OR pg.kind = 'elderly')
          GROUP BY 1, 2, 3, 4 ORDER BY times DESC, c.title LIMIT 200`,
        [
          referenceDate,
          township,
          code === IndicatorCode.ElderlyTownshipCoverage,
          rollingWindow(referenceDate, '90d').first,
        ],
      );
      return rows; // sessions and places, not people: nothing to suppress
    } else if (APPRENTICESHIP_CODES.includes(code)) {
      rows = await this.dataSource.query(
        `SELECT NULL::uuid AS "courseId", a.occupation_name || ' · ' || e.name AS title, pr.id AS "providerId",
                pr.name AS "providerName", count(DISTINCT a.apprentice_user_id)::int AS persons, count(*)::int AS times
           FROM apprenticeship_agreements a JOIN learner_profiles p ON p.user_id = a.apprentice_user_id
           JOIN providers pr ON pr.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id
          WHERE p.township_code = $3 AND a.start_date <= $1::date AND a.planned_end_date >= $2::date
          GROUP BY 1, 2, 3, 4 ORDER BY times DESC, title LIMIT 200`,
        params,
      );
    }
    const hidden = suppressCounts(rows.map((r) => r.persons ?? 0)).cells.map((v) => v === null);
    await this.audit.record(this.dataSource.manager, {
      action: 'indicators.drill_viewed',
      entityType: 'indicator',
      entityId: code,
      actorUserId: user.id,
      details: { year, township },
    });
    return rows.map((r, i) => (hidden[i] ? { ...r, persons: null, times: null } : r));
  }

  /** The published figures of a year as rows: one per indicator and breakdown cell. */
  rows(dashboard: IndicatorDashboard): Array<Array<string | number | null>> {
    const header = [
      'year',
      'indicator',
      'version',
      'dimension',
      'key',
      'label',
      'numerator',
      'denominator',
      'value',
    ];
    const out: Array<Array<string | number | null>> = [header];
    for (const f of dashboard.indicators) {
      out.push([dashboard.year, f.code, f.version, 'total', '', '', f.numerator, f.denominator, f.value]);
      for (const [dimension, cells] of Object.entries(f.breakdowns) as Array<
        [string, PublishedCell[] | undefined]
      >) {
        for (const c of cells ?? []) {
          out.push([
            dashboard.year,
            f.code,
            f.version,
            dimension,
            c.key,
            c.label,
            c.numerator,
            c.denominator,
            c.value,
          ]);
        }
      }
    }
    return out;
  }

  /** The CSV lines (UTF-8, with a BOM first so spreadsheet programs read the Chinese), for streaming. */
  async *csv(user: AuthUser, year: number): AsyncGenerator<string> {
    const rows = this.rows(await this.indicators.dashboard(user, year));
    yield '\uFEFF';
    for (const row of rows) yield csvLine(row);
  }

  async xlsx(user: AuthUser, year: number): Promise<Buffer> {
    const rows = this.rows(await this.indicators.dashboard(user, year));
    return writeExcelFile(
      rows.map((r, i) =>
        r.map((v) => (v === null ? null : { value: v, fontWeight: i === 0 ? ('bold' as const) : undefined })),
      ),
      { sheet: String(year) },
    ).toBuffer();
  }
}
