import {
  ATTAINMENT_RANK,
  AttainmentLevel as L,
  IndicatorCode as C,
  Role,
  YEARS_OF_SCHOOLING,
  YearsPreset,
} from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/auth.decorators.js';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1 } from '../testing/builders.js';
import {
  type CourseRef,
  indicatorCourse,
  insertCompletion,
  insertResident,
} from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, sessionBody } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { IndicatorEngine } from './indicator-engine.js';
import { IndicatorsService } from './indicators.service.js';

/**
 * The upgrading contribution from the attainment history, checked against the definition written a second way in
 * plain TypeScript (never the engine's SQL): each person once, the years of the level just after their last academic
 * completion in the period minus the years just before their first, never below 0; later edits change nothing.
 * The completions go through the same hook the completion service calls, in the order of their days.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let staff: Actor;
let providerId: string;

type CourseKey = 'sv' | 'ss' | 'jc1' | 'jc2' | 'ba' | 'voc';
const COURSE_KEYS: CourseKey[] = ['sv', 'ss', 'jc1', 'jc2', 'ba', 'voc'];
/** The programmes: which courses make each up and the level it confers (none for vocational training). */
const PROGRAMMES: Array<{ courses: CourseKey[]; confers: L | null }> = [
  { courses: ['sv'], confers: L.SecondaryVocational },
  { courses: ['ss'], confers: L.SeniorSecondary },
  { courses: ['jc1', 'jc2'], confers: L.JuniorCollege },
  { courses: ['ba'], confers: L.Bachelor },
  { courses: ['voc'], confers: null },
];
let courses: Record<CourseKey, CourseRef>;

const YEARS = YEARS_OF_SCHOOLING[YearsPreset.Bulletin];
const STARTS: L[] = [
  L.None,
  L.Primary,
  L.JuniorSecondary,
  L.SeniorSecondary,
  L.SecondaryVocational,
  L.JuniorCollege,
];

