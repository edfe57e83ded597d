/** How big the generated county is. `BENCH_SCALE` (default 1) multiplies every count; single counts can be overridden. */
export interface CountySizes {
  residents: number;
  providers: number;
  courses: number;
  sessions: number;
  lessonsPerCourse: number;
  /** Enrolments; every enrolment has `lessonsPerCourse` lesson-progress rows. */
  enrolments: number;
  /** Share of enrolments completed (a learning record each). */
  completedShare: number;
  apprenticeships: number;
  logWeeks: number;
}

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

export function countySizes(): CountySizes {
  const scale = env('BENCH_SCALE', 1);
  const n = (name: string, full: number, min: number) => Math.max(min, Math.round(env(name, full * scale)));
  return {
    residents: n('BENCH_RESIDENTS', 300_000, 1_000),
    providers: 50,
    courses: n('BENCH_COURSES', 100_000, 1_000),
    sessions: n('BENCH_SESSIONS', 20_000, 200),
    lessonsPerCourse: 5,
    // 900,000 enrolments × 5 lessons = 4.5M progress rows; with enrolments and learning records, 5.7M activity rows.
    enrolments: n('BENCH_ENROLMENTS', 900_000, 3_000),
    completedShare: 0.4,
    apprenticeships: n('BENCH_APPRENTICESHIPS', 2_000, 20),
    logWeeks: 52,
  };
}

/** mulberry32: a small seeded PRNG; the generator draws its salts from it so every run builds the same county. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
