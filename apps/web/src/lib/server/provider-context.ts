import { redirect } from '@sveltejs/kit';

interface ProviderChoice {
  id: string;
  name: string;
  status: string;
  role: 'provider_staff' | 'provider_admin';
}

/** The provider a page acts for; someone who works for none is sent to the dashboard, which explains how to apply. */
export function requireProvider(current: ProviderChoice | null): ProviderChoice {
  if (!current) redirect(303, '/provider');
  return current;
}

/** The same, for pages only a provider administrator may use (the API refuses others too). */
export function requireProviderAdmin(current: ProviderChoice | null): ProviderChoice {
  const provider = requireProvider(current);
  if (provider.role !== 'provider_admin')
    redirect(303, `/provider?provider=${encodeURIComponent(provider.id)}`);
  return provider;
}

/**
 * Where a form action sends the user after a change (post/redirect/get): a page of the provider area, for the same
 * provider, with `done` naming the notice to show.
 */
export function backTo(path: string, providerId: string, done: string, hash = ''): string {
  const params = new URLSearchParams({ provider: providerId, done });
  return `${path}?${params.toString()}${hash}`;
}

/** The id form actions act for, sent in a hidden field; the API refuses ids of other providers. */
export function providerIdFrom(form: FormData): string {
  const value = form.get('providerId');
  return typeof value === 'string' ? value : '';
}
