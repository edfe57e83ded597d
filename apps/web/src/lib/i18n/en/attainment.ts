import type { attainmentZhCN } from '../zh-CN/attainment.js';

/** The attainment history (learner's profile) and its correction by a provider's staff. */
export const attainmentEn: Record<keyof typeof attainmentZhCN, string> = {
  'attainmentHistory.heading': 'Attainment history',
  'attainmentHistory.intro':
    'Every change of your highest attainment is kept with its date and source. The county’s years-of-schooling and upgrading figures are counted from this history; a later change of your profile adds an entry and never rewrites the past.',
  'attainmentHistory.empty': 'Nothing recorded yet.',
  'attainmentHistory.unavailable': 'The attainment history cannot be shown just now. Please try again later.',
  'attainmentHistory.first': 'Recorded as: {after}',
  'attainmentHistory.change': '{before} → {after}',
  'attainmentHistory.programme': 'Academic programme: {programme} ({provider})',
  'attainmentHistory.correctedBy': 'Corrected by: {provider}',
  'attainmentHistory.reason': 'Reason: {reason}',
  'attainmentSource.registration': 'Given at registration',
  'attainmentSource.backfill': 'In the profile when the history began',
  'attainmentSource.programme_completion': 'Completed an academic programme',
  'attainmentSource.self_declared': 'Changed on your profile',
  'attainmentSource.staff_correction': 'Corrected by staff after a check',
  'profile.attainment.hint':
    'If it is wrong you can change it here; it is recorded as your own change. Only completing an academic programme on the platform counts as upgrading.',

  'roster.attainmentOf': 'Attainment history of {name}',
  'attainmentCorrection.title': 'Attainment history of {name}',
  'attainmentCorrection.back': 'Back to the roster',
  'attainmentCorrection.current': 'Highest attainment on record: {level}',
  'attainmentCorrection.heading': 'Correct the highest attainment',
  'attainmentCorrection.intro':
    'Use this when a diploma or other document you checked shows the record is wrong. The correction and its reason go into the learner’s history, which the learner sees; a correction never counts as upgrading.',
  'attainmentCorrection.level': 'Correct highest attainment',
  'attainmentCorrection.reason': 'Reason for the correction',
  'attainmentCorrection.reason.hint':
    'Say what you checked, for example “diploma checked: junior college (2019)”. 4 to 500 characters.',
  'attainmentCorrection.submit': 'Save the correction',
  'attainmentCorrection.saved': 'Corrected and added to the learner’s attainment history.',
  'error.ATTAINMENT_UNCHANGED': 'This is already the level on record: there is nothing to correct.',
  'attainmentCorrection.notFound': 'No such enrolment, or it is not your provider’s.',
};
