import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, isoWeekday } from '@cll/domain';
import { DataSource } from 'typeorm';
import { smsText } from '../auth/sms-text.js';
import { todayInCounty } from '../common/date-only.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobName } from '../jobs/job.constants.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { SMS_GATEWAY, type SmsGateway } from '../verification/sms.gateway.js';
import { NotificationsService } from './notifications.service.js';

interface Due {
  id: string;
  enrolment_id: string;
  learner_user_id: string;
  sms_status: 'pending' | 'none';
  course_title: string;
  session_label: string;
  start_time: string;
  end_time: string;
  place: string;
}

const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The reminder the day before each class (issue 19): an in-app notification for every learner with a seat in a class
 * that meets tomorrow, and a text message when they have a mobile. A reminder row per enrolment and class date is
 * the idempotency key: a second run, a second worker or a retried job adds nothing. The text message is its own job,
 * so an SMS gateway that is down never holds back the in-app reminder; it is retried with backoff and its state is
 * kept on the row (sent, failed with the error, none without a mobile).
 */
@Injectable()
export class ClassRemindersService {
  private readonly logger = new Logger('ClassReminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scheduled run: tomorrow's classes, in the county's calendar. */
  remindTomorrow(now = new Date()): Promise<number> {
    return this.remindFor(addDays(todayInCounty(now), 1));
  }

  /** Creates the reminders of one class date not made yet; returns how many were new. */
  async remindFor(classDate: string): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      // Dates and times in the connection's time zone, the county's (database/data-source.ts).
      const due: Due[] = await m.query(
        `WITH due AS (
           SELECT e.id AS enrolment_id, s.id AS session_id, e.learner_user_id, u.mobile, c.title AS course_title,
                  s.label AS session_label, to_char(s.class_start_time, 'HH24:MI') AS start_time,
                  to_char(s.class_end_time, 'HH24:MI') AS end_time,
                  CASE WHEN s.online THEN '线上' ELSE concat_ws(' ', t.name, v.name, COALESCE(s.address, s.venue)) END AS place
             FROM course_sessions s
             JOIN enrolments e ON e.session_id = s.id AND e.status = 'enrolled'
             JOIN users u ON u.id = e.learner_user_id
             JOIN courses c ON c.id = s.course_id
             LEFT JOIN townships t ON t.code = s.township_code
             LEFT JOIN villages v ON v.code = s.village_code
            WHERE s.cancelled_at IS NULL
              AND $1::date BETWEEN s.starts_at::date AND s.ends_at::date
              AND $2::smallint = ANY (s.class_weekdays)),
         made AS (
           INSERT INTO class_reminders (enrolment_id, session_id, learner_user_id, class_date, sms_status)
           SELECT enrolment_id, session_id, learner_user_id, $1::date,
                  CASE WHEN mobile IS NULL THEN 'none' ELSE 'pending' END
             FROM due
           ON CONFLICT (enrolment_id, class_date) DO NOTHING
           RETURNING id, enrolment_id, sms_status)
         SELECT made.id, made.enrolment_id, made.sms_status, due.learner_user_id, due.course_title, due.session_label,
                due.start_time, due.end_time, due.place
           FROM made JOIN due ON due.enrolment_id = made.enrolment_id`,
        [classDate, isoWeekday(classDate)],
      );
      for (const r of due) {
        await this.notifications.notify(
          m,
          [r.learner_user_id],
          'class_reminder',
          {
            courseTitle: r.course_title,
            sessionLabel: r.session_label,
            date: classDate,
            startTime: r.start_time,
            endTime: r.end_time,
            place: r.place,
          },
          `class-reminder:${r.enrolment_id}:${classDate}`,
        );
        if (r.sms_status === 'pending') {
          await this.outbox.enqueue(m, JobName.ClassReminderSms, `class-reminder-sms:${r.id}`, {
            reminderId: r.id,
          });
        }
      }
      if (due.length) this.logger.log({ msg: 'class reminders made', classDate, count: due.length });
      return due.length;
    });
  }

  /**
   * Sends one reminder's text message unless it was sent already. A refusal by the gateway is kept on the row and
   * thrown, so Bull tries again with backoff; after the last attempt the job stays failed for staff to see.
   */
  async sendSms(reminderId: string): Promise<void> {
    const [r]: Array<{
      mobile: string | null;
      sms_status: string;
      class_date: string;
      course_title: string;
      start_time: string;
      place: string;
    }> = await this.dataSource.query(
      `SELECT u.mobile, r.sms_status, to_char(r.class_date, 'YYYY-MM-DD') AS class_date, c.title AS course_title,
              to_char(s.class_start_time, 'HH24:MI') AS start_time,
              CASE WHEN s.online THEN '线上' ELSE concat_ws(' ', t.name, COALESCE(s.address, s.venue)) END AS place
         FROM class_reminders r
         JOIN users u ON u.id = r.learner_user_id
         JOIN course_sessions s ON s.id = r.session_id
         JOIN courses c ON c.id = s.course_id
         LEFT JOIN townships t ON t.code = s.township_code
        WHERE r.id = $1`,
      [reminderId],
    );
    if (!r || r.sms_status === 'sent' || r.sms_status === 'none') return;
    if (!r.mobile) {
      await this.dataSource.query(`UPDATE class_reminders SET sms_status = 'none' WHERE id = $1`, [
        reminderId,
      ]);
      return;
    }
    const day = `${Number(r.class_date.slice(5, 7))}月${Number(r.class_date.slice(8, 10))}日 周${ZH_DAYS[isoWeekday(r.class_date) - 1]}`;
    const text = smsText(
      this.config,
      `提醒：明天（${day}）${r.start_time} 上课：${r.course_title}，地点：${r.place}。`,
    );
    try {
      await this.gateway.send(r.mobile, text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE class_reminders SET sms_status = 'failed', sms_attempts = sms_attempts + 1, sms_error = $2
          WHERE id = $1 AND sms_status <> 'sent'`,
        [reminderId, message.slice(0, 500)],
      );
      this.logger.warn({ msg: 'class reminder SMS not sent; retried', reminderId, error: message });
      throw error;
    }
    await this.dataSource.query(
      `UPDATE class_reminders SET sms_status = 'sent', sms_attempts = sms_attempts + 1, sms_error = NULL,
              sms_sent_at = now() WHERE id = $1`,
      [reminderId],
    );
  }
}
