import { EnrolmentStatus } from '@cll/domain';
import type { Message } from './i18n/index.js';

/**
 * How the learner's own enrolments read: which group each belongs to, what may be done with it. Statuses arrive as
 * plain strings from the API (a newer API may send one this version does not know), hence the string constants.
 */
const ENROLLED: string = EnrolmentStatus.Enrolled;
const WAITLISTED: string = EnrolmentStatus.Waitlisted;
const COMPLETED: string = EnrolmentStatus.Completed;

export type EnrolmentGroup = 'current' | 'waiting' | 'completed' | 'ended';
export const ENROLMENT_GROUPS: readonly EnrolmentGroup[] = ['current', 'waiting', 'completed', 'ended'];

/** Withdrawn, failed, and any status not known here are shown as ended: nothing can be done with them here. */
export function groupOf(status: string): EnrolmentGroup {
  if (status === ENROLLED) return 'current';
  if (status === WAITLISTED) return 'waiting';
  if (status === COMPLETED) return 'completed';
  return 'ended';
}

/** The list split into the four groups, each keeping the API's order (newest first). */
export function groupEnrolments<T extends { status: string }>(
  items: readonly T[],
): Record<EnrolmentGroup, T[]> {
  const groups: Record<EnrolmentGroup, T[]> = { current: [], waiting: [], completed: [], ended: [] };
  for (const item of items) groups[groupOf(item.status)].push(item);
  return groups;
}

/** A place or a place in the queue can be given up; a finished enrolment cannot. */
export function canWithdraw(status: string): boolean {
  return status === ENROLLED || status === WAITLISTED;
}

/** The lessons are open to enrolled learners, and stay open after completing. */
export function canLearn(status: string): boolean {
  return status === ENROLLED || status === COMPLETED;
}

/** Still holds a place or a place in the queue, so the course page offers no second enrolment. */
export function isActive(status: string): boolean {
  return canWithdraw(status) || status === COMPLETED;
}

/** The confirmation's heading: enrolled, or waitlisted with the position in the queue. */
export function enrolmentOutcome(enrolment: { status: string; waitlistPosition: number | null }): Message {
  if (enrolment.status === WAITLISTED)
    return { key: 'enrol.done.waitlisted', params: { position: enrolment.waitlistPosition ?? '—' } };
  return { key: 'enrol.done.enrolled' };
}
