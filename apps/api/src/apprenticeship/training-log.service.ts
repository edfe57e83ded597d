import { Injectable } from '@nestjs/common';
import {
  addDays,
  AgreementParty,
  AgreementState,
  ErrorCode,
  isoWeekOf,
  LogStatus,
  MAX_WORKPLACE_HOURS_PER_DAY,
  MAX_WORKPLACE_HOURS_PER_WEEK,
  mondayOfIsoWeek,
  TrainingSetting,
} from '@cll/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { assertState, stateOn } from './agreement-events.js';
import { loadAgreement, requireParty } from './apprenticeship-access.js';
import { LogDay, LogWeek } from './apprenticeship.entities.js';
import type { LogWeekDto, LogWeekResponse, WeekToSign } from './dto/training-log.dto.js';

const WEEK_COLUMNS = `
  w.id, w.agreement_id AS "agreementId", to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart", w.description,
  w.school_hours::float8 AS "schoolHours", w.workplace_hours::float8 AS "workplaceHours",
  w.school_status AS "schoolStatus", w.workplace_status AS "workplaceStatus",
  w.school_comment AS "schoolComment", w.workplace_comment AS "workplaceComment",
  w.school_signed_at AS "schoolSignedAt", w.workplace_signed_at AS "workplaceSignedAt", w.submitted_at AS "submittedAt",
  COALESCE((SELECT json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'schoolHours', d.school_hours::float8,
                                              'workplaceHours', d.workplace_hours::float8) ORDER BY d.day)
              FROM apprenticeship_log_days d WHERE d.week_id = w.id), '[]') AS days`;

type WeekRow = Omit<LogWeekResponse, 'isoWeek' | 'schoolSignedAt' | 'workplaceSignedAt' | 'submittedAt'> & {
  schoolSignedAt: Date | null;
  workplaceSignedAt: Date | null;
  submittedAt: Date;
};

function toResponse<T extends WeekRow>(row: T): Omit<T, keyof WeekRow> & LogWeekResponse {
  return {
    ...row,
    isoWeek: isoWeekOf(row.weekStart),
    schoolSignedAt: row.schoolSignedAt?.toISOString() ?? null,
    workplaceSignedAt: row.workplaceSignedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt.toISOString(),
  };
}

const STATUS = { school: 'school_status', workplace: 'workplace_status' } as const;

/**
 * The apprentice's weekly log (周记). Hours count once the mentor of that setting has signed them: the school
 * mentor signs school hours, the enterprise mentor workplace hours; a returned part goes back to the apprentice.
 */
