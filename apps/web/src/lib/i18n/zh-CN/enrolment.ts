/** Enrolment and the waitlist: errors, statuses and notifications. */
export const enrolmentZhCN = {
  'enrolmentStatus.waitlisted': '候补中',
  'enrolmentStatus.enrolled': '已报名',
  'enrolmentStatus.completed': '已结业',
  'enrolmentStatus.withdrawn': '已退出',
  'enrolmentStatus.failed': '未通过',
  'error.ENROLMENT_CLOSED': '这个班现在不在报名时间内。',
  'error.ENROLMENT_AGE_NOT_ALLOWED': '这门课程有年龄要求，您的年龄不在范围内。',
  'error.ENROLMENT_DUPLICATE': '您已经报名或正在候补这个班，不用重复报名。',
  'error.ENROLMENT_STATE_INVALID': '这条报名现在不能这样操作。',
  'error.LEARNER_PROFILE_REQUIRED': '请先完善个人资料（出生日期、所在乡镇等）再报名。',
  'notification.enrolled.title': '报名成功：{courseTitle}',
  'notification.enrolled.body': '您已报上《{courseTitle}》，请按时参加学习。',
  'notification.waitlisted.title': '已进入候补：{courseTitle}',
  'notification.waitlisted.body': '《{courseTitle}》名额已满，您已排入候补名单。有人退出时会按顺序为您补上。',
  'notification.promoted.title': '候补成功：{courseTitle}',
  'notification.promoted.body': '有学员退出，您已从候补名单转为正式报名《{courseTitle}》。',
} satisfies Record<string, string>;
