import { passPublicDocument } from '$lib/server/public-credentials.js';
import type { RequestHandler } from './$types.js';

/** The issuer's public keys (JWKS): every key that signed a credential, so anyone can verify offline. */
export const GET: RequestHandler = () => passPublicDocument('/api/credentials/jwks.json');
