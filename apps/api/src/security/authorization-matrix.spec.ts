import { Role } from '@cll/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { makeRoleActors, MATRIX, PATH_PARAMS, ROLES, type Who } from '../testing/route-matrix.js';
import { reportReliability } from '../testing/reliability-report.js';

const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_PARAMS[name] ?? randomUUID());

let t: TestApp;
let routes: string[];
let actors: Map<Role, Actor>;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  actors = await makeRoleActors(t);
  const doc = await t.http.get('/api/openapi.json').expect(200);
  routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
  // Seven accounts, the staff ones setting up their authenticator through the API: slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await t.close();
});

const allowed = (who: Who, role: Role | null) =>
  who === 'anyone' || (role !== null && (who === 'signed-in' || who.includes(role)));

async function call(route: string, token: string | null) {
  const [method, path] = route.split(' ');
  let req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](fill(path));
  if (token) req = req.auth(token, { type: 'bearer' });
  return method === 'GET' || method === 'DELETE' ? req : req.send({});
}

describe('the authorization matrix', () => {
  it('has exactly one entry for every route of the API', () => {
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('lets each role (and anonymous callers) through exactly where the matrix says', async () => {
    const wrong: string[] = [];
    let checked = 0;
    // Logging out ends the session, so it goes last.
    const ordered = [...routes.filter((r) => r !== 'POST /api/auth/logout'), 'POST /api/auth/logout'];
    for (const route of ordered) {
      for (const role of [null, ...ROLES]) {
        const res = await call(route, role ? (actors.get(role) as Actor).token : null);
        const refused =
          role === null ? res.status === 401 : res.status === 403 && res.body?.code === 'FORBIDDEN';
        if (res.status >= 500) wrong.push(`${route} as ${role ?? 'anonymous'}: ${res.status}`);
        else if (refused === allowed(MATRIX[route], role)) {
          wrong.push(`${route} as ${role ?? 'anonymous'}: ${res.status} ${JSON.stringify(res.body?.code)}`);
        }
        checked += 1;
      }
    }
    reportReliability({
      suite: 'authorization-matrix',
      cells: checked,
      notes: `${routes.length} routes × ${ROLES.length + 1} roles (with anonymous); ${wrong.length} cells wrong`,
    });
    expect(wrong).toEqual([]);
    // Nothing personal reached the logs on the way: no mobile number or name of the accounts used.
    const logs = t.logs.join('\n');
    for (const actor of actors.values()) expect(logs).not.toContain(actor.mobile);
    expect(logs).not.toContain('王秀兰');
  }, 180_000);
});
