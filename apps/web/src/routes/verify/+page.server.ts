import { redirect } from '@sveltejs/kit';
import { checkUploadedCredential } from '$lib/server/credential-upload.js';
import { normaliseVerificationCode } from '$lib/verification.js';
import type { Actions, PageServerLoad } from './$types.js';

/**
 * The form is a GET form: a typed code (or the address a QR code gave) goes to its own page, which can be bookmarked
 * or shared. A credential file is posted instead and checked here.
 */
export const load: PageServerLoad = ({ url }) => {
  const code = normaliseVerificationCode(url.searchParams.get('code'));
  if (code) redirect(303, `/verify/${encodeURIComponent(code)}`);
  return { searched: url.searchParams.has('code') };
};

export const actions = {
  upload: async (event) => {
    const form = await event.request.formData();
    return checkUploadedCredential(event, form.get('credential'));
  },
} satisfies Actions;