interface Person {
  township: string;
  village: string;
  start: L;
  completions: Array<{ course: CourseKey; on: string }>;
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** People with up to all six courses, completed on days from the year before `year` to the year after. */
function generate(seed: number, year: number): Person[] {
  const rand = random(seed);
  const people: Person[] = [];
  const size = 5 + rand(25);
  for (let i = 0; i < size; i += 1) {
    const [township, village] = rand(2) === 0 ? [TOWNSHIP_A, VILLAGE_A1] : [TOWNSHIP_B, VILLAGE_B1];
    const completions = COURSE_KEYS.filter(() => rand(2) === 0)
      .map((course) => {
        // Boundary days come up often: 1 January and 31 December of each year.
        const y = year - 1 + rand(3);
        const pick = rand(6);
        const on =
          pick === 0
            ? `${y}-01-01`
            : pick === 1
              ? `${y}-12-31`
              : `${y}-${pad(1 + rand(12))}-${pad(1 + rand(28))}`;
        return { course, on };
      })
      .sort((a, b) => a.on.localeCompare(b.on));
    people.push({ township, village, start: STARTS[rand(STARTS.length)], completions });
  }
  return people;
}

/** The history each person gets, written a second way: a programme raises the level when its last course is done. */
function history(p: Person): Array<{ on: string; before: L; after: L }> {
  let level = p.start;
  const done = new Set<CourseKey>();
  const events: Array<{ on: string; before: L; after: L }> = [];
  for (const c of p.completions) {
    done.add(c.course);
    const programme = PROGRAMMES.find((g) => g.courses.includes(c.course));
    if (!programme?.confers || !programme.courses.every((k) => done.has(k))) continue;
    if (ATTAINMENT_RANK[programme.confers] <= ATTAINMENT_RANK[level]) continue;
    events.push({ on: c.on, before: level, after: programme.confers });
    level = programme.confers;
  }
  return events;
}

function expected(people: Person[], first: string, last: string): { years: number; people: number } {
  let years = 0;
  let persons = 0;
  for (const p of people) {
    const inPeriod = history(p).filter((e) => e.on >= first && e.on <= last);
    if (!inPeriod.length) continue;
    persons += 1;
    years += Math.max(0, YEARS[inPeriod[inPeriod.length - 1].after] - YEARS[inPeriod[0].before]);
  }
  return { years, people: persons };
}

async function insert(people: Person[], order: 'forward' | 'reverse' = 'forward'): Promise<string[]> {
  const ids: string[] = [];
  for (const p of order === 'forward' ? people : [...people].reverse()) {
    const id = await insertResident(t, {
      birthDate: '1980-06-15',
      sex: 'female',
      township: p.township,
      village: p.village,
      attainment: p.start,
    });
    for (const c of p.completions) {
      await insertCompletion(t, id, courses[c.course], c.on, 'academic', false);
    }
    ids.push(id);
  }
  return ids;
}

async function upgrading(referenceDate: string) {
  const results = await t.app.get(IndicatorEngine).compute({
    year: Number(referenceDate.slice(0, 4)),
    referenceDate,
    baseline: null,
    ageBand: { from: 25, to: 64 },
  });
  const f = results.indicators.find((x) => x.code === C.UpgradingContribution);
  if (!f) throw new Error('no upgrading figure');
  return { years: f.numerator, people: f.people, version: f.version };
}

const shift = (people: Person[], years: number): Person[] =>
  people.map((p) => ({
    ...p,
    completions: p.completions.map((c) => ({
      ...c,
      on: `${Number(c.on.slice(0, 4)) + years}${c.on.slice(4)}`,
    })),
  }));

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  const academic = (title: string, confersAttainment: string) =>
    indicatorCourse(t, staff, providerId, { kind: 'academic', title, confersAttainment }, 'academic');
  const sv = await academic('成人中专', L.SecondaryVocational);
  const ss = await academic('成人高中', L.SeniorSecondary);
  const jc1 = await academic('成人大专', L.JuniorCollege);
  const ba = await academic('专升本', L.Bachelor);
  const voc = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'vocational_skill', title: '电工', occupationCode: '6-31-01-03' },
    'vocational_skills',
  );
  // The junior-college programme has a second course; both are published, so both must be done.
  const [{ programme_id: jcProgramme }] = await t.db.query(`SELECT programme_id FROM courses WHERE id = $1`, [
    jc1.courseId,
  ]);
  const c = await t.http.post('/api/courses').auth(staff.token, bearer).send({
    programmeId: jcProgramme,
    title: '成人大专第二学期',
    category: 'academic',
    mode: 'offline',
    studyHours: 10,
    credits: 1,
    description: '课程',
    coverText: '课程简介',
  });
  if (c.status !== 201) throw new Error(JSON.stringify(c.body));
  const s = await t.http
    .post(`/api/courses/${c.body.id}/sessions`)
    .auth(staff.token, bearer)
    .send(sessionBody());
  if (s.status !== 201) throw new Error(JSON.stringify(s.body));
  const jc2 = { courseId: c.body.id as string, sessionId: s.body.id as string };
  await t.db.query(`UPDATE courses SET status = 'published' WHERE programme_id = $1`, [jcProgramme]);
  courses = { sv, ss, jc1, jc2, ba, voc };
});
afterAll(async () => {
  await t?.close();
});

