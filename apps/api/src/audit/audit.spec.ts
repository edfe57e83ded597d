import { dateInTimeZone, Role } from '@cll/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCountyTimeZone } from '../common/date-only.js';
import { type Actor, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: Actor;
let resident: Actor;
let staff: Actor;
let proxied: Actor;
let analyst: Actor;

interface Stored {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

interface Page {
  items: Array<{
    id: string;
    actorUserId: string | null;
    actor: { id: string; name: string; masked: boolean; kind: string } | null;
    onBehalfOf: { name: string; masked: boolean } | null;
  }>;
  total: number;
  entityTypes: string[];
  actorFilter: { name: string; masked: boolean } | null;
}

const ACTIONS = ['course.created', 'course.updated', 'session.cancelled', 'profile.updated'];
const TYPES = ['course', 'session', 'user'];
/** Instants around the county's midnights (16:00 UTC in Asia/Shanghai) of 1-3 March 2026, and elsewhere. */
const INSTANTS = [
  '2026-02-28T15:59:59.999Z',
  '2026-02-28T16:00:00.000Z',
  '2026-03-01T08:00:00.000Z',
  '2026-03-01T15:59:59.999Z',
  '2026-03-01T16:00:00.000Z',
  '2026-03-02T23:00:00.000Z',
  '2026-03-03T16:00:00.000Z',
  '2025-12-31T16:00:00.000Z',
];

const get = (query: Record<string, string | number>, token = admin.token) =>
  t.http.get('/api/audit/events').query(query).auth(token, { type: 'bearer' });

beforeAll(async () => {
  t = await startTestApp();
  const providerId = await makeProvider(t);
  admin = await makeActor(t, Role.BureauAdmin, undefined, { name: '吴科长' });
  analyst = await makeActor(t, Role.BureauAnalyst, undefined, { name: '周分析员' });
  resident = await makeActor(t, Role.Learner, undefined, { name: '欧阳娜娜' });
  proxied = await makeActor(t, Role.Learner, undefined, { name: 'Li Wei' });
  staff = await makeActor(t, Role.ProviderStaff, providerId, { name: '刘老师' });
  // Generated events: every combination the filters tell apart, at instants either side of the county's midnights.
  const actors = [admin.id, resident.id, staff.id, null];
  const rows = fc.sample(
    fc.record({
      actor: fc.constantFrom(...actors),
      action: fc.constantFrom(...ACTIONS),
      entityType: fc.constantFrom(...TYPES),
      entityId: fc.constantFrom('e1', 'e2', null),
      at: fc.constantFrom(...INSTANTS),
      proxy: fc.boolean(),
    }),
    { numRuns: 160, seed: 21 },
  );
  for (const r of rows) {
    await t.db.query(
      `INSERT INTO audit_events (at, actor_user_id, on_behalf_of_user_id, action, entity_type, entity_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        r.at,
        r.actor,
        r.proxy && r.actor === resident.id ? proxied.id : null,
        r.action,
        r.entityType,
        r.entityId,
      ],
    );
  }
});
afterAll(async () => {
  await t.close();
});

/** Every stored event, filtered the simple way: in JavaScript, with the county date of each instant. */
async function expected(query: Record<string, string>): Promise<Stored[]> {
  const all: Stored[] = await t.db.query(
    `SELECT id::text, at, actor_user_id AS actor, action, entity_type AS "entityType", entity_id AS "entityId"
       FROM audit_events`,
  );
  const zone = currentCountyTimeZone();
  return all
    .filter(
      (e) =>
        (!query.action || e.action === query.action) &&
        (!query.actor || e.actor === query.actor) &&
        (!query.entityType || e.entityType === query.entityType) &&
        (!query.entityId || e.entityId === query.entityId) &&
        (!query.from || dateInTimeZone(e.at, zone) >= query.from) &&
        (!query.to || dateInTimeZone(e.at, zone) <= query.to),
    )
    .sort((a, b) => Number(b.id) - Number(a.id));
}

describe('audit trail filters', () => {
  it('returns exactly the events a simple filter over every stored event finds, for generated filter sets', async () => {
    const filters = fc.sample(
      fc.record(
        {
          action: fc.constantFrom(...ACTIONS, 'account.registered'),
          actor: fc.constantFrom('admin', 'resident', 'staff'),
          entityType: fc.constantFrom(...TYPES),
          entityId: fc.constantFrom('e1', 'e2'),
          from: fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-02'),
          to: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-04'),
        },
        { requiredKeys: [] },
      ),
      { numRuns: 60, seed: 7 },
    );
    const ids = { admin: admin.id, resident: resident.id, staff: staff.id };
    let nonEmpty = 0;
    for (const f of filters) {
      const query: Record<string, string> = { ...f, ...(f.actor ? { actor: ids[f.actor] } : {}) };
      if (query.from && query.to && query.to < query.from) query.to = query.from;
      const want = await expected(query);
      const res = await get({ ...query, pageSize: 200 });
      expect(res.status, JSON.stringify(query)).toBe(200);
      const page = res.body as Page;
      expect(page.total, JSON.stringify(query)).toBe(want.length);
      expect(page.items.map((i) => i.id)).toEqual(want.slice(0, 200).map((e) => e.id));
      if (want.length) nonEmpty += 1;
    }
    // The generated filters hit something most of the time, so equality above is not only of empty lists.
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('counts a day from the county’s midnight to the next, whatever the server’s zone', async () => {
    const res = await get({ from: '2026-03-01', to: '2026-03-01', actor: staff.id, pageSize: 200 });
    const days = (res.body as Page).items.map((i) => i.id);
    const rows: Array<{ id: string; at: Date }> = await t.db.query(
      `SELECT id::text, at FROM audit_events WHERE id = ANY($1::bigint[])`,
      [days],
    );
    const instants = new Set(rows.map((r) => r.at.toISOString()));
    // 2026-02-28T16:00Z is 00:00 on 1 March in the county; 2026-03-01T16:00Z is already 2 March.
    expect(instants.has('2026-02-28T15:59:59.999Z')).toBe(false);
    expect(instants.has('2026-03-01T16:00:00.000Z')).toBe(false);
    expect(
      [...instants].every((i) => i >= '2026-02-28T16:00:00.000Z' && i < '2026-03-01T16:00:00.000Z'),
    ).toBe(true);
  });

  it('pages through a filter without losing or repeating an event', async () => {
    const want = await expected({ actor: resident.id });
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 7); page += 1) {
      const res = await get({ actor: resident.id, page, pageSize: 7 });
      expect((res.body as Page).total).toBe(want.length);
      seen.push(...(res.body as Page).items.map((i) => i.id));
    }
    expect(seen).toEqual(want.map((e) => e.id));
  });

  it('lists the kinds of record the trail names, for the object filter', async () => {
    const page = (await get({})).body as Page;
    for (const type of TYPES) expect(page.entityTypes).toContain(type);
    expect([...page.entityTypes].sort()).toEqual(page.entityTypes);
  });
});

describe('who acted, as the bureau administrator may see them', () => {
  it('names staff in full and residents masked, never with their mobile', async () => {
    const res = await get({ pageSize: 200 });
    const page = res.body as Page;
    const byActor = new Map(page.items.filter((i) => i.actor).map((i) => [i.actorUserId, i.actor]));
    expect(byActor.get(staff.id)).toEqual({ id: staff.id, name: '刘老师', masked: false, kind: 'staff' });
    expect(byActor.get(admin.id)).toMatchObject({ name: '吴科长', masked: false, kind: 'staff' });
    expect(byActor.get(resident.id)).toEqual({
      id: resident.id,
      name: '欧***',
      masked: true,
      kind: 'resident',
    });
    const proxiedEvent = page.items.find((i) => i.onBehalfOf);
    expect(proxiedEvent?.onBehalfOf).toMatchObject({ name: 'L* W**', masked: true });
    const text = JSON.stringify(page);
    for (const person of [resident, proxied, staff]) expect(text).not.toContain(person.mobile);
    expect(text).not.toContain('欧阳娜娜');
    expect(text).not.toContain('Li Wei');
  });

  it('names the account of the actor filter as the list does', async () => {
    expect(((await get({ actor: resident.id })).body as Page).actorFilter).toMatchObject({
      name: '欧***',
      masked: true,
    });
    expect(((await get({ actor: staff.id })).body as Page).actorFilter).toMatchObject({ name: '刘老师' });
  });

  it('records each viewing with the filters used', async () => {
    const res = await get({ action: 'course.created', entityType: 'course', from: '2026-03-01' });
    expect(res.status).toBe(200);
    const [viewed] = await t.db.query(
      `SELECT actor_user_id AS actor, details FROM audit_events
        WHERE action = 'audit.viewed' AND request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(viewed).toMatchObject({
      actor: admin.id,
      details: { action: 'course.created', entityType: 'course', from: '2026-03-01', to: null },
    });
  });

  it('is the bureau administrator’s only: an analyst and a resident get 403', async () => {
    expect((await get({}, analyst.token)).status).toBe(403);
    expect((await get({}, resident.token)).body.code).toBe('FORBIDDEN');
  });
});

describe('bad filter values', () => {
  it.each([
    [{ actor: 'not-an-id' }, 'actor'],
    [{ actor: '13800000001' }, 'actor'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: '2026-13-01' }, 'to'],
    [{ from: '2026-03-01T00:00' }, 'from'],
    [{ from: '01/03/2026' }, 'from'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
    [{ entityType: 'course; DROP TABLE' }, 'entityType'],
    [{ entityId: 'x'.repeat(65) }, 'entityId'],
    [{ action: 'COURSE.CREATED' }, 'action'],
    [{ page: 0 }, 'page'],
    [{ pageSize: 201 }, 'pageSize'],
    [{ whoever: 'x' }, 'whoever'],
  ])('refuses %j with a coded 400 naming %s, and records no viewing', async (query, field) => {
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((res.body.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(after).toBe(before);
  });
});
