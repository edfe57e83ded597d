import type { PageServerLoad } from './$types.js';

export const load: PageServerLoad = ({ locals }) => ({ greetingName: locals.user?.name ?? null });
