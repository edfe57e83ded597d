import { passPublicDocument } from '$lib/server/public-credentials.js';
import type { RequestHandler } from './$types.js';

/** The issuer's Open Badges profile: the `issuer.id` of every credential. */
export const GET: RequestHandler = () => passPublicDocument('/api/credentials/issuer');