@Injectable()
export class TrainingLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async weeks(user: AuthUser, agreementId: string): Promise<LogWeekResponse[]> {
    await loadAgreement(this.dataSource.manager, user, agreementId);
    const rows: WeekRow[] = await this.dataSource.query(
      `SELECT ${WEEK_COLUMNS} FROM apprenticeship_log_weeks w WHERE w.agreement_id = $1 ORDER BY w.week_start DESC`,
      [agreementId],
    );
    return rows.map(toResponse);
  }

  /** The apprentice submits a week, or corrects and resubmits it; signed parts cannot change. */
  async submit(
    user: AuthUser,
    agreementId: string,
    isoWeek: string,
    dto: LogWeekDto,
  ): Promise<LogWeekResponse> {
    const monday = mondayOfIsoWeek(isoWeek);
    if (!monday)
      throw DomainException.field(ErrorCode.ValidationFailed, 'isoWeek', 'Write the week as 2026-W48.');
    await this.dataSource.transaction(async (m) => {
      const { agreement, parties } = await loadAgreement(m, user, agreementId, true);
      requireParty(parties, AgreementParty.Apprentice, 'log training weeks');
      const today = todayInChina();
      assertState(
        await stateOn(m, agreementId, today),
        [AgreementState.Active, AgreementState.Paused],
        'logged',
      );
      const days = [...dto.days].sort((a, b) => a.date.localeCompare(b.date));
      const sunday = addDays(monday, 6);
      days.forEach((d, i) => {
        const field = `days.${i}.date`;
        if (d.date < monday || d.date > sunday || (i > 0 && d.date === days[i - 1].date)) {
          throw DomainException.field(
            ErrorCode.ValidationFailed,
            field,
            `Each day must be a different day of ${isoWeek}.`,
          );
        }
        if (d.date < agreement.startDate || d.date > agreement.plannedEndDate || d.date > today) {
          throw DomainException.field(
            ErrorCode.LogWeekOutOfRange,
            field,
            `Days can be logged from ${agreement.startDate} to ${agreement.plannedEndDate}, and not ahead of today.`,
          );
        }
        if (d.workplaceHours > MAX_WORKPLACE_HOURS_PER_DAY) {
          throw DomainException.field(
            ErrorCode.LogDayLimit,
            `days.${i}.workplaceHours`,
            `At most ${MAX_WORKPLACE_HOURS_PER_DAY} workplace hours a day.`,
          );
        }
      });
      const total = (key: 'schoolHours' | 'workplaceHours') =>
        Math.round(days.reduce((sum, d) => sum + d[key], 0) * 10) / 10;
      if (total('workplaceHours') > MAX_WORKPLACE_HOURS_PER_WEEK) {
        throw DomainException.field(
          ErrorCode.LogWeekLimit,
          'days',
          `At most ${MAX_WORKPLACE_HOURS_PER_WEEK} workplace hours a week; this week has ${total('workplaceHours')}.`,
        );
      }
      const existing = await m.findOne(LogWeek, { where: { agreementId, weekStart: monday } });
      const before: LogDay[] = existing ? await m.find(LogDay, { where: { weekId: existing.id } }) : [];
      const next = (setting: TrainingSetting, hours: number): LogStatus => {
        const status = existing
          ? setting === TrainingSetting.School
            ? existing.schoolStatus
            : existing.workplaceStatus
          : null;
        if (status !== LogStatus.Signed) return hours > 0 ? LogStatus.Submitted : LogStatus.None;
        const key = setting === TrainingSetting.School ? 'schoolHours' : 'workplaceHours';
        const same = (list: Array<{ date: string; hours: number }>) =>
          JSON.stringify(list.filter((x) => x.hours > 0).sort((a, b) => a.date.localeCompare(b.date)));
        const was = same(before.map((d) => ({ date: d.day, hours: Number(d[key]) })));
        const now = same(days.map((d) => ({ date: d.date, hours: d[key] })));
        if (was !== now) {
          throw new DomainException(
            ErrorCode.LogWeekLocked,
            `The ${setting} hours of ${isoWeek} are signed and cannot change.`,
          );
        }
        return LogStatus.Signed;
      };
      const schoolStatus = next(TrainingSetting.School, total('schoolHours'));
      const workplaceStatus = next(TrainingSetting.Workplace, total('workplaceHours'));
      if (existing && schoolStatus !== LogStatus.Submitted && workplaceStatus !== LogStatus.Submitted) {
        if (existing.description === dto.description) return;
        throw new DomainException(ErrorCode.LogWeekLocked, `${isoWeek} is signed and cannot change.`);
      }
      const week = await m.save(
        m.create(LogWeek, {
          ...(existing ?? {}),
          agreementId,
          weekStart: monday,
          description: dto.description,
          schoolHours: String(total('schoolHours')),
          workplaceHours: String(total('workplaceHours')),
          schoolStatus,
          workplaceStatus,
          schoolComment: schoolStatus === LogStatus.Signed ? (existing?.schoolComment ?? null) : null,
          workplaceComment:
            workplaceStatus === LogStatus.Signed ? (existing?.workplaceComment ?? null) : null,
          submittedAt: new Date(),
        }),
      );
      await m.delete(LogDay, { weekId: week.id });
      await m.insert(
        LogDay,
        days.map((d) => ({
          weekId: week.id,
          day: d.date,
          schoolHours: String(d.schoolHours),
          workplaceHours: String(d.workplaceHours),
        })),
      );
      await this.audit.record(m, {
        action: existing ? 'apprenticeship.week_resubmitted' : 'apprenticeship.week_submitted',
        entityType: 'apprenticeship_log_week',
        entityId: week.id,
        actorUserId: user.id,
        details: { agreementId, isoWeek },
      });
    });
    const [row]: WeekRow[] = await this.dataSource.query(
      `SELECT ${WEEK_COLUMNS} FROM apprenticeship_log_weeks w WHERE w.agreement_id = $1 AND w.week_start = $2`,
      [agreementId, monday],
    );
    return toResponse(row);
  }

  /** Weeks waiting for my signature, oldest first: the parts of the settings I am the assigned mentor of. */
  async toSign(user: AuthUser): Promise<WeekToSign[]> {
    const rows: Array<
      WeekRow & Pick<WeekToSign, 'apprenticeName' | 'occupationName' | 'enterpriseName' | 'setting'>
    > = await this.dataSource.query(
      `SELECT ${WEEK_COLUMNS}, u.name AS "apprenticeName", a.occupation_name AS "occupationName",
                e.name AS "enterpriseName", s.setting
           FROM apprenticeship_log_weeks w
           JOIN apprenticeship_agreements a ON a.id = w.agreement_id
           JOIN users u ON u.id = a.apprentice_user_id
           JOIN enterprises e ON e.id = a.enterprise_id
           CROSS JOIN LATERAL (VALUES ('school', a.school_mentor_user_id, w.school_status),
                                      ('workplace', a.enterprise_mentor_user_id, w.workplace_status)) s(setting, mentor, status)
          WHERE s.mentor = $1 AND s.status = 'submitted'
          ORDER BY w.submitted_at, w.week_start LIMIT 500`,
      [user.id],
    );
    return rows.map(toResponse);
  }

  /** Signs my part of each week in one transaction: all of them, or none when any is not mine or not waiting. */
  async sign(user: AuthUser, weekIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const weeks = await this.lockMine(m, user, weekIds);
      for (const { week, setting } of weeks) {
        if ((setting === 'school' ? week.schoolStatus : week.workplaceStatus) !== LogStatus.Submitted) {
          throw new DomainException(
            ErrorCode.LogStateInvalid,
            `The ${setting} part of ${isoWeekOf(week.weekStart)} is not waiting for a signature.`,
          );
        }
        await m.query(
          `UPDATE apprenticeship_log_weeks SET ${STATUS[setting]} = 'signed', ${setting}_signed_by_user_id = $2,
                  ${setting}_signed_at = now(), ${setting}_comment = NULL, updated_at = now() WHERE id = $1`,
          [week.id, user.id],
        );
      }
      await this.audit.record(m, {
        action: 'apprenticeship.weeks_signed',
        entityType: 'apprenticeship_log_week',
        actorUserId: user.id,
        details: { weekIds, count: weekIds.length },
      });
    });
  }

  /** Returns my part of a week to the apprentice with a comment on what to correct. */
  async returnWeek(user: AuthUser, weekId: string, comment: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [{ week, setting, apprenticeUserId }] = await this.lockMine(m, user, [weekId]);
      if ((setting === 'school' ? week.schoolStatus : week.workplaceStatus) !== LogStatus.Submitted) {
        throw new DomainException(
          ErrorCode.LogStateInvalid,
          'Only a week waiting for a signature can be returned.',
        );
      }
      await m.query(
        `UPDATE apprenticeship_log_weeks SET ${STATUS[setting]} = 'returned', ${setting}_comment = $2, updated_at = now()
          WHERE id = $1`,
        [weekId, comment],
      );
      const isoWeek = isoWeekOf(week.weekStart);
      await this.notifications.notify(
        m,
        [apprenticeUserId],
        'log_week_returned',
        { isoWeek, agreementId: week.agreementId },
        `week-returned:${weekId}:${Date.now()}`,
      );
      await this.audit.record(m, {
        action: 'apprenticeship.week_returned',
        entityType: 'apprenticeship_log_week',
        entityId: weekId,
        actorUserId: user.id,
        details: { agreementId: week.agreementId, isoWeek, setting },
      });
    });
  }

  /**
   * Locks the weeks (in id order, so concurrent batches cannot deadlock) and finds the setting I sign on each.
   * A week of someone else's apprentice answers 404, like one that does not exist.
   */
  private async lockMine(m: EntityManager, user: AuthUser, weekIds: string[]) {
    const rows: Array<{ id: string; setting: 'school' | 'workplace' | null; apprentice_user_id: string }> =
      await m.query(
        `SELECT w.id, a.apprentice_user_id,
                CASE WHEN a.school_mentor_user_id = $2 THEN 'school'
                     WHEN a.enterprise_mentor_user_id = $2 THEN 'workplace' END AS setting
           FROM apprenticeship_log_weeks w JOIN apprenticeship_agreements a ON a.id = w.agreement_id
          WHERE w.id = ANY($1::uuid[]) ORDER BY w.id FOR UPDATE OF w`,
        [weekIds, user.id],
      );
    const mine = rows.filter((r) => r.setting);
    if (mine.length !== weekIds.length) {
      throw new DomainException(ErrorCode.NotFound, 'No such week among the apprentices you mentor.');
    }
    const weeks = await m.find(LogWeek, { where: { id: In(weekIds) } });
    return mine.map((r) => ({
      week: weeks.find((w) => w.id === r.id) as LogWeek,
      setting: r.setting as 'school' | 'workplace',
      apprenticeUserId: r.apprentice_user_id,
    }));
  }
}
