import { Injectable } from '@nestjs/common';
import { IndicatorCode, maskName, periodWindow, type DateWindow } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { bureauTownshipPrefixes } from '../organisations/provider-access.js';
import { FAST_BY_PROVIDER, FAST_COMPLETION_SHARE, FAST_ROWS } from './data-quality.queries.js';
import type {
  FastCompletionRowsResponse,
  FastCompletionsResponse,
  MovedFigure,
  MovedFiguresResponse,
} from './dto/data-quality.dto.js';
import type { IndicatorFigureResponse, RestatementResponse } from './dto/indicator.dto.js';
import { IndicatorsService } from './indicators.service.js';

export const FAST_ROW_LIMIT = 500;

interface RawRow {
  recordId: string;
  enrolmentId: string;
  learner: string;
  township: string;
  courseTitle: string;
  providerId: string;
  providerName: string;
  plannedHours: number;
  startedAt: Date;
  completedAt: Date;
  durationSeconds: number;
}

/** A cell that moved, before sorting: its change may be shown or is hidden. */
function moved(
  figure: IndicatorFigureResponse,
  township: { key: string; label: string | null } | null,
  closed: number | null,
  restatement: RestatementResponse,
): MovedFigure {
  const change = restatement.suppressed ? null : restatement.difference;
  return {
    code: figure.code,
    unit: figure.unit,
    counting: figure.counting,
    township: township?.key ?? null,
    label: township?.label ?? null,
    closed: restatement.suppressed ? null : closed,
    current: restatement.suppressed ? null : restatement.value,
    change,
    relativeChange: change !== null && closed !== null && closed !== 0 ? change / Math.abs(closed) : null,
  };
}

/**
 * The bureau's data-quality view: completions recorded faster than their course's planned hours allow (counts by
 * provider, and the enrolments behind them as an audited list with masked names), and the figures of the last closed
 * year that moved most since the close. The second reads only the stored snapshots through the dashboard, so every
 * suppression rule of the publication applies to the closed value, to the recomputed one and to the change.
 */
@Injectable()
export class DataQualityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  private async window(year: number): Promise<DateWindow> {
    await this.indicators.assertYear(year);
    const reference = year < this.indicators.currentYear() ? `${year}-12-31` : todayInChina();
    return periodWindow(year, reference);
  }

  async fastCompletions(user: AuthUser, year: number): Promise<FastCompletionsResponse> {
    const window = await this.window(year);
    const rows: Array<{ providerId: string; providerName: string; completions: number; fast: number }> =
      await this.dataSource.query(FAST_BY_PROVIDER, [
        window.first,
        window.last,
        FAST_COMPLETION_SHARE,
        bureauTownshipPrefixes(user),
      ]);
    const providers = rows
      .map((r) => ({ ...r, share: r.completions ? r.fast / r.completions : 0 }))
      .sort(
        (a, b) =>
          b.share - a.share || b.fast - a.fast || a.providerName.localeCompare(b.providerName, 'zh-CN'),
      );
    return { year, window, threshold: FAST_COMPLETION_SHARE, providers };
  }

  /** The enrolments behind the fast completions: people, so every view is on the audit trail. */
  async fastRows(
    user: AuthUser,
    year: number,
    providerId: string | null,
  ): Promise<FastCompletionRowsResponse> {
    const window = await this.window(year);
    const rows: RawRow[] = await this.dataSource.query(FAST_ROWS, [
      window.first,
      window.last,
      FAST_COMPLETION_SHARE,
      bureauTownshipPrefixes(user),
      providerId,
      FAST_ROW_LIMIT,
    ]);
    await this.audit.record(this.dataSource.manager, {
      action: 'data_quality.fast_completions_viewed',
      entityType: 'provider',
      entityId: providerId ?? 'all',
      actorUserId: user.id,
      details: { year, shown: rows.map((r) => r.recordId) },
    });
    return {
      year,
      window,
      threshold: FAST_COMPLETION_SHARE,
      limit: FAST_ROW_LIMIT,
      rows: rows.map((r) => ({
        recordId: r.recordId,
        enrolmentId: r.enrolmentId,
        learner: maskName(r.learner),
        township: r.township.trim(),
        courseTitle: r.courseTitle,
        providerId: r.providerId,
        providerName: r.providerName,
        plannedHours: r.plannedHours,
        startedAt: r.startedAt.toISOString(),
        completedAt: r.completedAt.toISOString(),
        durationSeconds: Math.round(r.durationSeconds),
      })),
    };
  }

  /**
   * The closed year's published cells (each figure's county value and its township cells) against the same year
   * recomputed now. The changes that may be shown are sorted by size; the hidden ones are listed apart in the
   * indicators' own order, so their place in the list says nothing about their size. A township-limited user sees
   * only the cells of their townships.
   */
  async movedFigures(
    user: AuthUser,
    year: number | undefined,
    sort: 'relative' | 'absolute',
  ): Promise<MovedFiguresResponse> {
    const closed = year ?? (await this.lastClosedYear());
    const empty = { year: closed, frozenAt: null, computedAt: null, sort, moved: [], hidden: [] };
    if (closed === null) return empty;
    const dashboard = await this.indicators.dashboard(user, closed);
    if (dashboard.status !== 'closed') return { ...empty, computedAt: dashboard.computedAt };
    const countyWide = bureauTownshipPrefixes(user) === null;
    const all: MovedFigure[] = [];
    for (const figure of dashboard.indicators) {
      if (countyWide && figure.restatement) all.push(moved(figure, null, figure.value, figure.restatement));
      for (const cell of figure.breakdowns.township ?? []) {
        if (cell.restatement) all.push(moved(figure, cell, cell.value, cell.restatement));
      }
    }
    const size = (m: MovedFigure) =>
      sort === 'absolute' ? Math.abs(m.change ?? 0) : Math.abs(m.relativeChange ?? Number.POSITIVE_INFINITY);
    const order = Object.values(IndicatorCode);
    const shown = all
      .filter((m) => m.change !== null)
      .sort((a, b) => size(b) - size(a) || order.indexOf(a.code) - order.indexOf(b.code));
    return {
      year: closed,
      frozenAt: dashboard.frozenAt,
      computedAt: dashboard.computedAt,
      sort,
      moved: shown,
      hidden: all.filter((m) => m.change === null),
    };
  }

  private async lastClosedYear(): Promise<number | null> {
    const [row]: Array<{ year: number | null }> = await this.dataSource.query(
      `SELECT max(year)::int AS year FROM indicator_periods WHERE status = 'closed'`,
    );
    return row?.year ?? null;
  }
}
