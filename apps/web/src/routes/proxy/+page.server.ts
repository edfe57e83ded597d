import { ErrorCode } from '@cll/domain';
import { fail } from '@sveltejs/kit';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import {
  checkNewLearner,
  checkProxyEnrolment,
  formFieldOf,
  NEW_LEARNER_FIELDS,
  normaliseProxyValues,
  PROXY_FIELDS,
  RELATIONSHIPS,
  type Relationship,
  toProxyBody,
  type ProxyValues,
} from '$lib/proxy-form.js';
import { isUuid } from '$lib/ids.js';
import { checkMobile } from '$lib/roster-form.js';
import { checkCode, normaliseCode } from '$lib/account-form.js';
import { checkChoice } from '$lib/form-rules.js';
import { api } from '$lib/server/api.js';
import { aboutTheLearner, failStatus, formErrorsFrom, readApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { searchOpenSessions } from '$lib/server/proxy-search.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types.js';

type Step = 'mobile' | 'consent' | 'course' | 'register';

const FIELD_OF_CODE: Partial<Record<string, string>> = {
  [ErrorCode.ConsentRequired]: 'consent',
  [ErrorCode.EnrolmentClosed]: 'sessionId',
  [ErrorCode.EnrolmentDuplicate]: 'sessionId',
  [ErrorCode.EnrolmentAgeNotAllowed]: 'sessionId',
  [ErrorCode.NotFound]: 'sessionId',
  [ErrorCode.LearnerProfileRequired]: 'mobile',
  [ErrorCode.TownshipUnknown]: 'townshipCode',
  [ErrorCode.VillageUnknown]: 'villageCode',
  [ErrorCode.BirthDateInvalid]: 'birthDate',
  [ErrorCode.ProxyConsentRequired]: 'mobile',
};

const CODE_FIELD = {
  CODE_INVALID: 'code',
  CODE_EXPIRED: 'code',
  CODE_USED: 'code',
  CODE_ATTEMPTS_EXHAUSTED: 'code',
};

/** Whether the resident at this mobile has already confirmed that this user may act for them. */
async function hasConsent(event: RequestEvent, mobile: string): Promise<boolean> {
  const result = await api(event).GET('/api/proxy/relationships', {});
  return (result.data ?? []).some((r) => r.side === 'proxy' && r.learnerMobile === mobile && !r.revokedAt);
}

/** Texts the resident a consent code; the consent step asks for it. */
async function askConsent(event: RequestEvent, values: ProxyValues) {
  const result = await api(event).POST('/api/proxy/relationships/consent-requests', {
    body: { learnerMobile: values.mobile },
  });
  if (!result.data) {
    const apiError = readApiError(result);
    return show(event, 'mobile', values, formErrorsFrom(apiError), failStatus(apiError.status));
  }
  return { step: 'consent' as const, values, errors: {}, search: null, challengeId: result.data.challengeId };
}

/**
 * `/proxy?learner=<account>`: a resident whose consent was recorded in person (a managed account may have no mobile)
 * starts at the choice of course, enrolled by account.
 */
async function startFor(event: RequestEvent) {
  const learner = event.url.searchParams.get('learner') ?? '';
  if (!isUuid(learner)) return null;
  const result = await api(event).GET('/api/proxy/relationships', {});
  const live = (result.data ?? []).find(
    (r) => r.side === 'proxy' && r.learnerUserId === learner && !r.revokedAt,
  );
  if (!live) return null;
  const values = Object.fromEntries(
    [...PROXY_FIELDS, ...NEW_LEARNER_FIELDS].map((f) => [f, '']),
  ) as ProxyValues;
  Object.assign(values, { learner, learnerName: live.otherName ?? '', relationship: live.relationship });
  return { step: 'course' as const, values, errors: {}, search: await searchOpenSessions(event, '') };
}

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  return { townships: await loadTownshipsWithVillages(event), start: await startFor(event) };
};

