import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type DisplayMode,
  ELDER_MINIMUM,
  logIn,
  measureElderMode,
  PHONE,
  seriousAxeProblems,
  setDisplayMode,
} from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { call, login as apiLogin } from '../../support/http.js';
import { addFailingJob } from '../../support/queues.js';
import { startStack, type Stack } from '../../support/stack.js';

type Visitor = 'public' | 'learner' | 'provider' | 'bureau' | 'mentor' | 'companyAdmin' | 'apprentice';
interface Route {
  name: string;
  visitor: Visitor;
  path: () => string;
}

const PASSWORD = 'Demo2026!';
const ACCOUNTS: Record<Exclude<Visitor, 'public'>, string> = {
  learner: '13800000001',
  provider: '13800000003',
  bureau: '13800000006',
  mentor: '13800000004',
  companyAdmin: '13800000008',
  apprentice: '13800000007',
};
const MODES: DisplayMode[] = ['standard', 'elder'];
const SIZES = { phone: PHONE, desktop: DESKTOP };

let stack: Stack;
let browser: Browser;
const pages = new Map<Visitor, { context: BrowserContext; page: Page }>();
let publicCourseId = '';
let providerCourseId = '';
let providerSessionId = '';
let providerLessonId = '';
let learnCourseId = '';
let learnLessonId = '';
let invitationCode = '';
let enterpriseId = '';
let activeAgreementId = '';
let pendingAgreementId = '';
let townshipCode = '';
let baselineId = '';
let bureauAdminId = '';
let attainmentPath = '';
let checks = 0;

