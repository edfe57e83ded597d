import { Role } from '@cll/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeEnterpriseUser } from '../testing/apprenticeship-builders.js';
import { type Actor, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Who may call each route at the gate (before any check of ownership, which answers 404 and is tested per domain).
 * Written by hand from the product's rules, not read from the decorators, so a route whose guard drifts fails here;
 * the list of routes comes from the running app's OpenAPI document, so a new route without an entry fails too.
 */
type Who = 'anyone' | 'signed-in' | Role[];

const STAFF = [Role.ProviderStaff, Role.ProviderAdmin];
const BUREAU = [Role.BureauAnalyst, Role.BureauAdmin];
const MENTORS = [...STAFF, Role.EnterpriseMentor, Role.EnterpriseAdmin];

const MATRIX: Record<string, Who> = {
  'GET /health': 'anyone',
  'GET /metrics': 'anyone',
  'GET /api/geo/townships': 'anyone',
  'GET /api/geo/places': 'anyone',
  'GET /api/geo/townships/{code}/villages': 'anyone',
  'POST /api/auth/register': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/auth/refresh': 'anyone',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/me': 'signed-in',
  'PATCH /api/me': 'signed-in',
  'GET /api/me/notifications': 'signed-in',
  'POST /api/me/notifications/{id}/read': 'signed-in',
  'GET /api/audit/events': [Role.BureauAdmin],
  // Providers and enterprises
  'POST /api/providers/applications': 'signed-in',
  'GET /api/providers/applications/mine': 'signed-in',
  'GET /api/me/providers': 'signed-in',
  'GET /api/providers': BUREAU,
  'POST /api/providers/{id}/decision': [Role.BureauAdmin],
  'POST /api/providers/{id}/suspend': [Role.BureauAdmin],
  'POST /api/providers/{id}/reinstate': [Role.BureauAdmin],
  'GET /api/catalogue/providers': 'anyone',
  'GET /api/providers/{id}/staff': [Role.ProviderAdmin],
  'POST /api/providers/{id}/invitations': [Role.ProviderAdmin],
  'GET /api/enterprises/{id}/users': [...STAFF, Role.EnterpriseAdmin],
  'POST /api/enterprises/{id}/invitations': [...STAFF, Role.EnterpriseAdmin],
  'GET /api/invitations/{code}': 'signed-in',
  'POST /api/invitations/{code}/accept': 'signed-in',
  'POST /api/enterprises': [Role.ProviderAdmin, Role.BureauAdmin],
  'GET /api/enterprises': [...MENTORS, ...BUREAU],
  // Catalogue and the provider's offer
  'GET /api/catalogue/courses': 'anyone',
  'GET /api/catalogue/courses/{id}': 'anyone',
  'GET /api/providers/{providerId}/programmes': STAFF,
  'POST /api/providers/{providerId}/programmes': STAFF,
  'PATCH /api/programmes/{id}': STAFF,
  'GET /api/providers/{providerId}/courses': STAFF,
  'POST /api/courses': STAFF,
  'GET /api/courses/{id}': STAFF,
  'PATCH /api/courses/{id}': STAFF,
  'POST /api/courses/{id}/publish': STAFF,
  'POST /api/courses/{id}/archive': STAFF,
  'POST /api/courses/{id}/unpublish': [Role.BureauAdmin],
  'POST /api/courses/{id}/lessons': STAFF,
  'PATCH /api/lessons/{id}': STAFF,
  'DELETE /api/lessons/{id}': STAFF,
  'PUT /api/courses/{id}/lesson-order': STAFF,
  'POST /api/courses/{id}/sessions': STAFF,
  'PATCH /api/sessions/{id}': STAFF,
  'DELETE /api/sessions/{id}': STAFF,
  'POST /api/sessions/{id}/cancel': STAFF,
  // Enrolment and learning
  'POST /api/enrolments': 'signed-in',
  'GET /api/me/enrolments': 'signed-in',
  'POST /api/sessions/{sessionId}/enrolments': STAFF,
  'POST /api/proxy/enrolments': 'signed-in',
  'POST /api/sessions/{sessionId}/roster-imports': STAFF,
  'GET /api/roster-imports/{id}': STAFF,
  'GET /api/roster-imports/{id}/rejected.csv': STAFF,
  'POST /api/enrolments/{id}/withdraw': 'signed-in',
  'GET /api/me/courses/{courseId}/learn': 'signed-in',
  'PUT /api/me/lessons/{lessonId}/progress': 'signed-in',
  'POST /api/me/lessons/{lessonId}/quiz-attempts': 'signed-in',
  'GET /api/sessions/{sessionId}/roster': STAFF,
  'PUT /api/sessions/{sessionId}/attendance': STAFF,
  'POST /api/enrolments/{id}/outcome': STAFF,
  'GET /api/me/record': 'signed-in',
  'GET /api/me/record/export.json': 'signed-in',
  'GET /api/me/record/export.pdf': 'signed-in',
  'GET /api/me/certificates': 'signed-in',
  'GET /api/me/certificates/{id}/pdf': 'signed-in',
  'GET /api/verify/{code}': 'anyone',
  // Apprenticeships: parties are checked per agreement (404 for others); these need a role at the gate.
  'GET /api/apprenticeships': 'signed-in',
  'POST /api/apprenticeships': STAFF,
  'GET /api/apprenticeships/summary': STAFF,
  'GET /api/apprenticeships/options': STAFF,
  'GET /api/apprenticeships/enterprise-mentors': MENTORS,
  'GET /api/apprenticeships/{id}': 'signed-in',
  'PUT /api/apprenticeships/{id}': 'signed-in',
  'POST /api/apprenticeships/{id}/confirmations': 'signed-in',
  'POST /api/apprenticeships/{id}/guardian-consent': 'signed-in',
  'POST /api/apprenticeships/{id}/pause': 'signed-in',
  'POST /api/apprenticeships/{id}/resume': 'signed-in',
  'POST /api/apprenticeships/{id}/withdraw': 'signed-in',
  'POST /api/apprenticeships/{id}/transfer': 'signed-in',
  'POST /api/apprenticeships/{id}/assessments': 'signed-in',
  'GET /api/apprenticeships/weeks/to-sign': MENTORS,
  'POST /api/apprenticeships/weeks/sign': MENTORS,
  'POST /api/apprenticeships/weeks/{weekId}/return': MENTORS,
  'GET /api/apprenticeships/{id}/weeks': 'signed-in',
  'PUT /api/apprenticeships/{id}/weeks/{isoWeek}': 'signed-in',
  // Indicators: the bureau only; changes by its administrators.
  'GET /api/indicators': BUREAU,
  'POST /api/indicators/{year}/recompute': BUREAU,
  'GET /api/indicators/periods': BUREAU,
  'POST /api/indicators/periods/{year}/close': [Role.BureauAdmin],
  'PUT /api/indicators/targets/{code}/{year}': [Role.BureauAdmin],
  'GET /api/indicators/drill': BUREAU,
  'GET /api/indicators/export.csv': BUREAU,
  'GET /api/indicators/export.xlsx': BUREAU,
  'POST /api/population-baselines': [Role.BureauAdmin],
  'GET /api/population-baselines': BUREAU,
  'GET /api/population-baselines/{id}': BUREAU,
  'GET /api/population-baselines/{id}/errors.csv': BUREAU,
};

const ROLES = [
  Role.Learner,
  Role.ProviderStaff,
  Role.ProviderAdmin,
  Role.EnterpriseMentor,
  Role.EnterpriseAdmin,
  Role.BureauAnalyst,
  Role.BureauAdmin,
] as const;

const PARAMS: Record<string, string> = { code: 'NOSUCHCODE1', year: '2024', isoWeek: '2025-W10' };
const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? randomUUID());

let t: TestApp;
let routes: string[];
const actors = new Map<Role, Actor>();

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  const providerId = await makeProvider(t);
  const enterpriseId = await makeEnterprise(t);
  for (const role of ROLES) {
    if (role === Role.EnterpriseMentor || role === Role.EnterpriseAdmin) {
      actors.set(role, await makeEnterpriseUser(t, enterpriseId, role));
    } else {
      actors.set(role, await makeActor(t, role, STAFF.includes(role) ? providerId : undefined));
    }
  }
  const doc = await t.http.get('/api/openapi.json').expect(200);
  routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
});
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
    console.log(
      `authorization matrix: ${routes.length} routes × ${ROLES.length + 1} roles = ${checked} cells checked`,
    );
    expect(wrong).toEqual([]);
  });
});
