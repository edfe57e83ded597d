import {
  addDays,
  AgreementEventType,
  AttainmentLevel,
  EmploymentStatus,
  mondayOfIsoWeek,
  isoWeekOf,
  Sex,
  STATE_AFTER,
} from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { todayInChina } from '../common/date-only.js';

interface Context {
  providerId: string;
  enterpriseId: string;
  /** Demo account ids by mobile number. */
  users: Map<string, string>;
}

interface DemoAgreement {
  apprentice: { name: string; mobile: string; birthDate: string; sex: Sex };
  startOffset: number;
  guardian?: { name: string; relationship: string; mobile: string };
  /** Parties that confirmed version 1 (all four make it active). */
  confirmedBy: Array<'school' | 'enterprise' | 'apprentice' | 'guardian'>;
  /**
   * Weekly log from the start: signed weeks, then weeks the mentor returned with a comment, then weeks waiting for a
   * signature (submitted `waitingDays` ago).
   */
  signedWeeks: number;
  returnedWeeks?: number;
  waitingWeeks: number;
  waitingDays?: number;
  workplaceHoursPerDay: number;
  milestoneOffset?: number;
  later?: { type: AgreementEventType; offset: number; reason: string; reasonCode?: string };
}

/**
 * Five apprentices at the vocational school with 青溪精工机械: one on track, one behind plan with weeks left
 * unsigned, one minor waiting for confirmations, one on a break, one withdrawn. Dates follow the day of seeding,
 * so the early-warning list always has something to show. 李小军 (13800000007) can sign in.
 */
const AGREEMENTS: DemoAgreement[] = [
  {
    apprentice: { name: '李小军', mobile: '13800000007', birthDate: '2007-04-12', sex: Sex.Male },
    // Seven months in: half a year of signed weeks, last week's returned by 陈师傅 to correct, this week's waiting.
    startOffset: -215,
    confirmedBy: ['school', 'enterprise', 'apprentice'],
    signedWeeks: 27,
    returnedWeeks: 1,
    waitingWeeks: 1,
    workplaceHoursPerDay: 7,
    milestoneOffset: -35,
  },
  {
    apprentice: { name: '王磊', mobile: '13800000111', birthDate: '2006-10-03', sex: Sex.Male },
    startOffset: -200,
    confirmedBy: ['school', 'enterprise', 'apprentice'],
    signedWeeks: 6,
    waitingWeeks: 2,
    waitingDays: 20,
    workplaceHoursPerDay: 4,
  },
  {
    apprentice: { name: '赵小华', mobile: '13800000112', birthDate: '2009-05-20', sex: Sex.Female },
    startOffset: 10,
    guardian: { name: '赵建国', relationship: '父亲', mobile: '13800000113' },
    confirmedBy: ['school', 'enterprise'],
    signedWeeks: 0,
    waitingWeeks: 0,
    workplaceHoursPerDay: 0,
  },
  {
    apprentice: { name: '孙婷', mobile: '13800000114', birthDate: '2006-01-15', sex: Sex.Female },
    startOffset: -150,
    confirmedBy: ['school', 'enterprise', 'apprentice'],
    signedWeeks: 12,
    waitingWeeks: 0,
    workplaceHoursPerDay: 7,
    milestoneOffset: -60,
    later: { type: AgreementEventType.Paused, offset: -30, reason: '因病休学一个月' },
  },
  {
    apprentice: { name: '周杰', mobile: '13800000115', birthDate: '2005-08-08', sex: Sex.Male },
    startOffset: -260,
    confirmedBy: ['school', 'enterprise', 'apprentice'],
    signedWeeks: 10,
    waitingWeeks: 0,
    workplaceHoursPerDay: 8,
    later: {
      type: AgreementEventType.Withdrawn,
      offset: -60,
      reason: '到外地企业就业',
      reasonCode: 'changed_job',
    },
  },
];

