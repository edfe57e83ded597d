import { IndicatorCode as C, Role, maskName } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1 } from '../testing/builders.js';
import {
  type CourseRef,
  indicatorCourse,
  insertCompletion,
  insertResident,
} from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, withSecondFactor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The bureau's data-quality view against generated completions: the fast ones are found again here from the raw
 * times with the rule written a second way (JavaScript dates, not SQL), and the moved figures are checked against
 * the stored snapshots themselves.
 */
const bearer = { type: 'bearer' } as const;
const HOUR = 3600_000;
let t: TestApp;
let admin: Actor;
let limited: Actor;
let staff: Actor;

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  recordId: string;
  name: string;
  providerId: string;
  township: string;
  inWindow: boolean;
  fast: boolean;
}

const SESSION_START = new Date('2025-01-01T00:00:00Z');

async function course(providerId: string, hours: number, title: string): Promise<CourseRef> {
  const own = await makeActor(t, Role.ProviderStaff, providerId);
  const ref = await indicatorCourse(t, own, providerId, { kind: 'community', title }, 'community_life');
  await t.db.query(`UPDATE courses SET study_hours = $2 WHERE id = $1`, [ref.courseId, hours]);
  await t.db.query(
    `UPDATE course_sessions SET starts_at = $2, enrolment_opens_at = $2::timestamptz - interval '30 days',
            enrolment_closes_at = $2 WHERE id = $1`,
    [ref.sessionId, SESSION_START],
  );
  return ref;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  limited = await makeActor(t, Role.Learner);
  await t.db.query(
    `INSERT INTO role_assignments (user_id, role, township_prefix) VALUES ($1, 'bureau_analyst', $2)`,
    [limited.id, TOWNSHIP_B.slice(0, 9)],
  );
  await withSecondFactor(t, limited);
  const providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderStaff, providerId);
});
afterAll(async () => {
  await t.close();
});

