import type { components } from '@cll/api-client';
import { type ActionFailure, fail, type RequestEvent } from '@sveltejs/kit';
import { api } from './api.js';
import { errorMessage, failStatus, readApiError } from './errors.js';

/** The largest file the verify page reads (the API takes the same). */
export const MAX_CREDENTIAL_BYTES = 512_000;

type Check = components['schemas']['CredentialCheck'];

export interface UploadResult {
  kind: 'credential' | 'presentation';
  credentials: Check[];
}

export type UploadFailure = ActionFailure<{ upload: { error: string } }>;

/** Reads the uploaded credential file and asks the API to check it; every refusal comes back as a message key. */
export async function checkUploadedCredential(
  event: RequestEvent,
  file: FormDataEntryValue | null,
): Promise<{ upload: UploadResult } | UploadFailure> {
  if (!(file instanceof File) || file.size === 0) {
    return fail(400, { upload: { error: 'verify.upload.missing' } });
  }
  if (file.size > MAX_CREDENTIAL_BYTES) return fail(413, { upload: { error: 'error.PAYLOAD_TOO_LARGE' } });
  const text = await file.text();
  const result = await api(event, null).POST('/api/verify/credential', { body: { credential: text } });
  if (result.data) {
    return {
      upload: {
        kind: result.data.kind,
        credentials: result.data.credentials.map((c) => ({ ...c })),
      },
    };
  }
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), { upload: { error: errorMessage(apiError).key } });
}
