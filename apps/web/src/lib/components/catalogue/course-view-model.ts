/** What the course page shows; built on the server by `src/lib/server/course-view.ts`. */
export interface CourseViewModel {
  title: string;
  titleEn: string | null;
  providerName: string;
  providerTownship: string | null;
  category: string;
  mode: string;
  studyHours: number;
  credits: number;
  minAge: number | null;
  maxAge: number | null;
  coverText: string;
  /** Rendered by `renderMarkdown()`: safe to insert. */
  descriptionHtml: string;
  programme: { kind: string; title: string; occupationCode: string | null };
  lessons: Array<{ position: number; kind: string; title: string; durationMinutes: number | null }>;
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
    enrolmentOpensAt: string;
    enrolmentClosesAt: string;
    /** Enrolment is open now and the session has not started. */
    enrolmentOpen: boolean;
  }>;
}
