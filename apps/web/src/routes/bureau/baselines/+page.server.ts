import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { checkChoice, checkedChoice, checkLength, readNumber, requireFields } from '$lib/form-rules.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { BASELINE_SOURCES, readBaselineFile } from '$lib/baselines.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireBureau, requireBureauAdmin } from '$lib/server/indicators.js';
import type { Actions, PageServerLoad } from './$types.js';

/** The population baselines, and the form to upload another (administrators only). */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const result = await api(event).GET('/api/population-baselines');
  if (!result.data) throwApiError(result, event.url);
  const baselines = result.data.map((b) => ({
    id: b.id,
    name: b.name,
    source: b.source,
    year: b.year,
    status: b.status,
    totalRows: b.totalRows,
    population: b.population,
    errorCount: b.errorCount,
  }));
  // The API uses the ready baseline with the latest data year (the list comes newest first, as it orders them).
  const inUse = baselines.find((b) => b.status === 'ready')?.id ?? null;
  return { isAdmin, baselines, inUse };
};

export const actions = {
  upload: async (event) => {
    requireBureauAdmin(event);
    const form = await event.request.formData();
    const values = readText(form, ['name', 'source', 'year']);
    const errors: FormErrors = {};
    requireFields(values, ['name', 'source', 'year'], errors);
    checkLength(values.name, 1, 100, 'name', errors);
    checkChoice(values.source, BASELINE_SOURCES, 'source', errors);
    const year = readNumber(values.year, 'year', errors, { min: 1950, max: 2100, integer: true });
    const { csv, error } = await readBaselineFile(form.get('file'));
    if (error) errors.file = error;
    if (hasErrors(errors) || year === undefined || csv === null) return fail(400, { values, errors });

    const result = await api(event).POST('/api/population-baselines', {
      body: { name: values.name, source: checkedChoice(BASELINE_SOURCES, values.source), year, csv },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      // The API names the file `csv`; on this page it is the file field.
      const refused = formErrorsFrom(apiError, { [ErrorCode.ImportCsvInvalid]: 'file' });
      if (refused.csv || apiError.code === ErrorCode.ImportCsvInvalid) {
        delete refused.csv;
        refused.file = { key: 'baselines.file.invalid' };
      }
      return fail(failStatus(apiError.status), { values, errors: refused });
    }
    redirect(303, `/bureau/baselines/${result.data.id}`);
  },
} satisfies Actions;
