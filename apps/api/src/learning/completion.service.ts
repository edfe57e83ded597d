import { Injectable } from '@nestjs/common';
import { type CompletionRule, EnrolmentStatus } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { issueCertificate } from '../credentials/issue-certificate.js';
import { OpenBadgesService } from '../credentials/open-badges.service.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isCompleted } from './completion-rule.js';
import { recordProgrammeCompletion } from '../attainment/attainment.repository.js';

interface Facts {
  id: string;
  status: EnrolmentStatus;
  learner_user_id: string;
  completion_rule: CompletionRule;
  attendance_share: string;
  class_count: number;
  required_lessons: number;
  required_done: number;
  attended: number;
}

/**
 * Completion is decided the moment its last requirement is met, in the same transaction as the write that met it:
 * the enrolment becomes completed, the learning record gets its entry, the certificate is issued, and the PDF job is
 * queued through the outbox. Unique keys on enrolment_id make a second attempt impossible.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly badges: OpenBadgesService,
  ) {}

  /** Re-checks the rule for an enrolment; returns true when this call completed it. */
  async evaluate(m: EntityManager, enrolmentId: string): Promise<boolean> {
    // Lock first, count after: in READ COMMITTED a statement that waited for the lock still counts from the snapshot
    // taken before it waited, and would miss the lesson a concurrent save just committed.
    const locked: unknown[] = await m.query(`SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE`, [
      enrolmentId,
    ]);
    if (!locked.length) return false;
    const [f]: Facts[] = await m.query(
      `SELECT e.id, e.status, e.learner_user_id, c.completion_rule, c.attendance_share, s.class_count,
              (SELECT count(*) FROM lessons l WHERE l.course_id = c.id AND l.required)::int AS required_lessons,
              (SELECT count(*) FROM lessons l JOIN lesson_progress p
                   ON p.lesson_id = l.id AND p.learner_user_id = e.learner_user_id AND p.completed_at IS NOT NULL
                WHERE l.course_id = c.id AND l.required)::int AS required_done,
              (SELECT count(*) FROM attendance a WHERE a.enrolment_id = e.id)::int AS attended
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_sessions s ON s.id = e.session_id
        WHERE e.id = $1`,
      [enrolmentId],
    );
    if (!f || f.status !== EnrolmentStatus.Enrolled) return false;
    const facts = {
      rule: f.completion_rule,
      requiredLessons: f.required_lessons,
      requiredDone: f.required_done,
      classCount: f.class_count,
      attended: f.attended,
      attendanceShare: Number(f.attendance_share),
    };
    if (!isCompleted(facts)) return false;
    await this.complete(m, enrolmentId, { by: 'rule', ...facts }, null);
    return true;
  }

  /** Completes an enrolled enrolment (the caller has locked it): record entry, certificate, PDF job, notification. */
  async complete(
    m: EntityManager,
    enrolmentId: string,
    evidence: Record<string, unknown>,
    actorUserId: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE enrolments SET status = 'completed', ended_at = now(), updated_at = now() WHERE id = $1`,
      [enrolmentId],
    );
    const [record]: Array<{ id: string; learner_user_id: string; course_title: string; name: string }> =
      await m.query(
        `INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                     category, hours, credits, completed_on, evidence)
       SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
              (now() AT TIME ZONE 'Asia/Shanghai')::date, $2::jsonb
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id
        WHERE e.id = $1
       RETURNING id, learner_user_id, course_title, (SELECT name FROM users WHERE id = learner_user_id) AS name`,
        [enrolmentId, JSON.stringify(evidence)],
      );
    // Completing the last course of an academic programme raises the learner's attainment, dated today.
    const raised = await recordProgrammeCompletion(m, record.id, actorUserId);
    if (raised) {
      await this.audit.record(m, {
        action: 'attainment.raised',
        entityType: 'user',
        entityId: record.learner_user_id,
        actorUserId,
        onBehalfOfUserId: record.learner_user_id,
        details: { eventId: raised.id, programmeId: raised.programmeId },
      });
    }
    const certificateId = await issueCertificate(m, this.outbox, this.badges, {
      enrolmentId,
      recordId: record.id,
      learnerUserId: record.learner_user_id,
      holderName: record.name,
    });
    await this.notifications.notify(
      m,
      [record.learner_user_id],
      'course_completed',
      { courseTitle: record.course_title },
      `completed:${enrolmentId}`,
    );
    await this.audit.record(m, {
      action: 'enrolment.completed',
      entityType: 'enrolment',
      entityId: enrolmentId,
      actorUserId,
      onBehalfOfUserId: record.learner_user_id,
      details: { certificateId, by: evidence.by },
    });
  }
}
