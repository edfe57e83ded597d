import type { RequestEvent } from '@sveltejs/kit';
import { api } from './api.js';
import { throwApiError } from './errors.js';

/** How many courses the proxy page lists for a search; each needs one more call for its sessions. */
const RESULTS = 5;

export interface ProxyChoice {
  courseId: string;
  courseTitle: string;
  providerName: string;
  sessions: Array<{
    id: string;
    label: string;
    startsAt: string;
    endsAt: string;
    online: boolean;
    townshipName: string | null;
    villageName: string | null;
    venue: string | null;
    seatsLeft: number;
  }>;
}

/** Courses matching the words typed, each with its sessions open for enrolment now (full ones take a waitlist). */
export async function searchOpenSessions(
  event: RequestEvent,
  q: string,
): Promise<{ total: number; choices: ProxyChoice[] }> {
  const client = api(event, null);
  const found = await client.GET('/api/catalogue/courses', {
    params: { query: { q: q || undefined, page: 1, pageSize: RESULTS } },
  });
  if (!found.data) throwApiError(found, event.url);
  const details = await Promise.all(
    found.data.items.map((c) =>
      client.GET('/api/catalogue/courses/{id}', { params: { path: { id: c.id } } }),
    ),
  );
  const choices = details.flatMap(({ data }) => {
    if (!data) return [];
    const sessions = data.sessions
      .filter((s) => s.enrolmentOpen)
      .map((s) => ({
        id: s.id,
        label: s.label,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        online: s.online,
        townshipName: s.townshipName,
        villageName: s.villageName,
        venue: s.venue,
        seatsLeft: s.seatsLeft,
      }));
    return sessions.length
      ? [{ courseId: data.id, courseTitle: data.title, providerName: data.provider.name, sessions }]
      : [];
  });
  return { total: found.data.total, choices };
}
