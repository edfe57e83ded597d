import type { Schemas } from '@cll/api-client';
import { error, type RequestEvent } from '@sveltejs/kit';
import { isUuid } from '../ids.js';
import { api } from './api.js';
import { throwApiError } from './errors.js';

type PlayerResponse = Schemas['PlayerResponse'];

/** The learner's view of a course they are enrolled in (403 NOT_ENROLLED otherwise, shown by +error). */
export async function loadPlayer(event: RequestEvent, courseId: string): Promise<PlayerResponse> {
  if (!isUuid(courseId)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/me/courses/{courseId}/learn', {
    params: { path: { courseId } },
  });
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/** What every page of the player shows about the course: its title, the learner's progress and the lesson list. */
export function playerSummary(player: PlayerResponse) {
  return {
    course: {
      id: player.course.id,
      title: player.course.title,
      completionRule: player.course.completionRule,
    },
    status: player.enrolment.status,
    requiredDone: player.requiredDone,
    requiredTotal: player.requiredTotal,
    attendance: { ...player.attendance },
    resumeLessonId: player.resumeLessonId,
    lessons: [...player.lessons]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        id: l.id,
        position: l.position,
        kind: l.kind,
        title: l.title,
        required: l.required,
        durationMinutes: l.durationMinutes,
        completed: l.progress.completed,
        bestScore: l.progress.bestScore,
      })),
  };
}

export type PlayerSummary = ReturnType<typeof playerSummary>;
