/**
 * Apprenticeships (现代学徒制 led by a school, 企业新型学徒制 led by an enterprise): the rules both the API and the web
 * app apply, and the early-warning rule as a pure function.
 */

export enum ApprenticeshipScheme {
  /** 现代学徒制: school-led, the apprentice is a student of the school. */
  Modern = 'modern',
  /** 企业新型学徒制: enterprise-led, the apprentice is an employee trained with a school. */
  EnterpriseNew = 'enterprise_new',
}
export const APPRENTICESHIP_SCHEMES = Object.values(ApprenticeshipScheme);

/** State of an agreement, derived from its events. */
export enum AgreementState {
  /** Drafted or changed: the current version waits for confirmations. */
  Pending = 'pending',
  Active = 'active',
  /** A break in learning. */
  Paused = 'paused',
  Withdrawn = 'withdrawn',
  /** Continued with another enterprise under a linked agreement. */
  Transferred = 'transferred',
  Completed = 'completed',
}
export const AGREEMENT_STATES = Object.values(AgreementState);
export const ENDED_STATES: readonly AgreementState[] = [
  AgreementState.Withdrawn,
  AgreementState.Transferred,
  AgreementState.Completed,
];

export enum AgreementEventType {
  Drafted = 'drafted',
  Amended = 'amended',
  Confirmed = 'confirmed',
  Activated = 'activated',
  Paused = 'paused',
  Resumed = 'resumed',
  Withdrawn = 'withdrawn',
  Transferred = 'transferred',
  Completed = 'completed',
}
export const AGREEMENT_EVENT_TYPES = Object.values(AgreementEventType);

/** The state an event leads to; confirmations change nothing by themselves. */
export const STATE_AFTER: Record<AgreementEventType, AgreementState | null> = {
  [AgreementEventType.Drafted]: AgreementState.Pending,
  [AgreementEventType.Amended]: AgreementState.Pending,
  [AgreementEventType.Confirmed]: null,
  [AgreementEventType.Activated]: AgreementState.Active,
  [AgreementEventType.Paused]: AgreementState.Paused,
  [AgreementEventType.Resumed]: AgreementState.Active,
  [AgreementEventType.Withdrawn]: AgreementState.Withdrawn,
  [AgreementEventType.Transferred]: AgreementState.Transferred,
  [AgreementEventType.Completed]: AgreementState.Completed,
};

export enum AgreementParty {
  School = 'school',
  Enterprise = 'enterprise',
  Apprentice = 'apprentice',
  Guardian = 'guardian',
}
export const AGREEMENT_PARTIES = Object.values(AgreementParty);

export enum WithdrawalReason {
  ChangedJob = 'changed_job',
  FurtherStudy = 'further_study',
  Health = 'health',
  Family = 'family',
  EnterpriseClosed = 'enterprise_closed',
  Dismissed = 'dismissed',
  Other = 'other',
}
export const WITHDRAWAL_REASONS = Object.values(WithdrawalReason);

/** Where training took place; each setting's hours are signed by that setting's mentor. */
export enum TrainingSetting {
  School = 'school',
  Workplace = 'workplace',
}
export const TRAINING_SETTINGS = Object.values(TrainingSetting);

export enum LogStatus {
  /** No hours in this setting that week. */
  None = 'none',
  Submitted = 'submitted',
  Signed = 'signed',
  Returned = 'returned',
}
export const LOG_STATUSES = Object.values(LogStatus);

export enum AssessmentKind {
  Milestone = 'milestone',
  Final = 'final',
}
export const ASSESSMENT_KINDS = Object.values(AssessmentKind);

export enum AssessmentResult {
  Passed = 'passed',
  Failed = 'failed',
}
export const ASSESSMENT_RESULTS = Object.values(AssessmentResult);

export const APPRENTICE_MIN_AGE = 16;
/** Under this age at the start date a guardian must consent. */
export const ADULT_AGE = 18;
export const MAX_WORKPLACE_HOURS_PER_DAY = 8;
export const MAX_WORKPLACE_HOURS_PER_WEEK = 40;

// ---- ISO weeks -------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(utc(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
}

