import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_READS } from '../audit/audit-policy.js';
import { type Actor, makeActor, makeProvider } from '../testing/offer-builders.js';
import { MATRIX } from '../testing/route-matrix.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let bureau: Actor;

beforeAll(async () => {
  t = await startTestApp();
  await makeProvider(t, 'pending', '待审核培训学校');
  bureau = await makeActor(t, Role.BureauAdmin);
});
afterAll(async () => {
  await t.close();
});

const bureauRoutes = Object.entries(MATRIX)
  .filter(([route, who]) => route.startsWith('GET ') && Array.isArray(who))
  .filter(([, who]) => (who as Role[]).some((r) => r === Role.BureauAnalyst || r === Role.BureauAdmin))
  .map(([route]) => route);

describe('what the bureau reads', () => {
  it('classifies every route the bureau may read as aggregate, organisations only, or audited', () => {
    expect(bureauRoutes.filter((r) => !(r in BUREAU_READS))).toEqual([]);
    expect(Object.keys(BUREAU_READS).filter((r) => !bureauRoutes.includes(r))).toEqual([]);
  });

  it('puts every view of a page about identifiable people on the audit trail, with the viewer and the request', async () => {
    const audited = Object.entries(BUREAU_READS).filter(([, kind]) => kind === 'audited');
    expect(audited.length).toBeGreaterThan(0);
    for (const [route] of audited) {
      const path = route.slice('GET '.length);
      const res = await t.http.get(path).auth(bureau.token, { type: 'bearer' });
      expect(res.status, route).toBe(200);
      const requestId = res.headers['x-request-id'];
      const events: Array<{ actor_user_id: string; action: string }> = await t.db.query(
        `SELECT actor_user_id, action FROM audit_events WHERE request_id = $1`,
        [requestId],
      );
      expect(events, route).toHaveLength(1);
      expect(events[0].actor_user_id).toBe(bureau.id);
    }
    // The provider list names the providers shown, so a later question "who saw this contact?" has an answer.
    const [view]: Array<{ details: { shown: string[] } }> = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'providers.viewed' ORDER BY id DESC LIMIT 1`,
    );
    expect(view.details.shown).toHaveLength(1);
  });
});
