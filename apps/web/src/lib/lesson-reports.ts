import type { Schemas } from '@cll/api-client';

export type Evidence = Schemas['LessonEvidence'];

export interface ReportAnswer {
  completed: boolean;
  courseCompleted: boolean;
  evidence: Evidence;
}

/** Sends one report of the lesson page to its endpoint; null when it did not get through (the next one will). */
export async function reportProgress(url: string, position?: number): Promise<ReportAnswer | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(position === undefined ? {} : { position }),
    });
    return res.ok ? ((await res.json()) as ReportAnswer) : null;
  } catch {
    return null;
  }
}

/** Reading time as the page says it: seconds, or minutes and seconds. */
export function readingTime(seconds: number): { key: string; params: Record<string, number> } {
  return seconds < 60
    ? { key: 'lesson.evidence.seconds', params: { seconds } }
    : {
        key: 'lesson.evidence.minutes',
        params: { minutes: Math.floor(seconds / 60), seconds: seconds % 60 },
      };
}