describe('upgrading contribution from the attainment history', () => {
  it('is definition version 2', async () => {
    expect((await upgrading('2030-12-31')).version).toBe(2);
  });

  // Each county lives in years of its own (completions from the year before to the year after its year).
  const COUNTIES = [1, 2, 3, 4, 5].map((k) => ({ seed: 7919 * k, year: 1930 + 4 * k }));

  it.each(COUNTIES)(
    'agrees with the definition written a second way (seed $seed)',
    async ({ seed, year }) => {
      const people = generate(seed, year);
      await insert(people);
      let counted = 0;
      for (const [first, last] of [
        [`${year - 1}-01-01`, `${year - 1}-12-31`],
        [`${year}-01-01`, `${year}-12-31`],
        [`${year}-01-01`, `${year}-06-30`],
        [`${year}-01-01`, `${year}-01-01`],
        [`${year + 1}-01-01`, `${year + 1}-12-31`],
      ]) {
        const want = expected(people, first, last);
        const got = await upgrading(last);
        expect(got.people, `${first}..${last}`).toBe(want.people);
        expect(got.years, `${first}..${last}`).toBeCloseTo(want.years, 9);
        counted += want.people;
      }
      // The generated county holds upgrades (else the comparison would prove nothing).
      expect(counted).toBeGreaterThan(0);
    },
  );

  it('does not change when the ids are relabelled (the same county inserted in reverse order)', async () => {
    // Two copies of the same county five years apart, the second inserted backwards (other ids, other order).
    const people = generate(4242, 1961);
    await insert(people);
    await insert(shift(people, 5), 'reverse');
    const a = await upgrading('1961-12-31');
    const b = await upgrading('1966-12-31');
    expect(b).toEqual(a);
    const want = expected(people, '1961-01-01', '1961-12-31');
    expect(a.people).toBe(want.people);
    expect(a.years).toBeCloseTo(want.years, 9);
  });

  it('counts the first and last day of the period and nothing outside it', async () => {
    const junior = (on: string): Person => ({
      township: TOWNSHIP_A,
      village: VILLAGE_A1,
      start: L.JuniorSecondary,
      completions: [{ course: 'sv', on }],
    });
    await insert([
      junior('1990-12-31'),
      junior('1991-01-01'),
      junior('1991-06-30'),
      junior('1991-07-01'),
      junior('1991-12-31'),
      junior('1992-01-01'),
    ]);
    expect(await upgrading('1991-12-31')).toMatchObject({ years: 12, people: 4 });
    // A period ending on a reference date counts that day and not the next.
    expect(await upgrading('1991-06-30')).toMatchObject({ years: 6, people: 2 });
    expect(await upgrading('1991-01-01')).toMatchObject({ years: 3, people: 1 });
  });

  it('counts a person with two upgrades in a period once, after minus before; two courses of a programme once', async () => {
    await insert([
      {
        township: TOWNSHIP_B,
        village: VILLAGE_B1,
        start: L.JuniorSecondary,
        completions: [
          { course: 'sv', on: '1995-03-01' },
          { course: 'jc1', on: '1995-05-01' },
          { course: 'jc2', on: '1995-09-01' },
          { course: 'ba', on: '1995-11-01' },
        ],
      },
    ]);
    // 9 → 12 → 16 → 16 (bulletin): 7 years, one person; completing the first of the two courses raised nothing.
    expect(await upgrading('1995-12-31')).toMatchObject({ years: 7, people: 1 });
    expect(await upgrading('1995-06-30')).toMatchObject({ years: 3, people: 1 });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM attainment_events e JOIN learning_records r ON r.id = e.learning_record_id
        WHERE r.completed_on BETWEEN '1995-01-01' AND '1995-12-31'`,
    );
    expect(n).toBe(3);
  });

  it('keeps a past and a closed year’s figure when the learner edits their profile or staff correct it later', async () => {
    const learner = await makeActor(t, Role.Learner, undefined, { attainment: 'junior_secondary' });
    await insertCompletion(t, learner.id, courses.sv, '2019-05-01', 'academic', false);
    const before = await upgrading('2019-12-31');
    expect(before).toMatchObject({ years: 3, people: 1 });
    const admin = await makeActor(t, Role.Learner);
    await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
    const service = t.app.get(IndicatorsService);
    const user: AuthUser = { id: admin.id, roles: [{ role: Role.BureauAdmin }] } as unknown as AuthUser;
    await service.close(user, 2019);
    const frozen = await service.stored(2019, 'frozen');

    // The learner declares a higher level, then a lower one; staff correct it with a reason.
    await t.http
      .patch('/api/me')
      .auth(learner.token, bearer)
      .send({ attainment: 'postgraduate' })
      .expect(200);
    await t.http.patch('/api/me').auth(learner.token, bearer).send({ attainment: 'primary' }).expect(200);
    const [{ id: enrolmentId }] = await t.db.query(
      `SELECT id FROM enrolments WHERE learner_user_id = $1 LIMIT 1`,
      [learner.id],
    );
    await t.http
      .post(`/api/enrolments/${enrolmentId}/attainment-corrections`)
      .auth(staff.token, bearer)
      .send({ attainment: 'senior_secondary', reason: '核验毕业证书' })
      .expect(201);

    expect(await upgrading('2019-12-31')).toEqual(before);
    // The recomputation beside the frozen figure shows no restatement; the frozen snapshot is byte-identical.
    const recomputed = await service.recompute(2019);
    const figure = recomputed.results.indicators.find((f) => f.code === C.UpgradingContribution);
    const frozenFigure = frozen?.results.indicators.find((f) => f.code === C.UpgradingContribution);
    expect(figure?.numerator).toBe(frozenFigure?.numerator);
    expect(figure?.people).toBe(frozenFigure?.people);
    expect((await service.stored(2019, 'frozen'))?.checksum).toBe(frozen?.checksum);
    // Nor does a later completion count in the closed year: it is dated on its own day.
    await insertCompletion(t, learner.id, courses.ba, '2020-02-01', 'academic', false);
    expect(await upgrading('2019-12-31')).toEqual(before);
    expect(await upgrading('2020-12-31')).toMatchObject({ years: 4, people: 1 });
  });
});
