import type { timetableFormZhCN } from '../zh-CN/timetable-form.js';

export const timetableFormEn: Record<keyof typeof timetableFormZhCN, string> = {
  'sessionForm.pattern': 'Weekly timetable',
  'sessionForm.pattern.hint':
    'Without class days, the class meets on the weekday of its start date, at the times of its start and end.',
  'sessionForm.classWeekdays': 'Class days',
  'sessionForm.weekday.1': 'Mon',
  'sessionForm.weekday.2': 'Tue',
  'sessionForm.weekday.3': 'Wed',
  'sessionForm.weekday.4': 'Thu',
  'sessionForm.weekday.5': 'Fri',
  'sessionForm.weekday.6': 'Sat',
  'sessionForm.weekday.7': 'Sun',
  'sessionForm.classStartTime': 'Each class starts at',
  'sessionForm.classEndTime': 'Each class ends at',
  'sessionForm.classTime.hint': 'Beijing time, for example 09:00.',
  'sessionForm.address': 'Street address',
  'sessionForm.address.hint': 'So learners find the place, for example: 12 Renmin Road, Xikou.',
  'sessionForm.feeAndContact': 'Fee and contact',
  'sessionForm.fee': 'Fee',
  'sessionForm.fee.free': 'Free',
  'sessionForm.fee.paid': 'Paid',
  'sessionForm.feeYuan': 'Fee (yuan)',
  'sessionForm.feeYuan.hint': 'When paid: at most two decimals, for example 120 or 35.50.',
  'sessionForm.contactPhone': 'Contact phone',
  'sessionForm.contactPhone.hint': 'A mobile, or a landline with its area code, for example 0571-12345678.',
  'validation.time': 'Enter a real time, for example 09:00.',
  'validation.classEndsBeforeStart': 'The class must end after it starts.',
  'validation.noClassDate':
    'No chosen class day falls between the start and end dates; change the days or the dates.',
  'validation.feeRequired': 'You chose “Paid”: enter the fee.',
  'validation.contactPhone':
    'Enter a mobile number, or a landline with its area code, for example 0571-12345678.',
};