export async function seedDemoApprenticeships(m: EntityManager, ctx: Context): Promise<void> {
  const today = todayInChina();
  const coordinator = ctx.users.get('13800000002') as string;
  const mentor = ctx.users.get('13800000004') as string;
  const [programme] = await m.query<Array<{ id: string }>>(
    `INSERT INTO programmes (provider_id, kind, title, description, occupation_code)
     VALUES ($1, 'apprenticeship', '数控技术现代学徒制', '学校与青溪精工机械联合培养数控车工，工学交替。', '6-18-01-01')
     RETURNING id`,
    [ctx.providerId],
  );
  for (const a of AGREEMENTS) {
    const apprenticeId = ctx.users.get(a.apprentice.mobile) ?? (await apprenticeAccount(m, a));
    const start = addDays(today, a.startOffset);
    const end = addDays(start, 730);
    const [agreement] = await m.query<Array<{ id: string }>>(
      `INSERT INTO apprenticeship_agreements (scheme, provider_id, enterprise_id, apprentice_user_id, programme_id,
              occupation_code, occupation_name, school_mentor_user_id, enterprise_mentor_user_id, start_date,
              planned_end_date, planned_school_hours, planned_workplace_hours, guardian_name, guardian_relationship,
              guardian_mobile, created_by_user_id)
       VALUES ('modern', $1, $2, $3, $4, '6-18-01-01', '数控车工', $5, $6, $7, $8, 600, 2400, $9, $10, $11, $5)
       RETURNING id`,
      [
        ctx.providerId,
        ctx.enterpriseId,
        apprenticeId,
        programme.id,
        coordinator,
        mentor,
        start,
        end,
        a.guardian?.name ?? null,
        a.guardian?.relationship ?? null,
        a.guardian?.mobile ?? null,
      ],
    );
    const id = agreement.id;
    const drafted = addDays(start < today ? start : today, -14);
    await m.query(
      `INSERT INTO apprenticeship_agreement_versions (agreement_id, version, terms, created_by_user_id)
       SELECT id, 1, jsonb_build_object('startDate', start_date, 'plannedEndDate', planned_end_date,
                                        'plannedSchoolHours', 600, 'plannedWorkplaceHours', 2400), $2
         FROM apprenticeship_agreements WHERE id = $1`,
      [id, coordinator],
    );
    await event(m, id, AgreementEventType.Drafted, drafted, coordinator);
    const signer = {
      school: coordinator,
      enterprise: mentor,
      apprentice: apprenticeId,
      guardian: coordinator,
    };
    for (const party of a.confirmedBy) {
      await m.query(
        `INSERT INTO apprenticeship_confirmations (agreement_id, version, party, confirmed_by_user_id, confirmed_at)
         VALUES ($1, 1, $2, $3, $4::date + time '10:00')`,
        [id, party, signer[party], drafted],
      );
      await event(m, id, AgreementEventType.Confirmed, drafted, signer[party], { party });
    }
    if (a.confirmedBy.length === 3 && !a.guardian) {
      await event(m, id, AgreementEventType.Activated, start, mentor);
    }
    await weeks(m, id, start, a, { today, coordinator, mentor });
    if (a.milestoneOffset !== undefined) {
      await m.query(
        `INSERT INTO apprenticeship_assessments (agreement_id, kind, title, result, assessed_on, assessor_user_id,
                                                 assessor_side, comment)
         VALUES ($1, 'milestone', '第一阶段岗位技能考核', 'passed', $2, $3, 'workplace', '能独立完成对刀与首件检验。')`,
        [id, addDays(today, a.milestoneOffset), mentor],
      );
    }
    if (a.later) {
      await event(m, id, a.later.type, addDays(today, a.later.offset), coordinator, {}, a.later);
    }
  }
}

