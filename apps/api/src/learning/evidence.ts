/**
 * Evidence that a lesson was learnt, from the position reports of the lesson page (pure functions; the service keeps
 * the state in lesson_progress under a row lock and uses the database's clock).
 *
 * Video: the player reports its position every few seconds while playing (and on play, pause and seek). A report
 * credits the stretch from the previous reported position to this one only when it is believable in real time:
 * - reports closer than MIN_REPORT_GAP_SECONDS to the previous one are ignored (they neither credit nor move the
 *   anchor), so a burst of reports cannot add up to more than the time that passed;
 * - the stretch may be at most the wall-clock time since the previous report plus a small tolerance
 *   (TOLERANCE_SHARE of it, at least TOLERANCE_SECONDS), and at most MAX_CREDIT_SECONDS (the player reports far more
 *   often; a longer stretch was not observed);
 * - anything else (a jump ahead, a jump back, a stretch longer than the time allows) credits nothing and the new
 *   position becomes the anchor: seeking ahead never credits, playing on from the new place does.
 * Stretches are merged, so watching the same minute twice counts once; the share is of the lesson's stated length.
 *
 * Text: every report (the page opening, a heartbeat while it is open, the "I have finished" click) credits the
 * wall-clock time since the previous report, unless that gap is longer than MAX_READ_GAP_SECONDS (the learner left).
 */
export const MIN_REPORT_GAP_SECONDS = 5;
export const TOLERANCE_SECONDS = 1;
export const TOLERANCE_SHARE = 0.05;
export const MAX_CREDIT_SECONDS = 120;
export const MAX_READ_GAP_SECONDS = 600;

export type Stretches = Array<[number, number]>;

export interface EvidenceState {
  position: number | null;
  lastReportAt: Date | null;
  played: Stretches;
  readSeconds: number;
}

/** Adds [from, to) to merged, sorted stretches. */
export function mergeStretch(stretches: Stretches, from: number, to: number): Stretches {
  const all = [...stretches, [from, to] as [number, number]].sort((a, b) => a[0] - b[0]);
  const merged: Stretches = [];
  for (const [a, b] of all) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function coveredSeconds(stretches: Stretches): number {
  return stretches.reduce((n, [a, b]) => n + (b - a), 0);
}

/** The state after a video position report at server time `at`; `credited` is the stretch length it added. */
export function reportPlayback(
  state: EvidenceState,
  position: number,
  at: Date,
): { state: EvidenceState; credited: number; ignored: boolean } {
  if (state.lastReportAt === null || state.position === null) {
    return { state: { ...state, position, lastReportAt: at }, credited: 0, ignored: false };
  }
  const elapsed = (at.getTime() - state.lastReportAt.getTime()) / 1000;
  if (elapsed < MIN_REPORT_GAP_SECONDS) return { state, credited: 0, ignored: true };
  const delta = position - state.position;
  const allowed = elapsed + Math.max(TOLERANCE_SECONDS, elapsed * TOLERANCE_SHARE);
  const next = { ...state, position, lastReportAt: at };
  if (delta <= 0 || delta > allowed || delta > MAX_CREDIT_SECONDS)
    return { state: next, credited: 0, ignored: false };
  const played = mergeStretch(state.played, state.position, position);
  return {
    state: { ...next, played },
    credited: coveredSeconds(played) - coveredSeconds(state.played),
    ignored: false,
  };
}

/** The state after a text lesson report at server time `at`. */
export function reportReading(state: EvidenceState, position: number | null, at: Date): EvidenceState {
  const elapsed = state.lastReportAt ? (at.getTime() - state.lastReportAt.getTime()) / 1000 : 0;
  const credit = elapsed > 0 && elapsed <= MAX_READ_GAP_SECONDS ? Math.floor(elapsed) : 0;
  return {
    ...state,
    position: position ?? state.position,
    lastReportAt: at,
    readSeconds: state.readSeconds + credit,
  };
}

/** Seconds of a video that must have been played: the share of its stated length, rounded up. */
export function playedNeeded(lengthSeconds: number, sharePercent: number): number {
  return Math.max(0, Math.ceil((lengthSeconds * sharePercent) / 100 - 1e-9));
}

/** The whole percent played, rounded down (so "80 %" is shown only once 80 % is reached). */
export function playedPercent(playedSeconds: number, lengthSeconds: number): number {
  return lengthSeconds > 0 ? Math.floor((playedSeconds * 100) / lengthSeconds + 1e-9) : 0;
}
