import { bounds, type LinearConstraint } from './interval-lp.js';

/**
 * The attacker of the published tables. Everything published about a group of figures becomes linear constraints
 * over the hidden cells (a line's cells add up to its total, or, for people counted in several categories, each is at
 * most the total and together at least it; a figure bounds another cell by cell, such as trainees ≤ volume), each
 * hidden cell is at least 1 when it is not zero (the attacker is granted knowing which hidden cells are empty), and
 * the solver finds the tightest range of every hidden cell counting 1 to 4 people. A cell is disclosed when it is
 * published, or when its range holds fewer than five whole values.
 */
export interface CellView {
  key: string;
  /** The published amount (null when hidden). */
  shown: number | null;
  /** The truth, known to the test only. */
  value: number;
  people: number;
}

export interface FigureView {
  code: string;
  total: CellView;
  lines: Record<string, CellView[]>;
  /** Lines whose cells may count one person several times (people in several categories). */
  covering?: string[];
}

/** `small` ≤ `large`, cell by cell (same dimension and key) and in total, or only in the cells named. */
export interface Relation {
  small: string;
  large: string;
  only?: { dimension: string; keys: string[] };
}

export interface Disclosure {
  code: string;
  dimension: string;
  key: string;
  value: number;
  people: number;
  range: [number, number] | 'published';
}

export function disclosures(figures: FigureView[], relations: Relation[]): Disclosure[] {
  const index = new Map<string, number>();
  const lower: number[] = [];
  const upper: number[] = [];
  const constraints: LinearConstraint[] = [];
  /** A term for a cell: a variable when hidden, else a constant. */
  const term = (id: string, cell: CellView): { variable: number } | { constant: number } => {
    if (cell.shown !== null) return { constant: cell.shown };
    let v = index.get(id);
    if (v === undefined) {
      v = lower.length;
      index.set(id, v);
      lower.push(cell.value > 0 ? 1 : 0);
      upper.push(cell.value > 0 ? Infinity : 0);
    }
    return { variable: v };
  };
  const linear = (
    parts: Array<[number, { variable: number } | { constant: number }]>,
    op: LinearConstraint['op'],
    rhs: number,
  ) => {
    const terms: Array<[number, number]> = [];
    let constant = 0;
    for (const [coefficient, p] of parts) {
      if ('variable' in p) terms.push([p.variable, coefficient]);
      else constant += coefficient * p.constant;
    }
    constraints.push({ terms, op, rhs: rhs - constant });
  };
  const byCode = new Map(figures.map((f) => [f.code, f]));
  for (const f of figures) {
    const total = term(`${f.code}|total`, f.total);
    for (const [dimension, cells] of Object.entries(f.lines)) {
      const parts = cells.map(
        (c) => [1, term(`${f.code}|${dimension}|${c.key}`, c)] as [number, typeof total],
      );
      if (f.covering?.includes(dimension)) {
        linear([...parts, [-1, total]], '>=', 0);
        for (const p of parts) linear([p, [-1, total]], '<=', 0);
      } else {
        linear([...parts, [-1, total]], '=', 0);
      }
    }
  }
  for (const { small, large, only } of relations) {
    const s = byCode.get(small);
    const l = byCode.get(large);
    if (!s || !l) continue;
    if (!only) {
      linear(
        [
          [1, term(`${small}|total`, s.total)],
          [-1, term(`${large}|total`, l.total)],
        ],
        '<=',
        0,
      );
    }
    for (const [dimension, cells] of Object.entries(s.lines)) {
      const other = new Map((l.lines[dimension] ?? []).map((c) => [c.key, c]));
      if (!l.lines[dimension] || (only && only.dimension !== dimension)) continue;
      for (const c of cells) {
        if (only && !only.keys.includes(c.key)) continue;
        const big = other.get(c.key);
        const left = term(`${small}|${dimension}|${c.key}`, c);
        if (big)
          linear(
            [
              [1, left],
              [-1, term(`${large}|${dimension}|${c.key}`, big)],
            ],
            '<=',
            0,
          );
        else linear([[1, left]], '<=', 0); // the larger table has nothing there
      }
    }
  }
  const system = { size: lower.length, lower, upper, constraints };
  const found: Disclosure[] = [];
  const judge = (code: string, dimension: string, cell: CellView) => {
    if (cell.people < 1 || cell.people > 4) return;
    if (cell.shown !== null) {
      found.push({
        code,
        dimension,
        key: cell.key,
        value: cell.value,
        people: cell.people,
        range: 'published',
      });
      return;
    }
    const v = index.get(dimension === 'total' ? `${code}|total` : `${code}|${dimension}|${cell.key}`);
    const b = bounds(system, v as number);
    if (!b) throw new Error(`the published tables of ${code} contradict the truth`);
    const min = Math.ceil(b.min - 1e-6);
    const max = b.max === Infinity ? Infinity : Math.floor(b.max + 1e-6);
    if (max - min < 4) {
      found.push({
        code,
        dimension,
        key: cell.key,
        value: cell.value,
        people: cell.people,
        range: [min, max],
      });
    }
  };
  for (const f of figures) {
    judge(f.code, 'total', f.total);
    for (const [dimension, cells] of Object.entries(f.lines))
      for (const c of cells) judge(f.code, dimension, c);
  }
  return found;
}
