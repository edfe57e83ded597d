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
    townshipCode: string | null;
    townshipName: string | null;
    villageName: string | null;
    venue: string | null;
    address: string | null;
    classWeekdays: number[];
    classStartTime: string;
    classEndTime: string;
    firstClassDate: string;
    lastClassDate: string;
    nextClassDate: string | null;
    /** In fen; 0 is free. */
    feeFen: number;
    contactPhone: string | null;
    /** In the signed-in resident's own township (listed first by the API). */
    nearby: boolean;
    seatsLeft: number;
    enrolmentOpensAt: string;
    enrolmentClosesAt: string;
    /** Enrolment is open now and the session has not started. */
    enrolmentOpen: boolean;
  }>;
}
