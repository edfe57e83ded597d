import { ErrorCode } from '@cll/domain';
import { readApiError, throwApiError } from '$lib/server/errors.js';
import { api } from '$lib/server/api.js';
import { normaliseVerificationCode } from '$lib/verification.js';
import type { PageServerLoad } from './$types.js';

/** Public: anyone holding a certificate's code may check it, signed in or not. */
export const load: PageServerLoad = async (event) => {
  const code = normaliseVerificationCode(event.params.code);
  if (!code) return { code: event.params.code.slice(0, 64), certificate: null };
  const result = await api(event, null).GET('/api/verify/{code}', { params: { path: { code } } });
  if (result.data) {
    const c = result.data;
    return {
      code,
      certificate: {
        number: c.number,
        status: c.status,
        holderMasked: c.holderMasked,
        courseTitle: c.courseTitle,
        providerName: c.providerName,
        issuedOn: c.issuedOn,
        hours: c.hours,
        revokedOn: c.revokedOn,
      },
    };
  }
  if (readApiError(result).code === ErrorCode.NotFound) return { code, certificate: null };
  throwApiError(result, event.url);
};
