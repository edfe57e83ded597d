import { fail } from '@sveltejs/kit';
import { shanghaiDate } from '$lib/datetime.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { checkMobile } from '$lib/roster-form.js';
import {
  checkFormDate,
  checkIdentity,
  type ID_DOCUMENT_TYPES,
  normaliseIdNumber,
  PROXY_KINDS,
} from '$lib/service-point-form.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const mine = await api(event).GET('/api/service-points/mine', {});
  if (!mine.data) throwApiError(mine, event.url);
  const codes = new Set(mine.data.map((p) => p.townshipCode));
  const townships = codes.size
    ? (await loadTownshipsWithVillages(event)).filter((t) => codes.has(t.code))
    : [];
  const asked = event.url.searchParams.get('task');
  const task = asked === 'consent' || asked === 'managed' ? asked : 'resetCode';
  return { points: mine.data, townships, task };
};

type DocumentType = (typeof ID_DOCUMENT_TYPES)[number];
const IDENTITY = ['townshipCode', 'documentType', 'idNumber'] as const;

function identity(form: FormData) {
  const values = readText(form, IDENTITY);
  values.idNumber = normaliseIdNumber(values.idNumber);
  return values;
}

type Result = { ok: false; status: number; errors: FormErrors };
function failed(result: Parameters<typeof readApiError>[0]): Result {
  const apiError = readApiError(result);
  return { ok: false, status: failStatus(apiError.status), errors: formErrorsFrom(apiError) };
}

/**
 * Service-point staff: each action checks the resident's document first. The ID number typed is sent to the API
 * (which matches it by keyed hash) and never put back into the page.
 */
export const actions = {
  resetCode: async (event) => {
    requireUser(event);
    const values = identity(await event.request.formData());
    const errors: FormErrors = {};
    checkIdentity(values, errors);
    const shown = { ...values, idNumber: '' };
    if (hasErrors(errors)) return fail(400, { action: 'resetCode' as const, values: shown, errors });
    const result = await api(event).POST('/api/service-points/reset-codes', {
      body: { ...values, documentType: values.documentType as DocumentType },
    });
    if (!result.data) {
      const f = failed(result);
      return fail(f.status, { action: 'resetCode' as const, values: shown, errors: f.errors });
    }
    return { action: 'resetCode' as const, values: shown, errors: {}, issued: result.data };
  },

  consent: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      ...identity(form),
      ...readText(form, ['proxyLogin', 'relationship', 'consentFormDate']),
    };
    const errors: FormErrors = {};
    checkIdentity(values, errors);
    if (!values.proxyLogin) errors.proxyLogin = { key: 'validation.required' };
    if (!(PROXY_KINDS as readonly string[]).includes(values.relationship))
      errors.relationship = { key: 'validation.required' };
    checkFormDate(values.consentFormDate, shanghaiDate(new Date().toISOString()), 'consentFormDate', errors);
    const shown = { ...values, idNumber: '' };
    if (hasErrors(errors)) return fail(400, { action: 'consent' as const, values: shown, errors });
    const result = await api(event).POST('/api/service-points/proxy-consents', {
      body: {
        ...values,
        documentType: values.documentType as DocumentType,
        relationship: values.relationship as (typeof PROXY_KINDS)[number],
      },
    });
    if (!result.data) {
      const f = failed(result);
      return fail(f.status, { action: 'consent' as const, values: shown, errors: f.errors });
    }
    return { action: 'consent' as const, values: shown, errors: {}, consent: result.data };
  },

  managed: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      ...identity(form),
      ...readText(form, [
        'name',
        'villageCode',
        'attainment',
        'employmentStatus',
        'mobile',
        'proxyLogin',
        'relationship',
        'consentFormDate',
      ]),
    };
    const errors: FormErrors = {};
    checkIdentity(values, errors);
    for (const f of ['name', 'villageCode', 'attainment', 'employmentStatus'] as const)
      if (!values[f]) errors[f] = { key: 'validation.required' };
    if (values.mobile) checkMobile(values.mobile, 'mobile', errors);
    const withProxy = values.proxyLogin !== '';
    if (withProxy) {
      if (!(PROXY_KINDS as readonly string[]).includes(values.relationship))
        errors.relationship = { key: 'validation.required' };
      checkFormDate(
        values.consentFormDate,
        shanghaiDate(new Date().toISOString()),
        'consentFormDate',
        errors,
      );
    }
    const shown = { ...values, idNumber: '' };
    if (hasErrors(errors)) return fail(400, { action: 'managed' as const, values: shown, errors });
    const result = await api(event).POST('/api/service-points/managed-accounts', {
      body: {
        townshipCode: values.townshipCode,
        documentType: values.documentType as DocumentType,
        idNumber: values.idNumber,
        name: values.name,
        villageCode: values.villageCode,
        attainment: values.attainment as 'primary',
        employmentStatus: values.employmentStatus as 'farmer',
        ...(values.mobile ? { mobile: values.mobile } : {}),
        ...(withProxy
          ? {
              proxy: {
                login: values.proxyLogin,
                relationship: values.relationship as (typeof PROXY_KINDS)[number],
                consentFormDate: values.consentFormDate,
              },
            }
          : {}),
      },
    });
    if (!result.data) {
      const f = failed(result);
      return fail(f.status, { action: 'managed' as const, values: shown, errors: f.errors });
    }
    return { action: 'managed' as const, values: {}, errors: {}, managed: result.data };
  },
} satisfies Actions;
