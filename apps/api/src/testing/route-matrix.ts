import { Role } from '@cll/domain';
import { makeEnterprise, makeEnterpriseUser } from './apprenticeship-builders.js';
import { type Actor, makeActor, makeProvider } from './offer-builders.js';
import type { TestApp } from './test-app.js';

/**
 * Who may call each route at the gate (before any check of ownership, which answers 404 and is tested per domain).
 * Written by hand from the product's rules, not read from the decorators, so a route whose guard drifts fails here;
 * the list of routes comes from the running app's OpenAPI document, so a new route without an entry fails too.
 */
export type Who = 'anyone' | 'signed-in' | Role[];

export const STAFF = [Role.ProviderStaff, Role.ProviderAdmin];
const BUREAU = [Role.BureauAnalyst, Role.BureauAdmin];
const MENTORS = [...STAFF, Role.EnterpriseMentor, Role.EnterpriseAdmin];

export const MATRIX: Record<string, Who> = {
  'GET /health': 'anyone',
  'GET /metrics': 'anyone',
  'GET /api/geo/townships': 'anyone',
  'GET /api/geo/places': 'anyone',
  'GET /api/geo/townships/{code}/villages': 'anyone',
  'POST /api/auth/register': 'anyone',
  'POST /api/auth/register/code': 'anyone',
  'GET /api/auth/registration-options': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/auth/login/step-up': 'anyone',
  'POST /api/auth/password-reset/code': 'anyone',
  'POST /api/auth/password-reset': 'anyone',
  'GET /api/dev/sms': 'anyone',
  'POST /api/auth/refresh': 'anyone',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/mfa': 'signed-in',
  'POST /api/auth/mfa/enrolment': 'signed-in',
  'POST /api/auth/mfa/enrolment/confirm': 'signed-in',
  'POST /api/auth/mfa/verify': 'signed-in',
  'POST /api/auth/mfa/recovery-codes': 'signed-in',
  'POST /api/admin/mfa-resets': [Role.BureauAdmin],
  'GET /api/auth/sessions': 'signed-in',
  'POST /api/auth/sessions/{id}/end': 'signed-in',
  'POST /api/auth/sessions/end-others': 'signed-in',
  'GET /api/me': 'signed-in',
  'PATCH /api/me': 'signed-in',
  'GET /api/me/notifications': 'signed-in',
  'GET /api/me/attainment': 'signed-in',
  'GET /api/enrolments/{enrolmentId}/attainment': STAFF,
  'POST /api/enrolments/{enrolmentId}/attainment-corrections': STAFF,
  'POST /api/me/notifications/{id}/read': 'signed-in',
  'GET /api/audit/events': [Role.BureauAdmin],
  'GET /api/admin/queues': [Role.BureauAdmin],
  'POST /api/admin/queues/{queue}/jobs/{jobId}/retry': [Role.BureauAdmin],
  'DELETE /api/admin/queues/{queue}/jobs/{jobId}': [Role.BureauAdmin],
  'GET /api/admin/pii-rotations': [Role.BureauAdmin],
  'GET /api/privacy/notice': 'anyone',
  'POST /api/me/privacy-notice': 'signed-in',
  'GET /api/me/data-export': 'signed-in',
  'POST /api/me/account-closure': 'signed-in',
  'POST /api/me/id-number-consent/withdraw': 'signed-in',
  'POST /api/admin/account-closures': [Role.BureauAdmin],
  'POST /api/admin/pii-rotations': [Role.BureauAdmin],
  'POST /api/admin/pii-rotations/{id}/resume': [Role.BureauAdmin],
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
  'GET /api/search-synonyms': BUREAU,
  'GET /api/catalogue/suggestions': 'anyone',
  'POST /api/me/course-requests': 'signed-in',
  'GET /api/course-requests/summary': [...BUREAU, ...STAFF],
  'POST /api/search-synonyms': [Role.BureauAdmin],
  'PUT /api/search-synonyms/{id}': [Role.BureauAdmin],
  'DELETE /api/search-synonyms/{id}': [Role.BureauAdmin],
  'GET /api/providers/{providerId}/programmes': STAFF,
  'POST /api/providers/{providerId}/programmes': STAFF,
  'PATCH /api/programmes/{id}': STAFF,
  'GET /api/providers/{providerId}/courses': STAFF,
  'GET /api/providers/{providerId}/records.csv': STAFF,
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
  'POST /api/proxy/relationships/consent-requests': 'signed-in',
  'POST /api/proxy/relationships': 'signed-in',
  'GET /api/proxy/relationships': 'signed-in',
  'POST /api/proxy/relationships/{id}/revoke': 'signed-in',
  // Service points: the bureau designates staff; staff actions check the designation (SERVICE_POINT_NOT_DESIGNATED).
  'GET /api/service-points/staff': [Role.BureauAdmin],
  'POST /api/service-points/staff': [Role.BureauAdmin],
  'POST /api/service-points/staff/{id}/withdraw': [Role.BureauAdmin],
  'GET /api/service-points/mine': 'signed-in',
  'POST /api/service-points/reset-codes': 'signed-in',
  'POST /api/service-points/proxy-consents': 'signed-in',
  'POST /api/service-points/managed-accounts': 'signed-in',
  'POST /api/auth/in-person-reset': 'anyone',
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
  'POST /api/verify/credential': 'anyone',
  'GET /api/credentials/jwks.json': 'anyone',
  'GET /api/credentials/issuer': 'anyone',
  'GET /api/credentials/status/{list}': 'anyone',
  'GET /api/me/certificates/{id}/credential.json': 'signed-in',
  'GET /api/me/record/presentation.json': 'signed-in',
  'POST /api/certificates/revocations': [Role.ProviderAdmin, Role.BureauAdmin],
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
  'GET /api/data-quality/fast-completions': BUREAU,
  'GET /api/data-quality/fast-completions/rows': BUREAU,
  'GET /api/data-quality/moved-figures': BUREAU,
  'POST /api/population-baselines': [Role.BureauAdmin],
  'GET /api/population-baselines': BUREAU,
  'GET /api/population-baselines/{id}': BUREAU,
  'GET /api/population-baselines/{id}/errors.csv': BUREAU,
};

export const ROLES = [
  Role.Learner,
  Role.ProviderStaff,
  Role.ProviderAdmin,
  Role.EnterpriseMentor,
  Role.EnterpriseAdmin,
  Role.BureauAnalyst,
  Role.BureauAdmin,
] as const;

/** The role to call a route as so that it passes the gate (null: anonymous). */
export function callerFor(who: Who): Role | null {
  if (who === 'anyone') return null;
  if (who === 'signed-in') return Role.Learner;
  return who[0];
}

/** Concrete values for path parameters: unknown ids, so owned objects answer 404 after validation. */
export const PATH_PARAMS: Record<string, string> = {
  code: 'NOSUCHCODE1',
  year: '2024',
  isoWeek: '2025-W10',
  list: '99',
  queue: 'notifications',
  jobId: 'no-such-job',
};

/** One account per role: provider roles at one provider, enterprise roles at one enterprise. */
export async function makeRoleActors(t: TestApp): Promise<Map<Role, Actor>> {
  const providerId = await makeProvider(t);
  const enterpriseId = await makeEnterprise(t);
  const actors = new Map<Role, Actor>();
  for (const role of ROLES) {
    if (role === Role.EnterpriseMentor || role === Role.EnterpriseAdmin) {
      actors.set(role, await makeEnterpriseUser(t, enterpriseId, role));
    } else {
      actors.set(role, await makeActor(t, role, STAFF.includes(role) ? providerId : undefined));
    }
  }
  return actors;
}