async function apprenticeAccount(m: EntityManager, a: DemoAgreement): Promise<string> {
  // Without a password: these apprentices appear in the lists but cannot sign in.
  const [user] = await m.query<Array<{ id: string }>>(
    `INSERT INTO users (name, mobile, password_hash) VALUES ($1, $2, '!') RETURNING id`,
    [a.apprentice.name, a.apprentice.mobile],
  );
  await m.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [user.id]);
  await m.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     SELECT $1, $2, $3, township_code, code, $4, $5 FROM villages ORDER BY code LIMIT 1`,
    [
      user.id,
      a.apprentice.birthDate,
      a.apprentice.sex,
      AttainmentLevel.JuniorSecondary,
      EmploymentStatus.Student,
    ],
  );
  return user.id;
}

async function event(
  m: EntityManager,
  agreementId: string,
  type: AgreementEventType,
  effectiveDate: string,
  actor: string,
  details: Record<string, unknown> = {},
  reason?: { reason: string; reasonCode?: string },
): Promise<void> {
  await m.query(
    `INSERT INTO apprenticeship_events (agreement_id, type, state_after, effective_date, version, actor_user_id,
                                        reason_code, reason, details, occurred_at)
     VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $4::date + time '10:00')`,
    [
      agreementId,
      type,
      STATE_AFTER[type],
      effectiveDate,
      actor,
      reason?.reasonCode ?? null,
      reason?.reason ?? null,
      JSON.stringify(details),
    ],
  );
}

/** Weeks from the first full week after the start: Monday at school, Tuesday to Friday at the workplace. */
async function weeks(
  m: EntityManager,
  agreementId: string,
  start: string,
  a: DemoAgreement,
  { today, coordinator, mentor }: { today: string; coordinator: string; mentor: string },
) {
  const first = mondayOfIsoWeek(isoWeekOf(addDays(start, 7))) as string;
  const returnedUntil = a.signedWeeks + (a.returnedWeeks ?? 0);
  const total = returnedUntil + a.waitingWeeks;
  for (let i = 0; i < total; i += 1) {
    const monday = addDays(first, i * 7);
    if (addDays(monday, 4) > today) break;
    const signed = i < a.signedWeeks;
    const returned = !signed && i < returnedUntil;
    const submitted = signed || returned ? addDays(monday, 5) : addDays(today, -(a.waitingDays ?? 3));
    const schoolSigned = signed || returned;
    const [week] = await m.query<Array<{ id: string }>>(
      `INSERT INTO apprenticeship_log_weeks (agreement_id, week_start, description, school_hours, workplace_hours,
              school_status, workplace_status, school_signed_at, workplace_signed_at, submitted_at,
              school_signed_by_user_id, workplace_signed_by_user_id, workplace_comment)
       VALUES ($1, $2, $3, 6, $4, $5, $6, $7, $8, $9::date + time '18:00', $10, $11, $12) RETURNING id`,
      [
        agreementId,
        monday,
        '周一在校学习数控编程，周二至周五在车间跟师傅练习车削加工。',
        a.workplaceHoursPerDay * 4,
        schoolSigned ? 'signed' : 'submitted',
        signed ? 'signed' : returned ? 'returned' : 'submitted',
        schoolSigned ? `${addDays(monday, 7)} 09:00+08` : null,
        signed ? `${addDays(monday, 7)} 09:30+08` : null,
        submitted,
        schoolSigned ? coordinator : null,
        signed ? mentor : null,
        returned ? '周三的车削工时与车间考勤不一致，请核对后重新提交。' : null,
      ],
    );
    await m.query(
      `INSERT INTO apprenticeship_log_days (week_id, day, school_hours, workplace_hours)
       SELECT $1, d::date, CASE WHEN n = 0 THEN 6 ELSE 0 END, CASE WHEN n = 0 THEN 0 ELSE $3 END
         FROM generate_series(0, 4) AS n, LATERAL (SELECT $2::date + n AS d) x`,
      [week.id, monday, a.workplaceHoursPerDay],
    );
  }
}
