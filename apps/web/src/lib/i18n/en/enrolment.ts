import type { enrolmentZhCN } from '../zh-CN/enrolment.js';

export const enrolmentEn: Record<keyof typeof enrolmentZhCN, string> = {
  'nav.learn': 'My learning',
  'enrolmentStatus.waitlisted': 'On the waiting list',
  'enrolmentStatus.enrolled': 'Enrolled',
  'enrolmentStatus.completed': 'Completed',
  'enrolmentStatus.withdrawn': 'Withdrawn',
  'enrolmentStatus.failed': 'Not passed',
  'enrolmentSource.self': 'Enrolled by you',
  'enrolmentSource.staff': 'Enrolled by the provider',
  'enrolmentSource.proxy': 'Enrolled for you by family or a village worker',
  'enrolmentSource.roster': 'Enrolled by the provider from a list',
  'error.ENROLMENT_CLOSED': 'Enrolment for this class is not open at the moment.',
  'error.ENROLMENT_AGE_NOT_ALLOWED': 'This course has an age limit, and your age is outside it.',
  'error.ENROLMENT_DUPLICATE': 'You are already enrolled or on the waiting list for this class.',
  'error.ENROLMENT_STATE_INVALID': 'This enrolment cannot be changed that way now.',
  'error.LEARNER_PROFILE_REQUIRED': 'Please complete your profile (birth date, township) before enrolling.',
  'error.NOT_ENROLLED':
    'You are not enrolled in this course (or still on its waiting list), so you cannot study it yet.',
  'error.LEARNER_NOT_FOUND': 'No learner has this mobile number.',
  'error.CONSENT_REQUIRED': 'Please ask the person first and tick “They have agreed”.',
  'error.QUIZ_ANSWERS_INVALID': 'Some answers are missing. Please answer every question, then send.',
  'error.LESSON_KIND_MISMATCH': 'This lesson cannot be completed that way.',
  'error.LESSON_NOT_DONE_YET':
    'This part is not done yet: please keep watching or reading; the page shows how much is left.',
  'error.PROGRESS_POSITION_INVALID':
    'The playing position is not right. Please reload the page and carry on watching.',
  'error.ATTENDANCE_DATE_INVALID': 'This day is outside the class dates, or has not come yet.',
  'error.NOT_IN_SESSION': 'Someone on the list is not in this class. Please reload the page and try again.',
  'error.CERTIFICATE_NOT_READY': 'The certificate is still being made. Please download it in a few minutes.',
  'error.PDF_FONT_MISSING':
    'The PDF cannot be made yet: the server is missing a font with Chinese characters. Once an administrator installs it you can download it; you need not do anything.',
  'error.IMPORT_CSV_INVALID':
    'The CSV is not right: the first line must be mobile,name, and at most 2,000 rows.',

  'enrol.button': 'Enrol',
  'enrol.buttonNamed': 'Enrol: {label}',
  'enrol.button.waitlist': 'Join the waiting list',
  'enrol.button.waitlistNamed': 'Join the waiting list: {label}',
  'enrol.signInFirst': 'You need to sign in to enrol; you will come back to this page afterwards.',
  'enrol.mine.enrolled': 'You are enrolled in this class.',
  'enrol.mine.waitlisted': 'You are number {position} on this class’s waiting list.',
  'enrol.mine.completed': 'You have completed this class.',
  'enrol.mine.link': 'See my learning',
  'enrol.done.enrolled': 'You are enrolled',
  'enrol.done.waitlisted': 'You are on the waiting list, number {position}',
  'enrol.done.enrolled.text': 'You have a place in “{course}”. See you in class.',
  'enrol.done.waitlisted.text':
    'This class of “{course}” is full, so you are on its waiting list. When someone withdraws, places go to the list in order, and we will send you a message.',
  'enrol.done.session': 'Class',
  'enrol.done.start': 'Start learning',
  'enrol.done.myLearning': 'See my learning',
  'enrol.error.profileLink': 'Complete my profile',
  'enrol.error.learnLink': 'See my learning',

  'notification.enrolled.title': 'Enrolled: {courseTitle}',
  'notification.enrolled.body': 'You have a place in “{courseTitle}”. See you in class.',
  'notification.waitlisted.title': 'On the waiting list: {courseTitle}',
  'notification.waitlisted.body':
    '“{courseTitle}” is full, so you are on its waiting list. When someone withdraws, places go to the list in order.',
  'notification.promoted.title': 'You have a place: {courseTitle}',
  'notification.promoted.body':
    'Someone withdrew, and you moved from the waiting list to a place in “{courseTitle}”.',
  'notification.class_reminder.title': 'Class tomorrow: {courseTitle}',
  'notification.class_reminder.body':
    'A reminder: {courseTitle} ({sessionLabel}) meets tomorrow, {date}, {startTime}–{endTime}, at {place}.',
  'notification.session_changed.title': 'Class changed: {courseTitle}',
  'notification.session_changed.body':
    'The time or place of “{courseTitle}” has changed. See the new details in My learning.',
  'notification.session_cancelled.title': 'Class cancelled: {courseTitle}',
  'notification.session_cancelled.body':
    'Sorry: “{sessionLabel}” of “{courseTitle}” has been cancelled (reason: {reason}), and your enrolment with it. You can choose another class in the catalogue.',
  'notification.certificate_ready.title': 'Certificate ready: {courseTitle}',
  'notification.certificate_ready.body':
    'Your certificate for “{courseTitle}” is ready to download or print.',
  'notification.certificate_ready.link': 'Download the certificate',
  'notification.course_completed.title': 'Congratulations: {courseTitle}',
  'notification.course_completed.body':
    'You have met the requirements of “{courseTitle}”. Its hours and credits are in your lifelong learning record.',
  'notification.learn.link': 'See my learning',
};
