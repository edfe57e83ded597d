import { error } from '@sveltejs/kit';
import { passPublicDocument } from '$lib/server/public-credentials.js';
import type { RequestHandler } from './$types.js';

/** A signed revocation status list (Bitstring Status List), as every credential's `credentialStatus` names it. */
export const GET: RequestHandler = ({ params }) => {
  if (!/^[1-9]\d{0,5}$/.test(params.list)) error(404, { message: 'error.NOT_FOUND' });
  return passPublicDocument(`/api/credentials/status/${params.list}`);
};