const ROUTES: Route[] = [
  { name: 'home', visitor: 'public', path: () => '/' },
  { name: 'courses', visitor: 'public', path: () => '/courses' },
  { name: 'course', visitor: 'public', path: () => `/courses/${publicCourseId}` },
  { name: 'login', visitor: 'public', path: () => '/login' },
  { name: 'register', visitor: 'public', path: () => '/register' },
  { name: 'verify', visitor: 'public', path: () => '/verify' },
  { name: 'profile', visitor: 'learner', path: () => '/profile' },
  { name: 'learn', visitor: 'learner', path: () => '/learn' },
  { name: 'notifications', visitor: 'learner', path: () => '/notifications' },
  { name: 'provider', visitor: 'provider', path: () => '/provider' },
  { name: 'provider-programmes', visitor: 'provider', path: () => '/provider/programmes' },
  { name: 'provider-course', visitor: 'provider', path: () => `/provider/courses/${providerCourseId}` },
  { name: 'verify-unknown', visitor: 'public', path: () => '/verify/NOSUCHCODE' },
  { name: 'certificates-revoke', visitor: 'provider', path: () => '/certificates/revoke' },
  { name: 'proxy', visitor: 'learner', path: () => '/proxy' },
  { name: 'proxy-relationships', visitor: 'learner', path: () => '/proxy/relationships' },
  { name: 'forgot-password', visitor: 'public', path: () => '/forgot-password' },
  {
    name: 'login-code',
    visitor: 'public',
    path: () => '/login/code?c=00000000-0000-4000-8000-000000000000&m=138****0001',
  },
  { name: 'dev-sms', visitor: 'public', path: () => '/dev/sms' },
  // Account security: signed-in devices (and, for the bureau administrator, resetting a colleague's authenticator).
  { name: 'account-security', visitor: 'learner', path: () => '/account/security' },
  { name: 'account-security-admin', visitor: 'bureau', path: () => '/account/security' },
  { name: 'account-security-enrol', visitor: 'learner', path: () => '/account/security/enrol' },
  { name: 'invitation', visitor: 'learner', path: () => `/invitations/${invitationCode}` },
  { name: 'learn-course', visitor: 'learner', path: () => `/learn/courses/${learnCourseId}` },
  {
    name: 'learn-lesson',
    visitor: 'learner',
    path: () => `/learn/courses/${learnCourseId}/lessons/${learnLessonId}`,
  },
  { name: 'provider-apply', visitor: 'provider', path: () => '/provider/apply' },
  { name: 'provider-staff', visitor: 'provider', path: () => '/provider/staff' },
  { name: 'provider-enterprises', visitor: 'provider', path: () => '/provider/enterprises' },
  { name: 'provider-course-new', visitor: 'provider', path: () => '/provider/courses/new' },
  {
    name: 'provider-preview',
    visitor: 'provider',
    path: () => `/provider/courses/${providerCourseId}/preview`,
  },
  {
    name: 'provider-lesson',
    visitor: 'provider',
    path: () => `/provider/courses/${providerCourseId}/lessons/${providerLessonId}`,
  },
  {
    name: 'provider-quiz-new',
    visitor: 'provider',
    path: () => `/provider/courses/${providerCourseId}/lessons/new?kind=quiz`,
  },
  {
    name: 'provider-session',
    visitor: 'provider',
    path: () => `/provider/courses/${providerCourseId}/sessions/${providerSessionId}`,
  },
  {
    name: 'provider-roster',
    visitor: 'provider',
    path: () => `/provider/sessions/${providerSessionId}/roster?course=${providerCourseId}`,
  },
  { name: 'provider-learner-attainment', visitor: 'provider', path: () => attainmentPath },
  { name: 'provider-apprenticeships', visitor: 'provider', path: () => '/provider/apprenticeships' },
  {
    name: 'provider-apprenticeship-new',
    visitor: 'provider',
    path: () => `/provider/apprenticeships/new?enterpriseId=${enterpriseId}`,
  },
  {
    name: 'provider-apprenticeship',
    visitor: 'provider',
    path: () => `/provider/apprenticeships/${activeAgreementId}`,
  },
  {
    name: 'provider-apprenticeship-pending',
    visitor: 'provider',
    path: () => `/provider/apprenticeships/${pendingAgreementId}`,
  },
  {
    name: 'provider-apprenticeship-edit',
    visitor: 'provider',
    path: () => `/provider/apprenticeships/${activeAgreementId}/edit`,
  },
  {
    name: 'provider-apprenticeship-weeks',
    visitor: 'provider',
    path: () => '/provider/apprenticeships/weeks',
  },
  { name: 'provider-enterprise', visitor: 'provider', path: () => `/provider/enterprises/${enterpriseId}` },
  { name: 'mentor', visitor: 'mentor', path: () => '/mentor' },
  { name: 'mentor-weeks', visitor: 'mentor', path: () => '/mentor/weeks' },
  { name: 'mentor-apprentice', visitor: 'mentor', path: () => `/mentor/apprentices/${pendingAgreementId}` },
  { name: 'mentor-team', visitor: 'companyAdmin', path: () => '/mentor/team' },
  { name: 'learn-apprenticeship', visitor: 'apprentice', path: () => '/learn/apprenticeship' },
  { name: 'bureau-providers', visitor: 'bureau', path: () => '/bureau/providers' },
  { name: 'audit', visitor: 'bureau', path: () => '/admin/audit' },
  // Filtered by one person (the filter's name and its way back), and with a filter that is not valid.
  {
    name: 'audit-filtered',
    visitor: 'bureau',
    path: () => `/admin/audit?actor=${bureauAdminId}&action=auth.login`,
  },
  { name: 'audit-bad-filter', visitor: 'bureau', path: () => '/admin/audit?from=2026-02-30' },
  // With a failed job listed, so its card and its retry and remove buttons are checked too.
  { name: 'queues', visitor: 'bureau', path: () => '/admin/queues' },
  { name: 'bureau-indicators', visitor: 'bureau', path: () => '/bureau/indicators' },
  {
    name: 'bureau-indicator',
    visitor: 'bureau',
    path: () => '/bureau/indicators/ce_participation_12m?sort=value&dir=desc',
  },
  {
    name: 'bureau-indicator-township',
    visitor: 'bureau',
    path: () => `/bureau/indicators/completions/townships/${townshipCode}`,
  },
  { name: 'bureau-indicator-targets', visitor: 'bureau', path: () => '/bureau/indicators/targets' },
  { name: 'bureau-baselines', visitor: 'bureau', path: () => '/bureau/baselines' },
  { name: 'bureau-baseline', visitor: 'bureau', path: () => `/bureau/baselines/${baselineId}` },
];

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  [{ id: publicCourseId }] = await stack.query<{ id: string }>(
    `SELECT id FROM courses WHERE status = 'published' ORDER BY title LIMIT 1`,
  );
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses; the
  // test browser bypasses the policy instead of the app loosening it.
  // One context per visitor, logged in once and reused for every route, mode and size.
  for (const visitor of [
    'public',
    'learner',
    'provider',
    'bureau',
    'mentor',
    'companyAdmin',
    'apprentice',
  ] as const) {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    if (visitor !== 'public') await logIn(page, stack.webUrl, ACCOUNTS[visitor], PASSWORD, stack.apiUrl);
    pages.set(visitor, { context, page });
  }
  // A course of the provider administrator's school (13800000003 runs 青溪县职业技术学校).
  [{ id: providerCourseId }] = await stack.query<{ id: string }>(
    `SELECT c.id FROM courses c JOIN providers p ON p.id = c.provider_id
      WHERE p.name = '青溪县职业技术学校' AND EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = c.id)
        AND EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id)
      ORDER BY c.title LIMIT 1`,
  );
  [{ session_id: providerSessionId, lesson_id: providerLessonId }] = await stack.query<{
    session_id: string;
    lesson_id: string;
  }>(
    `SELECT (SELECT id FROM course_sessions WHERE course_id = $1 ORDER BY starts_at LIMIT 1) AS session_id,
            (SELECT id FROM lessons WHERE course_id = $1 ORDER BY position LIMIT 1) AS lesson_id`,
    [providerCourseId],
  );
  // The learner's player pages need an enrolment: one in an online course open to them, made through the API.
  const [online] = await stack.query<{ course_id: string; session_id: string; lesson_id: string }>(
    `SELECT c.id AS course_id, s.id AS session_id, (SELECT id FROM lessons l WHERE l.course_id = c.id ORDER BY position LIMIT 1) AS lesson_id
       FROM courses c JOIN course_sessions s ON s.course_id = c.id
      WHERE c.mode = 'online' AND c.status = 'published' AND coalesce(c.max_age, 200) >= 70 AND coalesce(c.min_age, 0) <= 68
        AND now() BETWEEN s.enrolment_opens_at AND s.enrolment_closes_at AND s.enrolled_count < s.capacity
      ORDER BY c.title LIMIT 1`,
  );
  const login = await fetch(`${stack.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ACCOUNTS.learner, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await fetch(`${stack.apiUrl}/api/enrolments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ sessionId: online.session_id }),
  });
  learnCourseId = online.course_id;
  // An invitation from the provider administrator to the learner, for the invitation page.
  // The provider administrator signs in through the API with its authenticator (set up on first use).
  const adminSession = await apiLogin(stack.apiUrl, ACCOUNTS.provider);
  const me = await call(stack.apiUrl, 'GET', '/api/me', { token: adminSession.token });
  const admin = {
    accessToken: adminSession.token,
    user: me.body as { roles: Array<{ providerId: string | null }> },
  };
  const providerId = admin.user.roles.find((r) => r.providerId)?.providerId ?? '';
  const invitation = await fetch(`${stack.apiUrl}/api/providers/${providerId}/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
    body: JSON.stringify({ contact: ACCOUNTS.learner, role: 'provider_staff' }),
  });
  invitationCode = ((await invitation.json()) as { code: string }).code;
  // The demo apprenticeships: one under way with weeks and early warnings (王磊), one of a minor waiting for
  // confirmations and the guardian's consent (赵小华), both with 青溪精工机械.
  [{ id: enterpriseId }] = await stack.query<{ id: string }>(
    `SELECT id FROM enterprises WHERE name = '青溪精工机械有限公司'`,
  );
  [{ id: activeAgreementId }] = await stack.query<{ id: string }>(
    `SELECT a.id FROM apprenticeship_agreements a JOIN users u ON u.id = a.apprentice_user_id WHERE u.mobile = '13800000111'`,
  );
  [{ id: pendingAgreementId }] = await stack.query<{ id: string }>(
    `SELECT a.id FROM apprenticeship_agreements a JOIN users u ON u.id = a.apprentice_user_id WHERE u.mobile = '13800000112'`,
  );
  learnLessonId = online.lesson_id;
  // A learner's attainment history as the school's staff see it: an enrolment of one of the school's sessions.
  const [schoolEnrolment] = await stack.query<{ id: string; session_id: string }>(
    `SELECT e.id, e.session_id FROM enrolments e JOIN courses c ON c.id = e.course_id
       JOIN providers p ON p.id = c.provider_id WHERE p.name = '青溪县职业技术学校' ORDER BY e.id LIMIT 1`,
  );
  attainmentPath = `/provider/sessions/${schoolEnrolment.session_id}/roster/${schoolEnrolment.id}/attainment`;
  await addFailingJob(stack);
  // The demo county's population baseline, and a township with completions, for the bureau's indicator pages.
  [{ id: baselineId }] = await stack.query<{ id: string }>(`SELECT id FROM population_baselines LIMIT 1`);
  [{ id: bureauAdminId }] = await stack.query<{ id: string }>(`SELECT id FROM users WHERE mobile = $1`, [
    ACCOUNTS.bureau,
  ]);
  [{ township_code: townshipCode }] = await stack.query<{ township_code: string }>(
    `SELECT p.township_code FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
});

