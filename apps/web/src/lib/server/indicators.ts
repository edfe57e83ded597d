import type { Schemas } from '@cll/api-client';
import { ErrorCode, type IndicatorCode, Role } from '@cll/domain';
import { error, type RequestEvent } from '@sveltejs/kit';
import { shanghaiDate } from '$lib/datetime.js';
import { publishableTrend, type FigureView, type PeriodView } from '$lib/indicators.js';
import { api } from './api.js';
import { throwApiError } from './errors.js';
import { requireUser } from './session.js';

export type Dashboard = Schemas['IndicatorDashboard'];
export type Figure = Schemas['IndicatorFigureResponse'];

const BUREAU_ROLES: readonly string[] = [Role.BureauAnalyst, Role.BureauAdmin];
const ADMIN_ROLE: string = Role.BureauAdmin;
/** The API keeps reporting years from 2000. */
const FIRST_YEAR = 2000;
/** Earlier years offered in the year list even before any of them has figures. */
const YEARS_BACK = 5;

/**
 * The indicator pages are for bureau analysts and administrators; administrators also recompute, close years, set
 * targets and upload baselines. The API enforces the same; checking here gives everyone else a plain 403 page.
 */
export function requireBureau(event: RequestEvent): { isAdmin: boolean } {
  const roles: string[] = requireUser(event).roles.map((r) => r.role);
  if (!roles.some((role) => BUREAU_ROLES.includes(role)))
    error(403, { message: 'error.FORBIDDEN', code: ErrorCode.Forbidden });
  return { isAdmin: roles.includes(ADMIN_ROLE) };
}

export function requireBureauAdmin(event: RequestEvent): void {
  if (!requireBureau(event).isAdmin) error(403, { message: 'error.FORBIDDEN', code: ErrorCode.Forbidden });
}

/** The county's current year (China time), as the API counts it. */
export function thisYear(): number {
  return Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
}

/** `?year=` when it is a reporting year up to this one; this year otherwise. */
export function readYear(value: string | null): number {
  const current = thisYear();
  if (!value || !/^\d{4}$/.test(value)) return current;
  const year = Number(value);
  return year >= FIRST_YEAR && year <= current ? year : current;
}

/** The years to choose from: this year and earlier ones, with those already closed marked. */
export function yearOptions(
  periods: ReadonlyArray<{ year: number; status: string }>,
  known: readonly number[],
): Array<{ year: number; closed: boolean }> {
  const current = thisYear();
  const closed = new Set(periods.filter((p) => p.status === 'closed').map((p) => p.year));
  const earliest = Math.max(
    FIRST_YEAR,
    Math.min(current - YEARS_BACK, ...periods.map((p) => p.year), ...known),
  );
  const years: Array<{ year: number; closed: boolean }> = [];
  for (let year = current; year >= earliest; year -= 1) years.push({ year, closed: closed.has(year) });
  return years;
}

export async function loadDashboard(
  event: RequestEvent,
  year: number,
  band?: { from: number; to: number },
): Promise<Dashboard> {
  const result = await api(event).GET('/api/indicators', {
    params: { query: { year, ageFrom: band?.from, ageTo: band?.to } },
  });
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

export async function loadPeriods(event: RequestEvent): Promise<Schemas['PeriodResponse'][]> {
  const result = await api(event).GET('/api/indicators/periods');
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/** What every indicator page shows about the year's figures: their status, period, baseline and age band. */
export function periodView(dashboard: Dashboard): PeriodView {
  return {
    year: dashboard.year,
    status: dashboard.status,
    referenceDate: dashboard.referenceDate,
    periodStart: dashboard.periodStart,
    computedAt: dashboard.computedAt,
    frozenAt: dashboard.frozenAt,
    live: dashboard.live,
    ageBand: { ...dashboard.ageBand },
    baseline: dashboard.baseline ? { ...dashboard.baseline } : null,
    windows: dashboard.windows
      ? {
          period: { ...dashboard.windows.period },
          '12m': { ...dashboard.windows['12m'] },
          '4w': { ...dashboard.windows['4w'] },
          '90d': { ...dashboard.windows['90d'] },
        }
      : null,
  };
}

/** A figure without its breakdowns, its trend cleared of small counts the published cells would hide. */
export function figureView(figure: Figure): FigureView {
  const { unit, counting } = figure;
  return {
    // The API's IndicatorCode is the domain's enum, written out as a union of its values.
    code: figure.code as IndicatorCode,
    version: figure.version,
    unit,
    counting,
    formula: figure.formula,
    needsBaseline: figure.needsBaseline,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    suppressed: figure.suppressed,
    target: figure.target,
    gap: figure.gap,
    trend: publishableTrend({ unit, counting }, figure.trend),
    restatement: figure.restatement ? { ...figure.restatement } : null,
    definitionChange: figure.definitionChange ? { ...figure.definitionChange } : null,
    window: figure.window,
    basis: figure.basis,
  };
}
