/** Enrolment and the waitlist: errors, statuses and notifications. */
export const enrolmentEn = {
  'enrolmentStatus.waitlisted': 'On the waiting list',
  'enrolmentStatus.enrolled': 'Enrolled',
  'enrolmentStatus.completed': 'Completed',
  'enrolmentStatus.withdrawn': 'Withdrawn',
  'enrolmentStatus.failed': 'Not passed',
  'error.ENROLMENT_CLOSED': 'Enrolment for this class is not open at the moment.',
  'error.ENROLMENT_AGE_NOT_ALLOWED': 'This course has an age limit, and your age is outside it.',
  'error.ENROLMENT_DUPLICATE': 'You are already enrolled or on the waiting list for this class.',
  'error.ENROLMENT_STATE_INVALID': 'This enrolment cannot be changed that way now.',
  'error.LEARNER_PROFILE_REQUIRED': 'Please complete your profile (birth date, township) before enrolling.',
  'notification.enrolled.title': 'Enrolled: {courseTitle}',
  'notification.enrolled.body': 'You have a place in “{courseTitle}”. See you in class.',
  'notification.waitlisted.title': 'On the waiting list: {courseTitle}',
  'notification.waitlisted.body':
    '“{courseTitle}” is full, so you are on its waiting list. When someone withdraws, places go to the list in order.',
  'notification.promoted.title': 'You have a place: {courseTitle}',
  'notification.promoted.body':
    'Someone withdrew, and you moved from the waiting list to a place in “{courseTitle}”.',
} satisfies Record<string, string>;