afterAll(async () => {
  console.log(
    `accessibility: checked ${ROUTES.length} routes × ${MODES.length} modes × ${Object.keys(SIZES).length} sizes = ${checks} page checks`,
  );
  await browser?.close();
  await stack?.stop();
});

describe('every main page meets WCAG 2.2 AA (axe) and the elder-mode promises', () => {
  it('found a public course and a provider course to visit', () => {
    expect(publicCourseId).not.toBe('');
    expect(providerCourseId).not.toBe('');
  });

  for (const route of ROUTES) {
    it(`${route.name} has no serious or critical axe violations, in both modes and at both sizes, and reflows at 320 px`, async () => {
      const { context, page } = pages.get(route.visitor)!;
      const failures: string[] = [];
      for (const mode of MODES) {
        await setDisplayMode(context, stack.webUrl, mode);
        for (const [sizeName, size] of Object.entries(SIZES)) {
          await page.setViewportSize(size);
          const url = `${stack.webUrl}${route.path()}`;
          await open(page, url);
          const where = `${mode}/${sizeName} ${url}`;
          for (const problem of await seriousAxeProblems(page))
            failures.push(`${where}: ${problem.impact} ${problem.rule} at ${problem.targets.join(' | ')}`);

          if (mode === 'elder') {
            const measured = await measureElderMode(page);
            if (measured.htmlMode !== 'elder')
              failures.push(`${where}: <html data-mode> is ${measured.htmlMode}`);
            if (measured.bodyFontPx < ELDER_MINIMUM.bodyFontPx)
              failures.push(`${where}: body text ${measured.bodyFontPx}px`);
            for (const h1 of measured.h1FontPx)
              if (h1 < ELDER_MINIMUM.h1FontPx) failures.push(`${where}: h1 ${h1}px`);
            for (const target of measured.smallTargets) failures.push(`${where}: small target ${target}`);
            if (sizeName === 'phone' && measured.headerPx > PHONE.height * ELDER_MINIMUM.headerShareOfPhone)
              failures.push(
                `${where}: header ${Math.round(measured.headerPx)}px tall, over a fifth of the screen`,
              );
            if (sizeName === 'phone') await screenshot(page, `elder-${route.name}`);
          }
          checks++;
        }
      }
      // Reflow (WCAG 1.4.10): at 320 CSS px, in the larger elder type, nothing needs sideways scrolling.
      await page.setViewportSize({ width: 320, height: 640 });
      await open(page, `${stack.webUrl}${route.path()}`);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .slice(-3)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}[${el.getAttribute('name') ?? ''}]`,
          );
        return { by: document.documentElement.scrollWidth - width, wide };
      });
      if (overflow.by > 1)
        failures.push(
          `elder/320px ${route.path()}: ${overflow.by}px of sideways scrolling (${overflow.wide.join(', ')})`,
        );
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
