import { fail, redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { hasMessage } from '$lib/i18n/index.js';
import { api } from '$lib/server/api.js';
import { errorMessage, failStatus, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const client = api(event);
  const [enrolments, record, certificates, apprenticeships] = await Promise.all([
    client.GET('/api/me/enrolments'),
    client.GET('/api/me/record'),
    client.GET('/api/me/certificates'),
    client.GET('/api/apprenticeships'),
  ]);
  if (!enrolments.data) throwApiError(enrolments, event.url);
  if (!record.data) throwApiError(record, event.url);
  if (!certificates.data) throwApiError(certificates, event.url);
  // A download that failed comes back here with its reason (`?problem=CERTIFICATE_NOT_READY`).
  const problem = `error.${event.url.searchParams.get('problem') ?? ''}`;
  return {
    enrolments: enrolments.data.map((e) => ({
      id: e.id,
      status: e.status,
      waitlistPosition: e.waitlistPosition,
      source: e.source,
      createdAt: e.createdAt,
      course: { ...e.course },
      session: { ...e.session },
    })),
    record: {
      totals: record.data.totals,
      entries: record.data.entries.map((r) => ({
        id: r.id,
        courseTitle: r.courseTitle,
        providerName: r.providerName,
        category: r.category,
        hours: r.hours,
        credits: r.credits,
        completedOn: r.completedOn,
        certificateRevokedOn: r.certificateRevokedOn,
      })),
    },
    certificates: certificates.data.map((c) => ({
      id: c.id,
      number: c.number,
      courseTitle: c.courseTitle,
      providerName: c.providerName,
      issuedOn: c.issuedOn,
      verificationCode: c.verificationCode,
      pdfReady: c.pdfReady,
      pdfProblem: c.pdfProblem,
      revokedOn: c.revokedOn,
    })),
    problem: problem !== 'error.' && hasMessage(problem) ? problem : null,
    // The link to the apprenticeship page shows for apprentices only (staff also see their school's agreements).
    apprenticeships: (apprenticeships.data ?? []).filter((a) => a.apprenticeUserId === user.id).length,
  };
};

export const actions = {
  /** Withdrawing gives the seat away: the first press asks, the second one (with confirm=yes) acts. */
  withdraw: async (event) => {
    requireUser(event);
    const { enrolmentId, confirm } = readText(await event.request.formData(), ['enrolmentId', 'confirm']);
    if (!isUuid(enrolmentId)) return fail(404, { actionError: { key: 'error.NOT_FOUND' } });
    if (confirm !== 'yes') return { confirmWithdraw: enrolmentId };
    const result = await api(event).POST('/api/enrolments/{id}/withdraw', {
      params: { path: { id: enrolmentId } },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
    }
    redirect(303, '/learn?done=withdrawn');
  },
} satisfies Actions;
