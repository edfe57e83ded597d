/**
 * A small exact-enough linear programme solver for the tests (dense two-phase simplex with Bland's rule), used to
 * play the attacker of the published tables: given what was published as linear constraints over the hidden cells,
 * the tightest interval each hidden cell can be narrowed to. Written here, in the tests, so that the check does not
 * trust the suppression code it checks.
 */
const EPS = 1e-9;

export interface LinearConstraint {
  /** Coefficients by variable index. */
  terms: Array<[number, number]>;
  op: '=' | '<=' | '>=';
  rhs: number;
}

export interface LinearSystem {
  /** Number of variables; each is ≥ its lower bound (default 0) and ≤ its upper bound (default unbounded). */
  size: number;
  lower: number[];
  upper: number[];
  constraints: LinearConstraint[];
}

type Kind = '<=' | '>=' | '=';

/** max c·y subject to rows (a·y kind b) and y ≥ 0; returns the optimum, Infinity when unbounded, null infeasible. */
function maximise(c: number[], rows: Array<{ a: number[]; kind: Kind; b: number }>): number | null {
  const n = c.length;
  // Right-hand sides made non-negative.
  const flip: Record<Kind, Kind> = { '<=': '>=', '>=': '<=', '=': '=' };
  const norm = rows.map((r) => (r.b < 0 ? { a: r.a.map((v) => -v), kind: flip[r.kind], b: -r.b } : r));
  const m = norm.length;
  const slackCount = norm.filter((r) => r.kind !== '=').length;
  const artCount = norm.filter((r) => r.kind !== '<=').length;
  const width = n + slackCount + artCount + 1;
  const rhs = width - 1;
  const T: number[][] = [];
  const basis: number[] = [];
  const isArtificial = (j: number) => j >= n + slackCount && j < rhs;
  let s = n;
  let a = n + slackCount;
  for (const r of norm) {
    const row = new Array<number>(width).fill(0);
    r.a.forEach((v, j) => (row[j] = v));
    row[rhs] = r.b;
    if (r.kind === '<=') {
      row[s] = 1;
      basis.push(s++);
    } else {
      if (r.kind === '>=') row[s++] = -1;
      row[a] = 1;
      basis.push(a++);
    }
    T.push(row);
  }
  const pivot = (r: number, col: number, z: number[][]) => {
    const p = T[r][col];
    for (let j = 0; j < width; j += 1) T[r][j] /= p;
    for (let i = 0; i < m; i += 1) {
      if (i === r) continue;
      const f = T[i][col];
      if (Math.abs(f) > EPS) for (let j = 0; j < width; j += 1) T[i][j] -= f * T[r][j];
    }
    for (const row of z) {
      const f = row[col];
      if (Math.abs(f) > EPS) for (let j = 0; j < width; j += 1) row[j] -= f * T[r][j];
    }
    basis[r] = col;
  };
  /** Runs the simplex on objective row z (reduced costs; z[rhs] = −value); false when unbounded. */
  const run = (z: number[], allowed: (j: number) => boolean, others: number[][]): boolean => {
    for (let guard = 0; guard < 10_000; guard += 1) {
      let enter = -1;
      for (let j = 0; j < rhs; j += 1) {
        if (allowed(j) && z[j] > EPS) {
          enter = j;
          break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < m; i += 1) {
        if (T[i][enter] > EPS) {
          const ratio = T[i][rhs] / T[i][enter];
          if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leave])) {
            best = ratio;
            leave = i;
          }
        }
      }
      if (leave < 0) return false;
      pivot(leave, enter, [z, ...others]);
    }
    throw new Error('simplex did not finish');
  };
  // Phase 1: maximise −Σ artificials.
  const z1 = new Array<number>(width).fill(0);
  for (let j = n + slackCount; j < rhs; j += 1) z1[j] = -1;
  for (let i = 0; i < m; i += 1) {
    if (isArtificial(basis[i])) for (let j = 0; j < width; j += 1) z1[j] += T[i][j];
  }
  const z2 = new Array<number>(width).fill(0);
  c.forEach((v, j) => (z2[j] = v));
  run(z1, () => true, [z2]);
  if (-z1[rhs] < -1e-7 || z1[rhs] > 1e-7) return null;
  // Drive artificials at zero out of the basis where a real column can take their place.
  for (let i = 0; i < m; i += 1) {
    if (!isArtificial(basis[i])) continue;
    const col = T[i].findIndex((v, j) => j < n + slackCount && Math.abs(v) > EPS);
    if (col >= 0) pivot(i, col, [z1, z2]);
  }
  // Phase 2 objective in terms of the non-basic variables: z2 was kept up to date by the pivots.
  const bounded = run(z2, (j) => !isArtificial(j), []);
  return bounded ? -z2[rhs] : Infinity;
}

/** The smallest and largest value variable `index` can take in the system (null when it is infeasible). */
export function bounds(system: LinearSystem, index: number): { min: number; max: number } | null {
  const { size, lower, upper } = system;
  const rows: Array<{ a: number[]; kind: Kind; b: number }> = [];
  // x = lower + y.
  for (const k of system.constraints) {
    const a = new Array<number>(size).fill(0);
    let shift = 0;
    for (const [j, v] of k.terms) {
      a[j] += v;
      shift += v * (lower[j] ?? 0);
    }
    rows.push({ a, kind: k.op, b: k.rhs - shift });
  }
  for (let j = 0; j < size; j += 1) {
    const hi = upper[j];
    if (hi !== undefined && Number.isFinite(hi)) {
      const a = new Array<number>(size).fill(0);
      a[j] = 1;
      rows.push({ a, kind: '<=', b: hi - (lower[j] ?? 0) });
    }
  }
  const objective = new Array<number>(size).fill(0);
  objective[index] = 1;
  const max = maximise(objective, rows);
  if (max === null) return null;
  objective[index] = -1;
  const negMin = maximise(objective, rows);
  if (negMin === null) return null;
  return { min: (lower[index] ?? 0) - negMin, max: (lower[index] ?? 0) + max };
}
