import {
  AgreementEventType,
  AgreementState,
  ErrorCode,
  STATE_AFTER,
  type AgreementParty,
  type WithdrawalReason,
} from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { AgreementEvent, type ApprenticeshipAgreement } from './apprenticeship.entities.js';

export interface EventInput {
  type: AgreementEventType;
  effectiveDate: string;
  actorUserId: string | null;
  reasonCode?: WithdrawalReason | null;
  reason?: string | null;
  party?: AgreementParty;
  details?: Record<string, unknown>;
}

/** Appends one event to an agreement's history; the state it leads to follows from its type. */
export async function appendEvent(
  m: EntityManager,
  agreement: Pick<ApprenticeshipAgreement, 'id' | 'version'>,
  input: EventInput,
): Promise<void> {
  await m.insert(AgreementEvent, {
    agreementId: agreement.id,
    type: input.type,
    stateAfter: STATE_AFTER[input.type],
    effectiveDate: input.effectiveDate,
    version: agreement.version,
    actorUserId: input.actorUserId,
    reasonCode: input.reasonCode ?? null,
    reason: input.reason ?? null,
    details: { ...(input.party ? { party: input.party } : {}), ...(input.details ?? {}) } as never,
  });
}

export interface StateOn {
  state: AgreementState;
  /** Effective date of the event that set it. */
  since: string | null;
  /** Whether the agreement was ever activated (on any date, including a start still to come). */
  everActivated: boolean;
}

/** The state of one agreement on `date`: the last state-changing event (by sequence) in effect on that date. */
export async function stateOn(m: EntityManager, agreementId: string, date: string): Promise<StateOn> {
  const [row]: Array<{ state: AgreementState | null; since: string | null; ever: boolean }> = await m.query(
    `SELECT (SELECT state_after FROM apprenticeship_events
              WHERE agreement_id = $1 AND state_after IS NOT NULL AND effective_date <= $2
              ORDER BY seq DESC LIMIT 1) AS state,
            (SELECT to_char(effective_date, 'YYYY-MM-DD') FROM apprenticeship_events
              WHERE agreement_id = $1 AND state_after IS NOT NULL AND effective_date <= $2
              ORDER BY seq DESC LIMIT 1) AS since,
            EXISTS (SELECT 1 FROM apprenticeship_events WHERE agreement_id = $1 AND type = 'activated') AS ever`,
    [agreementId, date],
  );
  return { state: row.state ?? AgreementState.Pending, since: row.since, everActivated: row.ever };
}

/** Refuses unless the agreement is in one of `allowed` today. */
export function assertState(current: StateOn, allowed: AgreementState[], action: string): void {
  if (!allowed.includes(current.state)) {
    throw new DomainException(
      ErrorCode.AgreementStateInvalid,
      `An agreement that is ${current.state} cannot be ${action}.`,
    );
  }
}

/**
 * An effective date may not lie in the future, nor before the change now in effect: history is appended in order,
 * so the state on every past date stays what it was reported as.
 */
export function assertEffectiveDate(
  current: StateOn,
  date: string,
  today: string,
  field = 'effectiveDate',
): void {
  if (date > today) {
    throw DomainException.field(ErrorCode.EventDateInvalid, field, 'The date cannot be in the future.');
  }
  if (current.since && date < current.since) {
    throw DomainException.field(
      ErrorCode.EventDateInvalid,
      field,
      `The date cannot be before ${current.since}, when the agreement became ${current.state}.`,
    );
  }
}

export const OPEN_STATES = [AgreementState.Pending, AgreementState.Active, AgreementState.Paused];
