import { describe, expect, it } from 'vitest';
import {
  coveredSeconds,
  type EvidenceState,
  MAX_CREDIT_SECONDS,
  MIN_REPORT_GAP_SECONDS,
  playedNeeded,
  reportPlayback,
  TOLERANCE_SECONDS,
  TOLERANCE_SHARE,
} from './evidence.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The same rule written a second way: a boolean per second of the video, set for each second of a believable stretch.
 * The anchor is the last report that was not ignored; times in milliseconds.
 */
function secondByOmission(length: number, reports: Array<{ at: number; position: number }>): number {
  const seen = new Array<boolean>(length).fill(false);
  let anchor: { at: number; position: number } | undefined;
  for (const r of reports) {
    if (anchor && (r.at - anchor.at) / 1000 < MIN_REPORT_GAP_SECONDS) continue;
    if (anchor) {
      const elapsed = (r.at - anchor.at) / 1000;
      const delta = r.position - anchor.position;
      const ok =
        delta > 0 &&
        delta <= elapsed + Math.max(TOLERANCE_SECONDS, elapsed * TOLERANCE_SHARE) &&
        delta <= MAX_CREDIT_SECONDS;
      if (ok) for (let s = anchor.position; s < r.position; s++) seen[s] = true;
    }
    anchor = r;
  }
  return seen.filter(Boolean).length;
}

describe('playback evidence', () => {
  it('agrees with a per-second recount over 500 generated viewing sessions (plays, pauses, seeks, bursts)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rnd = random(seed);
      const length = 60 + Math.floor(rnd() * 1200);
      const reports: Array<{ at: number; position: number }> = [];
      let at = 0;
      let position = 0;
      for (let i = 0; i < 80; i++) {
        const move = rnd();
        if (move < 0.6) {
          const step = 1 + Math.floor(rnd() * 15);
          at += step + (rnd() < 0.3 ? rnd() * 2 - 1 : 0);
          position = Math.min(length, position + step);
        } else if (move < 0.7) {
          at += rnd() * 3;
          position = Math.min(length, position + Math.floor(rnd() * 30));
        } else if (move < 0.8) {
          at += rnd() * 10;
          position = Math.floor(rnd() * length);
        } else if (move < 0.9) {
          at += 60 + rnd() * 600;
        } else {
          at += 0.1;
        }
        reports.push({ at: Math.round(at * 1000), position });
      }
      let state: EvidenceState = { position: null, lastReportAt: null, played: [], readSeconds: 0 };
      for (const r of reports) state = reportPlayback(state, r.position, new Date(r.at)).state;
      expect([seed, coveredSeconds(state.played)]).toEqual([seed, secondByOmission(length, reports)]);
      expect(coveredSeconds(state.played)).toBeLessThanOrEqual(length);
    }
  });

  it('never credits more than the time that passed, plus the tolerance, however the reports are sent', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed * 7919);
      let state: EvidenceState = { position: null, lastReportAt: null, played: [], readSeconds: 0 };
      let at = 0;
      for (let i = 0; i < 200; i++) {
        at += rnd() * 8;
        state = reportPlayback(state, Math.floor(rnd() * 5000), new Date(at * 1000)).state;
      }
      const bound = at * (1 + TOLERANCE_SHARE) + 200 * TOLERANCE_SECONDS;
      expect(coveredSeconds(state.played)).toBeLessThanOrEqual(bound);
    }
  });

  it('asks for the share of the stated length, rounded up', () => {
    expect(playedNeeded(960, 80)).toBe(768);
    expect(playedNeeded(61, 80)).toBe(49);
    expect(playedNeeded(600, 0)).toBe(0);
    expect(playedNeeded(600, 100)).toBe(600);
  });
});
