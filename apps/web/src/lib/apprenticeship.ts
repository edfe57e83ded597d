import {
  AgreementParty,
  AgreementState,
  ENDED_STATES,
  WARNING_RULES,
  type AgreementEventType,
  type WarningFlag,
} from '@cll/domain';
import { formatNumber } from './course-view.js';
import { formatDate, formatShortDate } from './format.js';
import { weekParts } from './training-log.js';
import type { Locale, Message } from './i18n/index.js';

/** How an apprenticeship agreement reads on the page, and which of its actions apply in which state. */

export interface WarningView {
  flag: `${WarningFlag}`;
  figures: Record<string, number | string | null>;
}

const figure = (figures: WarningView['figures'], name: string): number => {
  const value = Number(figures[name]);
  return Number.isFinite(value) ? value : 0;
};

/**
 * An early-warning flag with its reason in words, e.g. 「签字确认的岗位学时落后计划 35%（应 420，实 273）」. The figures
 * come from the API; the thresholds named in the text come from the same rule the API applies.
 */
export function warningMessage(locale: Locale, warning: WarningView): Message {
  const { figures } = warning;
  switch (warning.flag) {
    case 'hours_behind':
      return {
        key: 'warning.hours_behind',
        params: {
          percent: Math.round(figure(figures, 'shortShare') * 100),
          expected: formatNumber(locale, figure(figures, 'expected')),
          signed: formatNumber(locale, figure(figures, 'signed')),
        },
      };
    case 'unsigned_weeks':
      return {
        key: 'warning.unsigned_weeks',
        params: { weeks: figure(figures, 'weeks'), days: WARNING_RULES.unsignedDays },
      };
    case 'no_milestone': {
      const last = figures.lastAssessmentOn;
      const weeks = figure(figures, 'weeks');
      return typeof last === 'string' && last
        ? { key: 'warning.no_milestone.since', params: { weeks, date: formatDate(locale, last) } }
        : { key: 'warning.no_milestone.never', params: { weeks } };
    }
  }
}

/** The parties whose confirmation an agreement needs: the guardian too when the apprentice is a minor. */
export function requiredParties(guardianRequired: boolean): Array<`${AgreementParty}`> {
  const parties: Array<`${AgreementParty}`> = [
    AgreementParty.School,
    AgreementParty.Enterprise,
    AgreementParty.Apprentice,
  ];
  if (guardianRequired) parties.push(AgreementParty.Guardian);
  return parties;
}

/** The party labels joined for a sentence: 「企业、学徒」 / "Company, Apprentice". */
export function partyList(t: (key: string) => string, parties: readonly string[]): string {
  return parties.map((party) => t(`agreementParty.${party}`)).join(t('list.separator'));
}

/** Whether the signed-in user may confirm the current version for `party` now. */
export function canConfirm(
  agreement: { state: string; pendingParties: readonly string[]; myParties: readonly string[] },
  party: `${AgreementParty}`,
): boolean {
  return (
    agreement.state === PENDING &&
    agreement.pendingParties.includes(party) &&
    agreement.myParties.includes(party)
  );
}

const PENDING: string = AgreementState.Pending;
const RUNNING: readonly string[] = [AgreementState.Active, AgreementState.Paused];
const ENDED: readonly string[] = ENDED_STATES;

/** Which of the school's changes apply in a state (the API refuses the others with AGREEMENT_STATE_INVALID). */
export function schoolActions(state: string) {
  const is = (...states: string[]) => states.includes(state);
  return {
    amend: is(AgreementState.Pending, AgreementState.Active),
    pause: is(AgreementState.Active),
    resume: is(AgreementState.Paused),
    withdraw: is(AgreementState.Pending, AgreementState.Active, AgreementState.Paused),
    transfer: is(AgreementState.Active, AgreementState.Paused),
  };
}

/** Assessments are recorded while the apprenticeship runs (a passed final one only while it is active). */
export function canAssess(state: string): boolean {
  return RUNNING.includes(state);
}

/** Agreements that have ended: no more changes, no more logging. */
export function hasEnded(state: string): boolean {
  return ENDED.includes(state);
}

/** A pending agreement that every party has confirmed only waits for its start date. */
export function waitsForStart(agreement: { state: string; pendingParties: readonly string[] }): boolean {
  return agreement.state === PENDING && agreement.pendingParties.length === 0;
}

export interface AgreementEventView {
  type: `${AgreementEventType}`;
  version: number;
  party: string | null;
  reasonCode: string | null;
  reason: string | null;
}

/** One line of an agreement's history in words: 「学校确认了第 2 版」. */
export function eventMessage(t: (key: string) => string, event: AgreementEventView): Message {
  const party = event.party ? t(`agreementParty.${event.party}`) : '';
  return { key: `agreementEvent.${event.type}`, params: { version: event.version, party } };
}

/** Where a user goes for an agreement, by the side they are on: the school, the company or the apprentice. */
export function agreementHome(
  id: string,
  agreement: { myParties: readonly string[]; providerId: string },
  week?: string | null,
): string {
  if (agreement.myParties.includes(AgreementParty.School)) {
    return `/provider/apprenticeships/${id}?provider=${encodeURIComponent(agreement.providerId)}`;
  }
  if (agreement.myParties.includes(AgreementParty.Enterprise)) return `/mentor/apprentices/${id}`;
  const params = new URLSearchParams({ agreement: id });
  if (week) params.set('week', week);
  return `/learn/apprenticeship?${params.toString()}`;
}

/** Hours signed against the plan, in words: 「273 / 1600 学时」. */
export function hoursOf(
  locale: Locale,
  signed: number,
  planned: number,
): { signed: string; planned: string } {
  return { signed: formatNumber(locale, signed), planned: formatNumber(locale, planned) };
}

/**
 * The API keeps the guardian's consent as a confirmation whose note reads `consented 2026-11-28 · <note>`; the page
 * shows the date on the form and the school's note in the reader's language instead.
 */
export function guardianConsentOf(note: string | null): { consentedOn: string | null; note: string | null } {
  const match = /^consented (\d{4}-\d{2}-\d{2})(?: · ([\s\S]*))?$/.exec(note ?? '');
  if (!match) return { consentedOn: null, note };
  return { consentedOn: match[1], note: match[2] || null };
}

/** An ISO week in words: 「2026 年第 47 周（11月16日–11月22日）」. */
export function weekLabel(
  locale: Locale,
  t: (key: string, params?: Record<string, string | number>) => string,
  isoWeek: string,
): string {
  const parts = weekParts(isoWeek);
  if (!parts) return isoWeek;
  return t('log.weekName', {
    year: parts.year,
    number: parts.number,
    start: formatShortDate(locale, parts.start),
    end: formatShortDate(locale, parts.end),
  });
}