/** The ISO 8601 week of a date, as 2026-W48. */
export function isoWeekOf(date: string): string {
  const d = utc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = utc(`${year}-01-04`);
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.round((thursday.getTime() - 3 * DAY_MS - firstMonday) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week such as 2026-W48, or null when the text is not a week that exists. */
export function mondayOfIsoWeek(week: string): string | null {
  const match = ISO_WEEK_PATTERN.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const jan4 = utc(`${match[1]}-01-04`);
  const firstMonday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const monday = isoDate(new Date(firstMonday + (n - 1) * 7 * DAY_MS));
  return n >= 1 && isoWeekOf(monday) === `${year}-W${match[2]}` ? monday : null;
}

// ---- Early warning ---------------------------------------------------------------------------------------------

export enum WarningFlag {
  /** Signed workplace hours behind the plan by more than the set share. */
  HoursBehind = 'hours_behind',
  /** Two or more weeks waiting for a signature for more than ten days. */
  UnsignedWeeks = 'unsigned_weeks',
  /** No milestone assessment in the last twelve weeks. */
  NoMilestone = 'no_milestone',
}
export const WARNING_FLAGS = Object.values(WarningFlag);

export const WARNING_RULES = {
  /** Flag when signed workplace hours are more than this share below the hours planned by today. */
  behindShare: 0.2,
  unsignedWeeks: 2,
  unsignedDays: 10,
  milestoneWeeks: 12,
} as const;

export interface WarningFacts {
  startDate: string;
  plannedEndDate: string;
  plannedWorkplaceHours: number;
  signedWorkplaceHours: number;
  /** Submission dates (YYYY-MM-DD) of weeks that still wait for a signature. */
  unsignedSubmittedOn: string[];
  /** Date of the latest assessment of any kind, or null. */
  lastAssessmentOn: string | null;
}

export interface Warning {
  flag: WarningFlag;
  /** The figures behind the flag, for the reason shown to the coordinator. */
  figures: Record<string, number | string | null>;
}

/** Workplace hours the plan expects by `today`: the planned total spread evenly from start to planned end. */
export function plannedHoursBy(facts: WarningFacts, today: string): number {
  const total = Math.max(1, daysBetween(facts.startDate, facts.plannedEndDate));
  const elapsed = Math.min(total, Math.max(0, daysBetween(facts.startDate, today)));
  return Math.round((facts.plannedWorkplaceHours * elapsed) / total);
}

/** The early-warning rule for an active agreement on `today`; an empty list means no concern. */
export function warningsFor(facts: WarningFacts, today: string): Warning[] {
  const warnings: Warning[] = [];
  const expected = plannedHoursBy(facts, today);
  if (expected > 0 && facts.signedWorkplaceHours < expected * (1 - WARNING_RULES.behindShare)) {
    warnings.push({
      flag: WarningFlag.HoursBehind,
      figures: {
        expected,
        signed: facts.signedWorkplaceHours,
        shortShare: Math.round((1 - facts.signedWorkplaceHours / expected) * 100) / 100,
      },
    });
  }
  const overdue = facts.unsignedSubmittedOn.filter((d) => daysBetween(d, today) > WARNING_RULES.unsignedDays);
  if (overdue.length >= WARNING_RULES.unsignedWeeks) {
    warnings.push({ flag: WarningFlag.UnsignedWeeks, figures: { weeks: overdue.length } });
  }
  const since = facts.lastAssessmentOn ?? facts.startDate;
  const days = daysBetween(since, today);
  if (days > WARNING_RULES.milestoneWeeks * 7) {
    warnings.push({
      flag: WarningFlag.NoMilestone,
      figures: { lastAssessmentOn: facts.lastAssessmentOn, weeks: Math.floor(days / 7) },
    });
  }
  return warnings;
}

/**
 * A sortable risk score: each flag counts, and hours further behind and more overdue weeks weigh more, so the
 * coordinator's list puts the most worrying agreement first.
 */
export function riskScore(warnings: Warning[]): number {
  let score = 0;
  for (const w of warnings) {
    if (w.flag === WarningFlag.HoursBehind) score += 1 + Number(w.figures.shortShare);
    if (w.flag === WarningFlag.UnsignedWeeks) score += 1 + Number(w.figures.weeks) / 10;
    if (w.flag === WarningFlag.NoMilestone) score += 1;
  }
  return Math.round(score * 100) / 100;
}
