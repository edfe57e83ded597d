import { redirect } from '@sveltejs/kit';
import { normaliseVerificationCode } from '$lib/verification.js';
import type { PageServerLoad } from './$types.js';

/** The form is a GET form: a typed code goes to its own page, which can be bookmarked or shared. */
export const load: PageServerLoad = ({ url }) => {
  const code = normaliseVerificationCode(url.searchParams.get('code'));
  if (code) redirect(303, `/verify/${encodeURIComponent(code)}`);
  return { searched: url.searchParams.has('code') };
};
