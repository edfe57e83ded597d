import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { withStepUp } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const NUMBER = /^[A-Za-z]{2}\d{4}-\d{6}$/;

/** Provider and bureau administrators revoke a certificate by its number; the API decides whose they may revoke. */
export const load: PageServerLoad = (event) => {
  requireUser(event);
  const revoked = event.url.searchParams.get('revoked');
  return { revoked: revoked && NUMBER.test(revoked) ? revoked.toUpperCase() : null };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ['number', 'reason']);
    values.number = values.number.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '').toUpperCase();
    const errors: Record<string, { key: string }> = {};
    if (!NUMBER.test(values.number)) errors.number = { key: 'revoke.number.hint' };
    if (values.reason.length < 2 || values.reason.length > 500) errors.reason = { key: 'validation.invalid' };
    if (Object.keys(errors).length) return fail(400, { values, errors });
    // Revoking is among the weightiest actions: a stale authenticator code is asked again (step-up dialog).
    const outcome = await withStepUp(event, form, values, () =>
      api(event).POST('/api/certificates/revocations', { body: values }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) {
      const failure = apiFailure(result, values, { [ErrorCode.CertificateAlreadyRevoked]: 'number' });
      // Another provider's certificate and a number that does not exist read the same (the API answers 404 to both).
      if (result.response.status === 404) failure.data.errors = { number: { key: 'revoke.notFound' } };
      return failure;
    }
    redirect(303, `/certificates/revoke?revoked=${encodeURIComponent(result.data.number)}`);
  },
} satisfies Actions;
