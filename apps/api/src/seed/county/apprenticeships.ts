import { createHash } from 'node:crypto';
import {
  addDays,
  AgreementEventType,
  creditCodeCheckCharacter,
  isoWeekOf,
  mondayOfIsoWeek,
  STATE_AFTER,
} from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { Rng } from '../catalogue/prng.js';
import { DEMO_ENTERPRISES, DEMO_TOWNSHIPS } from '../demo-county.js';
import { clusterApprentices } from './apprentice-townships.js';

/** Townships with apprenticeship companies (the street offices and the industrial towns, the tea township). */
const APPRENTICE_TOWNSHIPS = [0, 1, 2, 5, 9, 11];

/**
 * Apprenticeships at a county's scale, beside the five hand-written ones of apprenticeship-seed.ts: more partner
 * companies with their mentors, programmes at the vocational school (现代学徒制) and the training centre (企业新型学徒制),
 * and about fifty agreements in every state — drafts, agreements waiting for a party, active ones (some behind plan or
 * with weeks left unsigned, so the early-warning list has cases), paused, transferred to another company, withdrawn
 * and completed — with their weekly logs (signed, returned with a comment, waiting). Drawn from the seed; rows are
 * written a table at a time.
 */

export const uid = (label: string): string => {
  const h = createHash('md5').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

const ENTERPRISES = [
  {
    key: 'electronics',
    name: '青溪智联电子科技有限公司',
    first17: '91339901MA2QX0044',
    industry: 'C39',
    township: 1,
  },
  {
    key: 'auto',
    name: '青溪汽车零部件制造有限公司',
    first17: '91339901MA2QX0055',
    industry: 'C36',
    township: 9,
  },
  {
    key: 'hotel',
    name: '青溪国际大酒店有限公司',
    first17: '91339901MA2QX0066',
    industry: 'H61',
    township: 0,
  },
  { key: 'build', name: '青溪建工集团有限公司', first17: '91339901MA2QX0077', industry: 'E47', township: 11 },
  {
    key: 'ecommerce',
    name: '青溪山货电子商务有限公司',
    first17: '91339901MA2QX0088',
    industry: 'I64',
    township: 2,
  },
] as const;

const MENTORS: Array<[string, string]> = [
  ['electronics', '钱工'],
  ['electronics', '孙师傅'],
  ['auto', '马师傅'],
  ['hotel', '郭厨师长'],
  ['build', '冯师傅'],
  ['ecommerce', '林经理'],
  ['tea', '罗师傅'],
  ['care', '唐护士长'],
];

/** Programme per school and trade: [provider key, scheme, title, occupation code, occupation, enterprises]. */
const TRADES: Array<[string, 'modern' | 'enterprise_new', string, string, string, string[]]> = [
  ['vocational', 'modern', '电子技术应用现代学徒制', '6-25-04-07', '电子设备装接工', ['electronics']],
  ['vocational', 'modern', '中餐烹饪现代学徒制', '4-03-02-01', '中式烹调师', ['hotel']],
  ['vocational', 'modern', '老年护理现代学徒制', '4-10-01-05', '养老护理员', ['care']],
  ['vocational', 'modern', '数控技术现代学徒制', '6-18-01-01', '数控车工', ['machinery', 'auto']],
  ['training', 'enterprise_new', '企业新型学徒制·电工', '6-31-01-03', '电工', ['auto', 'build', 'machinery']],
  ['training', 'enterprise_new', '企业新型学徒制·焊工', '6-18-02-04', '焊工', ['build', 'auto']],
  ['training', 'enterprise_new', '企业新型学徒制·茶叶加工', '6-02-06-03', '茶叶加工工', ['tea']],
  ['training', 'enterprise_new', '企业新型学徒制·电商运营', '4-01-02-02', '互联网营销师', ['ecommerce']],
];

type Fate =
  | 'draft'
  | 'awaiting'
  | 'active'
  | 'behind'
  | 'unsigned'
  | 'paused'
  | 'transferred'
  | 'withdrawn'
  | 'completed';
/** How many agreements end in each state (a transfer adds the continued agreement, active). */
const FATES: Array<[Fate, number]> = [
  ['draft', 3],
  ['awaiting', 4],
  ['active', 18],
  ['behind', 4],
  ['unsigned', 4],
  ['paused', 3],
  ['transferred', 2],
  ['withdrawn', 5],
  ['completed', 10],
];

/** Last year's leavers (the year's completions and withdrawals, beside this year's in FATES). */
const LAST_YEAR: Array<[Fate, number]> = [
  ['withdrawn', 6],
  ['completed', 8],
];

/**
 * A day in this year up to a week ago (`yearsBack` 0; last year's when this year is a week old), or in last year.
 */
function leaveDate(today: string, yearsBack: number, rng: Rng): string {
  const year = Number(today.slice(0, 4)) - yearsBack;
  const first = `${year}-01-01`;
  if (yearsBack > 0) return addDays(first, rng.int(20, 340));
  const room = daysFrom(first, addDays(today, -7));
  return room < 0 ? addDays(today, -7) : addDays(first, rng.int(Math.max(0, room - 300), room));
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗'];
const GIVEN = [
  '浩',
  '宇',
  '杰',
  '涛',
  '鹏',
  '婷',
  '丽',
  '磊',
  '强',
  '欣',
  '佳',
  '晨',
  '凯',
  '雪',
  '敏',
  '伟',
];
const WITHDRAWALS: Array<[string, string]> = [
  ['changed_job', '到外地企业就业'],
  ['further_study', '考入高职继续深造'],
  ['family', '家中变故，需回家照顾老人'],
  ['health', '身体原因无法继续岗位培训'],
  ['other', '个人意愿，选择其他专业'],
];

interface Ids {
  providers: Map<string, string>;
  enterprises: Map<string, string>;
  /** School coordinators by provider key. */
  coordinators: Map<string, string>;
  /** 陈师傅, the demo mentor at the machinery company. */
  demoMentor: string;
}

interface Plan {
  id: string;
  n: number;
  fate: Fate;
  scheme: string;
  providerKey: string;
  enterpriseKey: string;
  programmeId: string;
  occupationCode: string;
  occupation: string;
  apprentice: string;
  schoolMentor: string;
  enterpriseMentor: string;
  start: string;
  end: string;
  predecessor: string | null;
  /** Weeks logged from the start, and how the last ones stand. */
  weeks: number;
  signedWeeks: number;
  returned: number;
  workplacePerDay: number;
  waitingSince: number;
  events: Array<{
    type: AgreementEventType;
    on: string;
    actor: string;
    reasonCode?: string;
    reason?: string;
  }>;
  ageAtStart: number;
  confirmed: Array<'school' | 'enterprise' | 'apprentice'>;
  milestone: string | null;
}

export async function seedCountyApprenticeships(
  m: EntityManager,
  seed: number,
  today: string,
  ids: Ids,
): Promise<number> {
  const rng = new Rng(seed ^ 0x5eed_0004);
  for (const e of ENTERPRISES) {
    const id = uid(`${seed}:ent:${e.key}`);
    await m.query(
      `INSERT INTO enterprises (id, name, credit_code, industry, township_code) VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        e.name,
        e.first17 + creditCodeCheckCharacter(e.first17),
        e.industry,
        DEMO_TOWNSHIPS[e.township].code,
      ],
    );
    ids.enterprises.set(e.key, id);
  }
  const mentors = new Map<string, string[]>([['machinery', [ids.demoMentor]]]);
  const people: Array<[string, string, string, string, string | null, string | null]> = [];
  MENTORS.forEach(([enterprise, name], i) => {
    const id = uid(`${seed}:mentor:${i}`);
    mentors.set(enterprise, [...(mentors.get(enterprise) ?? []), id]);
    people.push([
      id,
      name,
      `1370100${String(i + 1).padStart(4, '0')}`,
      'enterprise_mentor',
      null,
      ids.enterprises.get(enterprise) ?? null,
    ]);
  });
  const trainingCoordinator = uid(`${seed}:coordinator:training`);
  people.push([
    trainingCoordinator,
    '黄老师',
    '13701009001',
    'provider_staff',
    ids.providers.get('training') ?? null,
    null,
  ]);
  ids.coordinators.set('training', trainingCoordinator);
  await m.query(
    `WITH u AS (
       INSERT INTO users (id, name, mobile, password_hash)
       SELECT id, name, mobile, '!' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, name, mobile)
       RETURNING id
     )
     INSERT INTO role_assignments (user_id, role, provider_id, enterprise_id)
     SELECT x.id, x.role, x.provider, x.enterprise
       FROM unnest($1::uuid[], $4::text[], $5::uuid[], $6::uuid[]) AS x(id, role, provider, enterprise)`,
    [
      people.map((p) => p[0]),
      people.map((p) => p[1]),
      people.map((p) => p[2]),
      people.map((p) => p[3]),
      people.map((p) => p[4]),
      people.map((p) => p[5]),
    ],
  );

  const programmes = TRADES.map(([provider, scheme, title, code, occupation, enterprises], i) => ({
    id: uid(`${seed}:programme:${i}`),
    provider,
    scheme,
    title,
    code,
    occupation,
    enterprises,
  }));
  // The machinery programme of apprenticeship-seed.ts already exists at the vocational school under this title.
  const existing = await m.query<Array<{ id: string }>>(
    `SELECT id FROM programmes WHERE provider_id = $1 AND title = '数控技术现代学徒制'`,
    [ids.providers.get('vocational')],
  );
  for (const p of programmes) {
    if (p.title === '数控技术现代学徒制' && existing[0]) {
      p.id = existing[0].id;
      continue;
    }
    await m.query(
      `INSERT INTO programmes (id, provider_id, kind, title, description, occupation_code)
       VALUES ($1, $2, 'apprenticeship', $3, $4, $5)`,
      [
        p.id,
        ids.providers.get(p.provider),
        p.title,
        `校企联合培养${p.occupation}，工学交替、双导师带教。`,
        p.code,
      ],
    );
  }

  const plans: Plan[] = [];
  let n = 0;
  // This year's leavers as in FATES, and last year's completions and withdrawals, so both years have them.
  const schedule: Array<[Fate, number, number]> = [
    ...FATES.map(([fate, count]): [Fate, number, number] => [fate, count, 0]),
    ...LAST_YEAR.map(([fate, count]): [Fate, number, number] => [fate, count, 1]),
  ];
  for (const [fate, count, yearsBack] of schedule) {
    for (let k = 0; k < count; k += 1) {
      n += 1;
      // A transfer continues with another company of the same trade, so it needs a trade with two.
      const choices =
        fate === 'transferred' ? programmes.filter((p) => p.enterprises.length > 1) : programmes;
      const programme = choices[(n * 5 + k) % choices.length];
      const enterpriseKey = rng.pick(programme.enterprises);
      const mentorIds = mentors.get(enterpriseKey) ?? [];
      const enterpriseMentor = rng.pick(mentorIds);
      const leaveOn = fate === 'completed' || fate === 'withdrawn' ? leaveDate(today, yearsBack, rng) : null;
      const days =
        fate === 'draft' || fate === 'awaiting'
          ? rng.int(7, 40)
          : leaveOn
            ? daysFrom(today, leaveOn) - (fate === 'completed' ? rng.int(700, 740) : rng.int(90, 400))
            : -rng.int(120, 640);
      const start = addDays(today, days);
      const length = programme.scheme === 'modern' ? 730 : rng.pick([365, 540, 730]);
      const end = fate === 'completed' && leaveOn ? leaveOn : addDays(start, length);
      const ageAtStart = programme.scheme === 'modern' ? rng.int(18, 19) : rng.int(20, 34);
      plans.push(
        planFor(n, fate, { programme, enterpriseKey, enterpriseMentor, start, end, ageAtStart, leaveOn }),
      );
    }
  }

  function planFor(
    i: number,
    fate: Fate,
    o: {
      programme: (typeof programmes)[number];
      enterpriseKey: string;
      enterpriseMentor: string;
      start: string;
      end: string;
      ageAtStart: number;
      /** The day a withdrawn agreement ends. */
      leaveOn: string | null;
    },
  ): Plan {
    const coordinator = ids.coordinators.get(o.programme.provider) ?? '';
    const drafted = addDays(o.start < today ? o.start : today, -rng.int(10, 30));
    const elapsedWeeks = Math.max(0, Math.floor(daysFrom(o.start, today) / 7) - 1);
    const plan: Plan = {
      id: uid(`${seed}:agreement:${i}`),
      n: i,
      fate,
      scheme: o.programme.scheme,
      providerKey: o.programme.provider,
      enterpriseKey: o.enterpriseKey,
      programmeId: o.programme.id,
      occupationCode: o.programme.code,
      occupation: o.programme.occupation,
      apprentice: uid(`${seed}:apprentice:${i}`),
      schoolMentor: coordinator,
      enterpriseMentor: o.enterpriseMentor,
      start: o.start,
      end: o.end,
      predecessor: null,
      weeks: 0,
      signedWeeks: 0,
      returned: 0,
      workplacePerDay: rng.pick([6, 7, 7, 8]),
      waitingSince: rng.int(2, 6),
      events: [{ type: AgreementEventType.Drafted, on: drafted, actor: coordinator }],
      confirmed: [],
      milestone: null,
      ageAtStart: o.ageAtStart,
    };
    if (fate === 'draft') return plan;
    plan.confirmed =
      fate === 'awaiting'
        ? (['school', 'enterprise'].slice(0, 1 + (i % 2)) as Plan['confirmed'])
        : ['school', 'enterprise', 'apprentice'];
    const confirmedBy = { school: coordinator, enterprise: o.enterpriseMentor, apprentice: plan.apprentice };
    for (const party of plan.confirmed) {
      plan.events.push({ type: AgreementEventType.Confirmed, on: drafted, actor: confirmedBy[party] });
    }
    if (fate === 'awaiting') return plan;
    plan.events.push({ type: AgreementEventType.Activated, on: o.start, actor: o.enterpriseMentor });
    const weeks = fate === 'completed' ? Math.floor(daysFrom(o.start, o.end) / 7) - 1 : elapsedWeeks;
    const stopAt = (share: number) => Math.max(4, Math.floor(weeks * share));
    switch (fate) {
      case 'active':
        plan.weeks = weeks;
        plan.signedWeeks = weeks - rng.int(0, 2);
        plan.returned = rng.chance(0.3) ? 1 : 0;
        break;
      case 'behind':
        // Logged only two weeks in three: signed hours fall behind plan.
        plan.weeks = stopAt(0.6);
        plan.signedWeeks = plan.weeks;
        break;
      case 'unsigned':
        plan.weeks = weeks;
        plan.signedWeeks = weeks - rng.int(3, 4);
        plan.waitingSince = rng.int(15, 30);
        break;
      case 'paused': {
        plan.weeks = stopAt(0.7);
        plan.signedWeeks = plan.weeks;
        const on = addDays(plan.start, (plan.weeks + 1) * 7 + 7);
        plan.events.push({
          type: AgreementEventType.Paused,
          on,
          actor: coordinator,
          reason: '因病休学，医院证明已存档',
        });
        break;
      }
      case 'withdrawn': {
        const on = o.leaveOn ?? addDays(plan.start, (stopAt(0.5) + 1) * 7 + 7);
        plan.weeks = Math.max(4, Math.floor(daysFrom(plan.start, on) / 7) - 2);
        plan.signedWeeks = plan.weeks;
        const [code, reason] = WITHDRAWALS[i % WITHDRAWALS.length];
        plan.events.push({
          type: AgreementEventType.Withdrawn,
          on,
          actor: coordinator,
          reasonCode: code,
          reason,
        });
        break;
      }
      case 'transferred': {
        plan.weeks = stopAt(0.5);
        plan.signedWeeks = plan.weeks;
        const on = addDays(plan.start, (plan.weeks + 1) * 7 + 7);
        plan.events.push({
          type: AgreementEventType.Transferred,
          on,
          actor: coordinator,
          reason: '原企业停产，转入同行企业继续培养',
        });
        break;
      }
      case 'completed':
        plan.weeks = weeks;
        plan.signedWeeks = weeks;
        plan.events.push({ type: AgreementEventType.Completed, on: o.end, actor: coordinator });
        break;
      default:
        break;
    }
    if (fate !== 'behind' && weeks > 10) plan.milestone = addDays(today, -rng.int(10, 70));
    if (fate === 'completed') plan.milestone = addDays(o.end, -rng.int(20, 60));
    return plan;
  }

  // A transfer continues with another company from the day after, as a new agreement linked to the first.
  for (const p of plans.filter((x) => x.fate === 'transferred')) {
    const on = p.events[p.events.length - 1].on;
    const programme = programmes.find((x) => x.id === p.programmeId) ?? programmes[0];
    const other = programme.enterprises.find((e) => e !== p.enterpriseKey) ?? 'machinery';
    const enterpriseMentor = (mentors.get(other) ?? [p.enterpriseMentor])[0];
    const next: Plan = {
      ...p,
      id: uid(`${seed}:agreement:${p.n}:continued`),
      fate: 'active',
      enterpriseKey: other,
      enterpriseMentor,
      start: addDays(on, 1),
      predecessor: p.id,
      events: [
        { type: AgreementEventType.Drafted, on, actor: p.schoolMentor },
        { type: AgreementEventType.Confirmed, on, actor: p.schoolMentor },
        { type: AgreementEventType.Confirmed, on, actor: enterpriseMentor },
        { type: AgreementEventType.Confirmed, on, actor: p.apprentice },
        { type: AgreementEventType.Activated, on: addDays(on, 1), actor: enterpriseMentor },
      ],
      confirmed: ['school', 'enterprise', 'apprentice'],
      milestone: null,
    };
    next.weeks = Math.max(0, Math.floor(daysFrom(next.start, today) / 7) - 1);
    next.signedWeeks = Math.max(0, next.weeks - 1);
    plans.push(next);
  }
  await insertPlans(m, plans, ids, seed, today, rng);
  // Apprentices live near their company to begin with; then they cluster so no township cell is 1 to 4 people.
  const homeOf = new Map<string, number>([
    ...DEMO_ENTERPRISES.map((e): [string, number] => [e.key, e.township]),
    ...ENTERPRISES.map((e): [string, number] => [e.key, e.township]),
  ]);
  const homes = new Map(plans.map((p) => [p.apprentice, homeOf.get(p.enterpriseKey) ?? 0]));
  // 李小军, the demo apprentice who signs in, keeps the home of his profile.
  const left = await clusterApprentices(m, seed, today, homes, ['13800000007'], APPRENTICE_TOWNSHIPS);
  if (process.env.SEED_TIMING) console.log(`seed: apprentices clustered, deficit left ${left}`);
  return plans.length;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function insertPlans(
  m: EntityManager,
  plans: Plan[],
  ids: Ids,
  seed: number,
  today: string,
  rng: Rng,
): Promise<void> {
  const apprentices = plans.filter((p) => !p.predecessor);
  const villageOffset = (i: number) => (i * 7) % 60;
  await m.query(
    `WITH u AS (
       INSERT INTO users (id, name, mobile, password_hash)
       SELECT id, name, mobile, '!' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, name, mobile)
     ), r AS (
       INSERT INTO role_assignments (user_id, role) SELECT id, 'learner' FROM unnest($1::uuid[]) AS x(id)
     )
     INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     SELECT x.id, x.birth, x.sex, v.township_code, v.code, x.attainment, x.employment
       FROM unnest($1::uuid[], $4::date[], $5::text[], $6::text[], $7::text[], $8::int[])
              AS x(id, birth, sex, attainment, employment, village)
       JOIN LATERAL (SELECT code, township_code FROM villages WHERE code LIKE '339901%' ORDER BY code
                      OFFSET x.village LIMIT 1) v ON true`,
    [
      apprentices.map((p) => p.apprentice),
      apprentices.map(() => rng.pick(SURNAMES) + rng.pick(GIVEN) + rng.pick(GIVEN)),
      apprentices.map((p) => `1370200${String(p.n).padStart(4, '0')}`),
      apprentices.map((p) => addDays(p.start, -365 * p.ageAtStart - rng.int(10, 300))),
      apprentices.map(() => (rng.chance(0.35) ? 'female' : 'male')),
      apprentices.map((p) =>
        p.scheme === 'modern'
          ? 'junior_secondary'
          : rng.pick(['junior_secondary', 'senior_secondary', 'secondary_vocational']),
      ),
      apprentices.map((p) => (p.scheme === 'modern' ? 'student' : 'employed')),
      apprentices.map((p) => villageOffset(p.n)),
    ],
  );
  const col = <T>(f: (p: Plan) => T) => plans.map(f);
  await m.query(
    `INSERT INTO apprenticeship_agreements (id, scheme, provider_id, enterprise_id, apprentice_user_id, programme_id,
            occupation_code, occupation_name, school_mentor_user_id, enterprise_mentor_user_id, start_date,
            planned_end_date, planned_school_hours, planned_workplace_hours, predecessor_id, created_by_user_id)
     SELECT x.* , x.school FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[],
                          $8::text[], $9::uuid[], $10::uuid[], $11::date[], $12::date[], $13::int[], $14::int[], $15::uuid[])
       AS x(id, scheme, provider, enterprise, apprentice, programme, code, occupation, school, mentor, start, finish,
            school_hours, workplace_hours, predecessor)
      ORDER BY x.predecessor NULLS FIRST`,
    [
      col((p) => p.id),
      col((p) => p.scheme),
      col((p) => ids.providers.get(p.providerKey)),
      col((p) => ids.enterprises.get(p.enterpriseKey)),
      col((p) => p.apprentice),
      col((p) => p.programmeId),
      col((p) => p.occupationCode),
      col((p) => p.occupation),
      col((p) => p.schoolMentor),
      col((p) => p.enterpriseMentor),
      col((p) => p.start),
      col((p) => p.end),
      col((p) => (p.scheme === 'modern' ? 600 : 300)),
      col((p) => (p.scheme === 'modern' ? 2000 : 1400)),
      col((p) => p.predecessor),
    ],
  );
  await m.query(
    `INSERT INTO apprenticeship_agreement_versions (agreement_id, version, terms, created_by_user_id)
     SELECT id, 1, jsonb_build_object('startDate', start_date, 'plannedEndDate', planned_end_date,
                                      'plannedSchoolHours', planned_school_hours,
                                      'plannedWorkplaceHours', planned_workplace_hours), created_by_user_id
       FROM apprenticeship_agreements WHERE id = ANY($1::uuid[]) ORDER BY start_date, id`,
    [col((p) => p.id)],
  );
  const confirmations = plans.flatMap((p) =>
    p.confirmed.map((party) => ({
      id: p.id,
      party,
      by: { school: p.schoolMentor, enterprise: p.enterpriseMentor, apprentice: p.apprentice }[party],
      on: p.events[0].on,
    })),
  );
  await m.query(
    `INSERT INTO apprenticeship_confirmations (agreement_id, version, party, confirmed_by_user_id, confirmed_at)
     SELECT a, 1, party, who, d::date + time '10:00' FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[]) AS x(a, party, who, d)`,
    [
      confirmations.map((c) => c.id),
      confirmations.map((c) => c.party),
      confirmations.map((c) => c.by),
      confirmations.map((c) => c.on),
    ],
  );
  const events = plans.flatMap((p) => p.events.map((e, k) => ({ ...e, id: p.id, k })));
  await m.query(
    `INSERT INTO apprenticeship_events (agreement_id, type, state_after, effective_date, version, actor_user_id,
                                        reason_code, reason, details, occurred_at)
     SELECT a, t, s, d, 1, who, code, reason, '{}', d::date + time '10:00' + make_interval(mins => k)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::uuid[], $6::text[], $7::text[], $8::int[])
              AS x(a, t, s, d, who, code, reason, k)
      ORDER BY d, a, k`,
    [
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => STATE_AFTER[e.type]),
      events.map((e) => e.on),
      events.map((e) => e.actor),
      events.map((e) => e.reasonCode ?? null),
      events.map((e) => e.reason ?? null),
      events.map((e) => e.k),
    ],
  );
  const withMilestone = plans.filter((p) => p.milestone);
  await m.query(
    `INSERT INTO apprenticeship_assessments (agreement_id, kind, title, result, assessed_on, assessor_user_id,
                                             assessor_side, comment)
     SELECT a, 'milestone', '阶段岗位技能考核', 'passed', d, who, 'workplace', '能按作业指导书独立完成本岗位工作。'
       FROM unnest($1::uuid[], $2::date[], $3::uuid[]) AS x(a, d, who)`,
    [
      withMilestone.map((p) => p.id),
      withMilestone.map((p) => p.milestone),
      withMilestone.map((p) => p.enterpriseMentor),
    ],
  );
  // Weekly logs from the first full week: Monday at school, Tuesday to Friday at the workplace. The last weeks of
  // a running agreement may wait for a signature, or come back with a comment to correct.
  const logged = plans.filter((p) => p.weeks > 0);
  await m.query(
    `CREATE TEMP TABLE demo_log_weeks ON COMMIT DROP AS
     SELECT ${"overlay(overlay(md5($1 || ':w' || x.a || '-' || w) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid"} AS id,
            x.a AS agreement_id, x.first + 7 * w AS week_start, x.per_day, x.school, x.mentor,
            CASE WHEN w < x.signed THEN 'signed' WHEN w < x.signed + x.returned THEN 'returned' ELSE 'submitted' END AS status,
            CASE WHEN w < x.signed THEN x.first + 7 * w + 5 ELSE $2::date - x.waiting END AS submitted_on
       FROM unnest($3::uuid[], $4::date[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::uuid[], $11::uuid[])
              AS x(a, first, weeks, signed, returned, per_day, waiting, school, mentor)
       CROSS JOIN LATERAL generate_series(0, x.weeks - 1) w
      WHERE x.first + 7 * w + 4 < $2::date`,
    [
      String(seed),
      today,
      logged.map((p) => p.id),
      logged.map((p) => mondayOfIsoWeek(isoWeekOf(addDays(p.start, 7)))),
      logged.map((p) => p.weeks),
      logged.map((p) => p.signedWeeks),
      logged.map((p) => p.returned),
      logged.map((p) => p.workplacePerDay),
      logged.map((p) => p.waitingSince),
      logged.map((p) => p.schoolMentor),
      logged.map((p) => p.enterpriseMentor),
    ],
  );
  await m.query(
    `INSERT INTO apprenticeship_log_weeks (id, agreement_id, week_start, description, school_hours, workplace_hours,
            school_status, workplace_status, school_signed_at, workplace_signed_at, submitted_at,
            school_signed_by_user_id, workplace_signed_by_user_id, workplace_comment)
     SELECT id, agreement_id, week_start, '周一在校学习专业理论，周二至周五在岗位跟师傅实操。', 6, per_day * 4,
            CASE WHEN status = 'returned' THEN 'signed' ELSE status END, status,
            CASE WHEN status <> 'submitted' THEN (week_start + 7) + time '09:00' END,
            CASE WHEN status = 'signed' THEN (week_start + 7) + time '09:30' END,
            submitted_on + time '18:00',
            CASE WHEN status <> 'submitted' THEN school END, CASE WHEN status = 'signed' THEN mentor END,
            CASE WHEN status = 'returned' THEN '周四的工时与考勤记录不一致，请核对后重新提交。' END
       FROM demo_log_weeks ORDER BY agreement_id, week_start`,
  );
  await m.query(
    `INSERT INTO apprenticeship_log_days (week_id, day, school_hours, workplace_hours)
     SELECT w.id, w.week_start + d, CASE WHEN d = 0 THEN 6 ELSE 0 END, CASE WHEN d = 0 THEN 0 ELSE w.per_day END
       FROM demo_log_weeks w CROSS JOIN generate_series(0, 4) d ORDER BY w.id, d`,
  );
}