async function readValues(event: RequestEvent): Promise<ProxyValues> {
  return normaliseProxyValues(
    readText(await event.request.formData(), [...PROXY_FIELDS, ...NEW_LEARNER_FIELDS]),
  );
}

/** A step shown again: with the sessions found for the words typed when it is the choice of session. */
async function show(
  event: RequestEvent,
  step: Step,
  values: ProxyValues,
  errors: FormErrors = {},
  status = 200,
) {
  const search = step === 'course' ? await searchOpenSessions(event, values.q) : null;
  const data = { step, values, errors, search };
  return status === 200 ? data : fail(status, data);
}

export const actions = {
  /**
   * Step 1 → 2: a valid mobile number. Unless the resident already confirmed this proxy, a consent code is texted
   * to it (whether or not anyone has the number); whether they have an account is found out on enrolling.
   */
  find: async (event) => {
    requireUser(event);
    const values = await readValues(event);
    const errors: FormErrors = {};
    checkMobile(values.mobile, 'mobile', errors);
    if (hasErrors(errors)) return show(event, 'mobile', values, errors, 400);
    if (await hasConsent(event, values.mobile)) return show(event, 'course', values);
    return askConsent(event, values);
  },

  /** The code the resident read out, with the relationship: the relationship starts, then the course step. */
  consent: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = normaliseProxyValues(readText(form, [...PROXY_FIELDS, ...NEW_LEARNER_FIELDS]));
    const extra = readText(form, ['challengeId', 'code']);
    const code = normaliseCode(extra.code);
    const errors: FormErrors = {};
    checkCode(code, errors);
    checkChoice(values.relationship, RELATIONSHIPS, 'relationship', errors);
    if (!values.relationship) errors.relationship = { key: 'validation.required' };
    const again = { step: 'consent' as const, values, search: null, challengeId: extra.challengeId };
    if (hasErrors(errors)) return fail(400, { ...again, errors });
    const result = await api(event).POST('/api/proxy/relationships', {
      body: {
        challengeId: extra.challengeId,
        code,
        learnerMobile: values.mobile,
        relationship: values.relationship as Relationship,
      },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { ...again, errors: formErrorsFrom(apiError, CODE_FIELD) });
    }
    return show(event, 'course', values);
  },

  search: async (event) => {
    requireUser(event);
    return show(event, 'course', await readValues(event));
  },

  enrol: async (event) => {
    requireUser(event);
    const values = await readValues(event);
    const registering = values.register === '1';
    const step: Step = registering ? 'register' : 'course';
    const errors: FormErrors = {};
    checkProxyEnrolment(values, errors);
    if (registering) checkNewLearner(values, errors);
    if (hasErrors(errors)) return show(event, errors.mobile ? 'mobile' : step, values, errors, 400);

    const result = await api(event).POST('/api/proxy/enrolments', { body: toProxyBody(values) });
    if (result.data) {
      const e = result.data;
      return {
        step: 'done' as const,
        values: { ...values, consent: '' },
        done: {
          status: e.status,
          waitlistPosition: e.waitlistPosition,
          courseTitle: e.course.title,
          sessionLabel: e.session.label,
        },
      };
    }
    const apiError = readApiError(result);
    // The resident withdrew their consent meanwhile: back to the first step, saying so.
    if (apiError.code === ErrorCode.ProxyConsentRequired)
      return show(event, 'mobile', values, formErrorsFrom(apiError, FIELD_OF_CODE), 403);
    // Nobody has this mobile yet: register them (step 3), keeping everything chosen so far.
    if (apiError.code === ErrorCode.LearnerNotFound && !registering)
      return show(event, 'register', { ...values, register: '1' });
    const refused: FormErrors = {};
    for (const [field, message] of Object.entries(formErrorsFrom(apiError, FIELD_OF_CODE)))
      refused[formFieldOf(field)] = message;
    return show(event, step, values, aboutTheLearner(refused), failStatus(apiError.status));
  },
} satisfies Actions;