describe('completions faster than the planned hours allow', () => {
  const planned: Planned[] = [];
  const providers: string[] = [];

  beforeAll(async () => {
    const random = generator(18);
    for (const name of ['快学培训学校', '慢学社区学院'])
      providers.push(await makeProvider(t, 'approved', name));
    const courses = [
      { providerId: providers[0], hours: 4, ref: await course(providers[0], 4, '四学时') },
      { providerId: providers[0], hours: 16, ref: await course(providers[0], 16, '十六学时') },
      { providerId: providers[1], hours: 10, ref: await course(providers[1], 10, '十学时') },
    ];
    // Durations around the rule's edge (half the planned hours), seconds, days, and recorded before the seat.
    const shares = [0.0002, 0.3, 0.49, 0.499, 0.501, 0.51, 0.8, 3, 40, -0.2];
    for (let i = 0; i < 60; i += 1) {
      const c = courses[Math.floor(random() * courses.length)];
      const township = random() < 0.5 ? TOWNSHIP_A : TOWNSHIP_B;
      const uid = await insertResident(t, {
        birthDate: '1980-01-01',
        sex: 'female',
        township,
        village: township === TOWNSHIP_A ? VILLAGE_A1 : VILLAGE_B1,
      });
      const name = `${'王李张刘陈'[i % 5]}学员${i}`;
      await t.db.query(`UPDATE users SET name = $2 WHERE id = $1`, [uid, name]);
      // Enrolled some days into 2025 (a few in late 2024, before the session began); seat later or not recorded.
      const created = new Date(SESSION_START.getTime() + (random() * 340 - 20) * 24 * HOUR);
      const seat = random() < 0.3 ? null : new Date(created.getTime() + random() * 48 * HOUR);
      const attendedDaysBefore = random() < 0.25 ? Math.floor(random() * 5) : null;
      const share = shares[Math.floor(random() * shares.length)];
      const begun = new Date(
        Math.max(
          SESSION_START.getTime(),
          Math.min(
            seat?.getTime() ?? created.getTime(),
            created.getTime(),
            attendedDaysBefore === null ? Infinity : chinaMidnight(created, attendedDaysBefore).getTime(),
          ),
        ),
      );
      const completed = new Date(begun.getTime() + share * c.hours * HOUR + (random() - 0.5) * 1000);
      const completedOn = chinaDay(completed);
      const [row] = await t.db.query(
        `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, created_at,
                                 seat_taken_at, ended_at)
         VALUES ($1, $2, $3, 'completed', nextval('enrolment_queue_seq'), $4, $5, $6) RETURNING id`,
        [uid, c.ref.sessionId, c.ref.courseId, created, seat, completed],
      );
      if (attendedDaysBefore !== null) {
        await t.db.query(
          `INSERT INTO attendance (enrolment_id, class_date, session_id, recorded_by_user_id)
           VALUES ($1, $2, $3, $4)`,
          [row.id, chinaDay(chinaMidnight(created, attendedDaysBefore)), c.ref.sessionId, staff.id],
        );
      }
      // The completion is recorded at `completed` (learning records are append-only: written once, with the time).
      const [record] = await t.db.query(
        `INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title,
                                       provider_name, category, hours, credits, completed_on, evidence, created_at)
         SELECT $1, $2, c.id, c.provider_id, c.title, '学校', 'community_life', c.study_hours, 1, $3, '{}', $4
           FROM courses c WHERE c.id = $5 RETURNING id`,
        [uid, row.id, completedOn, completed, c.ref.courseId],
      );
      const elapsed = completed.getTime() - begun.getTime();
      planned.push({
        recordId: record.id,
        name,
        providerId: c.providerId,
        township,
        inWindow: completedOn >= '2025-01-01' && completedOn <= '2025-12-31',
        fast: elapsed < 0.5 * c.hours * HOUR,
      });
    }
  });

  it('counts them by provider with the share of the provider’s completions, and states the rule', async () => {
    const res = await t.http
      .get('/api/data-quality/fast-completions?year=2025')
      .auth(admin.token, bearer)
      .expect(200);
    expect(res.body.threshold).toBe(0.5);
    expect(res.body.window).toEqual({ first: '2025-01-01', last: '2025-12-31' });
    const expected = providers
      .map((id) => {
        const mine = planned.filter((p) => p.providerId === id && p.inWindow);
        const fast = mine.filter((p) => p.fast).length;
        return { providerId: id, completions: mine.length, fast, share: fast / mine.length };
      })
      .filter((p) => p.completions > 0)
      .sort((a, b) => b.share - a.share);
    expect(expected.some((p) => p.fast > 0)).toBe(true);
    expect(expected.every((p) => p.fast < p.completions)).toBe(true);
    expect(
      res.body.providers.map((p: Record<string, unknown>) => ({
        providerId: p.providerId,
        completions: p.completions,
        fast: p.fast,
        share: p.share,
      })),
    ).toEqual(expected);
  });

  it('lists the enrolments behind each count with masked names, and audits every view', async () => {
    for (const providerId of providers) {
      const res = await t.http
        .get(`/api/data-quality/fast-completions/rows?year=2025&providerId=${providerId}`)
        .auth(admin.token, bearer)
        .expect(200);
      const rows = res.body.rows as Array<{ recordId: string; learner: string; durationSeconds: number }>;
      const expected = planned.filter((p) => p.providerId === providerId && p.inWindow && p.fast);
      expect(new Set(rows.map((r) => r.recordId))).toEqual(new Set(expected.map((p) => p.recordId)));
      for (const row of rows) {
        const person = expected.find((p) => p.recordId === row.recordId) as Planned;
        expect(row.learner).toBe(maskName(person.name));
        expect(row.learner).not.toContain('学员');
      }
      const [audit] = await t.db.query(
        `SELECT actor_user_id, details FROM audit_events WHERE request_id = $1`,
        [res.headers['x-request-id']],
      );
      expect(audit.actor_user_id).toBe(admin.id);
      expect(new Set(audit.details.shown)).toEqual(new Set(expected.map((p) => p.recordId)));
    }
  });

  it('shows a township-limited analyst only the learners of their townships', async () => {
    const summary = await t.http
      .get('/api/data-quality/fast-completions?year=2025')
      .auth(limited.token, bearer)
      .expect(200);
    const inB = planned.filter((p) => p.inWindow && p.township === TOWNSHIP_B);
    expect(
      summary.body.providers.reduce((n: number, p: { completions: number }) => n + p.completions, 0),
    ).toBe(inB.length);
    const rows = await t.http
      .get('/api/data-quality/fast-completions/rows?year=2025')
      .auth(limited.token, bearer)
      .expect(200);
    expect(rows.body.rows.every((r: { township: string }) => r.township === TOWNSHIP_B)).toBe(true);
    expect(rows.body.rows).toHaveLength(inB.filter((p) => p.fast).length);
  });

  it('refuses odd years and provider ids with a code, and anyone outside the bureau', async () => {
    for (const q of ['year=0', 'year=99999', 'providerId=nope']) {
      const res = await t.http
        .get(`/api/data-quality/fast-completions/rows?${q}`)
        .auth(admin.token, bearer)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const res = await t.http
      .get('/api/data-quality/fast-completions?year=2001')
      .auth(admin.token, bearer)
      .expect(400);
    expect(res.body.code).toBe('YEAR_OUT_OF_RANGE');
    await t.http.get('/api/data-quality/fast-completions/rows').auth(staff.token, bearer).expect(403);
    await t.http.get('/api/data-quality/moved-figures').auth(staff.token, bearer).expect(403);
  });
});

function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

/** 00:00 China time, `daysBefore` days before the China day of `at`. */
function chinaMidnight(at: Date, daysBefore: number): Date {
  const day = new Date(`${chinaDay(at)}T00:00:00+08:00`);
  return new Date(day.getTime() - daysBefore * 24 * HOUR);
}

describe('figures that moved since the last close', () => {
  it('compares the closed year with its recomputation, largest change first, small changes hidden', async () => {
    const none = await t.http.get('/api/data-quality/moved-figures').auth(admin.token, bearer).expect(200);
    expect(none.body).toMatchObject({ year: null, moved: [], hidden: [] });
    const providerId = await makeProvider(t, 'approved', '补报学校');
    const own = await makeActor(t, Role.ProviderStaff, providerId);
    const ref = await indicatorCourse(
      t,
      own,
      providerId,
      { kind: 'community', title: '补报' },
      'community_life',
    );
    await t.http.post('/api/indicators/2024/recompute').auth(admin.token, bearer).expect(200);
    await t.http.post('/api/indicators/periods/2024/close').auth(admin.token, bearer).expect(201);
    const late = async (count: number, township: string, village: string, on: string) => {
      for (let i = 0; i < count; i += 1) {
        const id = await insertResident(t, { birthDate: '1990-03-03', sex: 'male', township, village });
        await insertCompletion(t, id, ref, on, 'community_life', true);
      }
    };
    // Before the close nothing of 2024 existed; afterwards 7 completions in A and 6 in B were reported.
    await late(7, TOWNSHIP_A, VILLAGE_A1, '2024-10-10');
    await late(6, TOWNSHIP_B, VILLAGE_B1, '2024-11-11');
    await t.http.post('/api/indicators/2024/recompute').auth(admin.token, bearer).expect(200);
    const res = await t.http
      .get('/api/data-quality/moved-figures?sort=absolute')
      .auth(admin.token, bearer)
      .expect(200);
    expect(res.body.year).toBe(2024);
    const snapshot = async (kind: string) => {
      const [s] = await t.db.query(
        `SELECT results FROM indicator_snapshots WHERE year = 2024 AND kind = $1`,
        [kind],
      );
      return JSON.parse(s.results as string) as {
        indicators: Array<{
          code: C;
          value: number;
          breakdowns: { township?: Array<{ key: string; value: number }> };
        }>;
      };
    };
    const [frozen, provisional] = [await snapshot('frozen'), await snapshot('provisional')];
    const raw = (s: typeof frozen, code: C, township: string | null) => {
      const f = s.indicators.find((x) => x.code === code);
      if (!f) return 0;
      return township === null
        ? f.value
        : (f.breakdowns.township?.find((c) => c.key === township)?.value ?? 0);
    };
    const moved = res.body.moved as Array<{
      code: C;
      township: string | null;
      closed: number;
      current: number;
      change: number;
    }>;
    // Every change shown is the snapshots' own difference, and they come largest first.
    for (const m of moved) {
      expect(m.closed).toBe(raw(frozen, m.code, m.township));
      expect(m.current).toBe(raw(provisional, m.code, m.township));
      expect(m.change).toBeCloseTo(m.current - m.closed, 10);
    }
    const sizes = moved.map((m) => Math.abs(m.change));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const completions = moved.filter((m) => m.code === C.Completions);
    expect(completions.map((m) => [m.township, m.change])).toEqual([
      [null, 13],
      [TOWNSHIP_A, 7],
      [TOWNSHIP_B, 6],
    ]);

    // One more person in B: a change from fewer than 5 people hides B, and with it A (the total would give it).
    await late(1, TOWNSHIP_B, VILLAGE_B1, '2024-12-12');
    await late(4, TOWNSHIP_A, VILLAGE_A1, '2024-12-12');
    await t.http.post('/api/indicators/2024/recompute').auth(admin.token, bearer).expect(200);
    const after = await t.http.get('/api/data-quality/moved-figures').auth(admin.token, bearer).expect(200);
    const codes = (list: Array<{ code: C; township: string | null }>) =>
      list.filter((m) => m.code === C.Completions).map((m) => m.township);
    expect(codes(after.body.moved)).toEqual([null]);
    expect(codes(after.body.hidden)).toEqual([TOWNSHIP_A, TOWNSHIP_B]);
    for (const h of after.body.hidden) expect(h).toMatchObject({ closed: null, current: null, change: null });
    // Relative order: a cell new since the close (closed 0) first, then by |change| ÷ |closed|.
    const rel = after.body.moved as Array<{ relativeChange: number | null }>;
    const r = rel.map((m) => (m.relativeChange === null ? Infinity : Math.abs(m.relativeChange)));
    expect(r).toEqual([...r].sort((a, b) => b - a));

    // The township-limited analyst sees only township cells of B, never the county's.
    const scoped = await t.http
      .get('/api/data-quality/moved-figures')
      .auth(limited.token, bearer)
      .expect(200);
    for (const m of [...scoped.body.moved, ...scoped.body.hidden]) expect(m.township).toBe(TOWNSHIP_B);
    // Reading wrote nothing.
    const [n] = await t.db.query(`SELECT count(*)::int AS n FROM indicator_snapshots WHERE year = 2024`);
    expect(n.n).toBe(2);
  });
});
