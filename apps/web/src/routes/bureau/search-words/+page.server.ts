import { Role } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import { checkSynonymForm, splitSynonyms, type SynonymValues } from '$lib/synonym-form.js';
import type { Actions, PageServerLoad } from './$types.js';

/** The search synonym table: analysts read it, administrators keep it. The API enforces both. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const result = await api(event).GET('/api/search-synonyms');
  if (!result.data) throwApiError(result, event.url);
  return {
    canEdit: user.roles.some((r) => r.role === (Role.BureauAdmin as string)),
    synonyms: result.data.map((s) => ({
      id: s.id,
      term: s.term,
      synonyms: s.synonyms,
      twoWay: s.twoWay,
      note: s.note,
    })),
  };
};

async function readForm(request: Request): Promise<{ id: string; values: SynonymValues }> {
  const form = await request.formData();
  const { id, term, synonyms, note } = readText(form, ['id', 'term', 'synonyms', 'note']);
  return { id, values: { term, synonyms, note, twoWay: form.get('twoWay') === 'true' } };
}

export const actions: Actions = {
  save: async (event) => {
    requireUser(event);
    const { id, values } = await readForm(event.request);
    const errors = checkSynonymForm(values);
    if (Object.keys(errors).length) return fail(400, { target: id || 'new', values, errors });
    const body = {
      term: values.term.trim(),
      synonyms: splitSynonyms(values.synonyms),
      twoWay: values.twoWay,
      note: values.note.trim() || undefined,
    };
    const client = api(event);
    const result = id
      ? await client.PUT('/api/search-synonyms/{id}', { params: { path: { id } }, body })
      : await client.POST('/api/search-synonyms', { body });
    if (!result.data) {
      const failure = apiFailure(result, values, { SYNONYM_EXISTS: 'term' });
      return fail(failure.status, { ...failure.data, target: id || 'new' });
    }
    redirect(
      303,
      `/bureau/search-words?saved=${encodeURIComponent(result.data.term)}#synonym-${result.data.id}`,
    );
  },
  remove: async (event) => {
    requireUser(event);
    const { id } = readText(await event.request.formData(), ['id']);
    const result = await api(event).DELETE('/api/search-synonyms/{id}', { params: { path: { id } } });
    if (result.error) {
      const failure = apiFailure(result, { term: '', synonyms: '', twoWay: true, note: '' });
      return fail(failure.status, { ...failure.data, target: id });
    }
    redirect(303, '/bureau/search-words?removed=1');
  },
};
