import { Injectable } from '@nestjs/common';
import type { AgreementState } from '@cll/domain';
import { DataSource } from 'typeorm';
import type { ReplaySummary } from './dto/agreement.dto.js';

/**
 * The state of every agreement on a reference date, replayed from the append-only events: the last state-changing
 * event (by sequence) whose effective date is on or before the date. Indicators use this for any past date.
 */
export const STATES_ON = `
  SELECT DISTINCT ON (e.agreement_id) e.agreement_id, e.state_after AS state
    FROM apprenticeship_events e
   WHERE e.state_after IS NOT NULL AND e.effective_date <= $1
   ORDER BY e.agreement_id, e.seq DESC`;

export interface ScopeFilter {
  /** Only these schools' agreements; all when absent. */
  providerIds?: string[];
}

@Injectable()
export class ReplayService {
  constructor(private readonly dataSource: DataSource) {}

  async statesOn(date: string, scope: ScopeFilter = {}): Promise<Map<string, AgreementState>> {
    const rows: Array<{ agreement_id: string; state: AgreementState }> = await this.dataSource.query(
      `SELECT s.agreement_id, s.state FROM (${STATES_ON}) s
         JOIN apprenticeship_agreements a ON a.id = s.agreement_id
        WHERE $2::uuid[] IS NULL OR a.provider_id = ANY($2)`,
      [date, scope.providerIds ?? null],
    );
    return new Map(rows.map((r) => [r.agreement_id, r.state]));
  }

  /**
   * Counts on `date`: active and paused agreements; apprenticeships started by then (a transfer continues an
   * apprenticeship, so only agreements without a predecessor count as starts), completed, withdrawn and transferred
   * by then; hours on days up to the date, counted once signed by that date.
   */
  async summaryOn(date: string, scope: ScopeFilter = {}): Promise<ReplaySummary> {
    const [row]: Array<Omit<ReplaySummary, 'date'>> = await this.dataSource.query(
      `WITH scoped AS (
         SELECT id, predecessor_id FROM apprenticeship_agreements WHERE $2::uuid[] IS NULL OR provider_id = ANY($2)
       ), states AS (
         SELECT s.* FROM (${STATES_ON}) s JOIN scoped ON scoped.id = s.agreement_id
       ), firsts AS (
         SELECT e.agreement_id, e.type, min(e.effective_date) AS on_date
           FROM apprenticeship_events e JOIN scoped ON scoped.id = e.agreement_id
          WHERE e.type IN ('activated', 'completed', 'withdrawn', 'transferred')
          GROUP BY e.agreement_id, e.type
       ), hours AS (
         SELECT COALESCE(sum(d.school_hours) FILTER (
                  WHERE w.school_status = 'signed' AND (w.school_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1), 0) AS school,
                COALESCE(sum(d.workplace_hours) FILTER (
                  WHERE w.workplace_status = 'signed' AND (w.workplace_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1), 0) AS workplace
           FROM apprenticeship_log_days d
           JOIN apprenticeship_log_weeks w ON w.id = d.week_id
           JOIN scoped ON scoped.id = w.agreement_id
          WHERE d.day <= $1
       )
       SELECT (SELECT count(*) FROM states WHERE state = 'active')::int AS active,
              (SELECT count(*) FROM states WHERE state = 'paused')::int AS paused,
              (SELECT count(*) FROM firsts f JOIN scoped ON scoped.id = f.agreement_id
                WHERE f.type = 'activated' AND f.on_date <= $1 AND scoped.predecessor_id IS NULL)::int AS started,
              (SELECT count(*) FROM firsts WHERE type = 'completed' AND on_date <= $1)::int AS completed,
              (SELECT count(*) FROM firsts WHERE type = 'withdrawn' AND on_date <= $1)::int AS withdrawn,
              (SELECT count(*) FROM firsts WHERE type = 'transferred' AND on_date <= $1)::int AS transferred,
              (SELECT school FROM hours)::float8 AS "signedSchoolHours",
              (SELECT workplace FROM hours)::float8 AS "signedWorkplaceHours"`,
      [date, scope.providerIds ?? null],
    );
    return { date, ...row };
  }
}
