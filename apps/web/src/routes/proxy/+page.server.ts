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
  toProxyBody,
  type ProxyValues,
} from '$lib/proxy-form.js';
import { checkMobile } from '$lib/roster-form.js';
import { api } from '$lib/server/api.js';
import { aboutTheLearner, failStatus, formErrorsFrom, readApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { searchOpenSessions } from '$lib/server/proxy-search.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types.js';

type Step = 'mobile' | 'course' | 'register';

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
};

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  return { townships: await loadTownshipsWithVillages(event) };
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
  /** Step 1 → 2: a valid mobile number. Whether anyone has it is found out on enrolling. */
  find: async (event) => {
    requireUser(event);
    const values = await readValues(event);
    const errors: FormErrors = {};
    checkMobile(values.mobile, 'mobile', errors);
    if (hasErrors(errors)) return show(event, 'mobile', values, errors, 400);
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
    // Nobody has this mobile yet: register them (step 3), keeping everything chosen so far.
    if (apiError.code === ErrorCode.LearnerNotFound && !registering)
      return show(event, 'register', { ...values, register: '1' });
    const refused: FormErrors = {};
    for (const [field, message] of Object.entries(formErrorsFrom(apiError, FIELD_OF_CODE)))
      refused[formFieldOf(field)] = message;
    return show(event, step, values, aboutTheLearner(refused), failStatus(apiError.status));
  },
} satisfies Actions;
