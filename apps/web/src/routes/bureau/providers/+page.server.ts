import { ErrorCode, PROVIDER_STATUSES, ProviderStatus, Role } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { checkReason } from '$lib/form-rules.js';
import type { FormErrors } from '$lib/forms.js';
import type { Schemas } from '@cll/api-client';
import { api } from '$lib/server/api.js';
import {
  errorMessage,
  failStatus,
  formErrorsFrom,
  readApiError,
  throwApiError,
  type ApiResult,
} from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { withStepUp } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import { isOneOf } from '$lib/validation.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Who decides; bureau analysts only see the lists. */
const DECIDING_ROLE: string = Role.BureauAdmin;
const PENDING: string = ProviderStatus.Pending;

function providerView(p: Schemas['ProviderResponse']) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    townshipName: p.townshipName,
    status: p.status,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    decisionReason: p.decisionReason,
    appliedAt: p.appliedAt,
    courseCount: p.courseCount,
  };
}

/** Applications and providers; analysts see them, administrators decide. The API enforces both. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const wanted = event.url.searchParams.get('status') ?? '';
  const status = isOneOf(PROVIDER_STATUSES, wanted) ? wanted : undefined;
  const client = api(event);
  const [pending, all] = await Promise.all([
    client.GET('/api/providers', { params: { query: { status: ProviderStatus.Pending } } }),
    client.GET('/api/providers', { params: { query: { status } } }),
  ]);
  if (!pending.data) throwApiError(pending, event.url);
  if (!all.data) throwApiError(all, event.url);
  return {
    status: status ?? '',
    canDecide: user.roles.some((r) => r.role === DECIDING_ROLE),
    pending: pending.data.map(providerView),
    // Without a filter, applications waiting for a decision are listed once, in their own section above.
    providers: all.data.filter((p) => status || p.status !== PENDING).map(providerView),
  };
};

/** A refused decision is shown beside the provider it was about. */
function refused(result: ApiResult, target: string, reason: string) {
  const apiError = readApiError(result);
  const errors = formErrorsFrom(apiError, { [ErrorCode.ReasonRequired]: 'reason' });
  return fail(failStatus(apiError.status), {
    target,
    values: { reason },
    errors,
    actionError: errors.reason ? undefined : errorMessage(apiError),
  });
}

async function readDecision(event: RequestEvent, reasonRequired: boolean) {
  requireUser(event);
  const form = await event.request.formData();
  const { providerId, reason } = readText(form, ['providerId', 'reason']);
  const errors: FormErrors = {};
  checkReason(reason, reasonRequired, errors);
  return { providerId, reason, errors, form };
}

/**
 * Deciding on and suspending a provider need the authenticator code entered within the last minutes: on
 * STEP_UP_REQUIRED the page opens the code dialog beside the provider and the same action is sent again with it.
 */
async function stepped<T extends ApiResult>(
  event: RequestEvent,
  decision: { providerId: string; reason: string; form: FormData },
  intent: 'approve' | 'reject' | 'suspend',
  call: () => Promise<T>,
) {
  const values = { providerId: decision.providerId, reason: decision.reason, intent };
  const outcome = await withStepUp(event, decision.form, values, call);
  if ('result' in outcome) return outcome;
  return fail(outcome.status, { ...outcome.data, target: decision.providerId, actionError: undefined });
}

function done(event: RequestEvent, what: string, providerId: string): never {
  const params = new URLSearchParams({ done: what });
  const status = event.url.searchParams.get('status');
  if (status) params.set('status', status);
  redirect(303, `/bureau/providers?${params.toString()}#provider-${providerId}`);
}

export const actions = {
  approve: async (event) => {
    const decision = await readDecision(event, false);
    const { providerId, reason } = decision;
    const outcome = await stepped(event, decision, 'approve', () =>
      api(event).POST('/api/providers/{id}/decision', {
        params: { path: { id: providerId } },
        body: { decision: 'approve', reason: reason || undefined },
      }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) return refused(result, providerId, reason);
    done(event, 'providerApproved', providerId);
  },
  reject: async (event) => {
    const decision = await readDecision(event, true);
    const { providerId, reason, errors } = decision;
    if (errors.reason)
      return fail(400, { target: providerId, values: { reason }, errors, actionError: undefined });
    const outcome = await stepped(event, decision, 'reject', () =>
      api(event).POST('/api/providers/{id}/decision', {
        params: { path: { id: providerId } },
        body: { decision: 'reject', reason },
      }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) return refused(result, providerId, reason);
    done(event, 'providerRejected', providerId);
  },
  suspend: async (event) => {
    const decision = await readDecision(event, true);
    const { providerId, reason, errors } = decision;
    if (errors.reason)
      return fail(400, { target: providerId, values: { reason }, errors, actionError: undefined });
    const outcome = await stepped(event, decision, 'suspend', () =>
      api(event).POST('/api/providers/{id}/suspend', {
        params: { path: { id: providerId } },
        body: { reason },
      }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) return refused(result, providerId, reason);
    done(event, 'providerSuspended', providerId);
  },
  reinstate: async (event) => {
    const { providerId } = await readDecision(event, false);
    const result = await api(event).POST('/api/providers/{id}/reinstate', {
      params: { path: { id: providerId } },
    });
    if (!result.data) return refused(result, providerId, '');
    done(event, 'providerReinstated', providerId);
  },
} satisfies Actions;
