import { suppressGroup, type SuppressionFigure } from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { type CellView, disclosures, type FigureView } from '../testing/suppression-checker.js';

/**
 * Many small random tables, no database: people in townships and of a sex, each with a number of events (completions,
 * certificates) and hours. Three figures published together (distinct people, events, hours) by township and sex;
 * the published result is attacked with the interval solver.
 */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

interface Person {
  township: string;
  sex: string;
  events: number;
  hours: number;
}

function tables(people: Person[]): SuppressionFigure[] {
  const make = (code: string, amount: (p: Person) => number): SuppressionFigure => {
    const counted = people.filter((p) => amount(p) > 0);
    const line = (attr: 'township' | 'sex') => {
      const keys = [...new Set(counted.map((p) => p[attr]))].sort();
      return keys.map((key) => {
        const inCell = counted.filter((p) => p[attr] === key);
        return { key, value: inCell.reduce((s, p) => s + amount(p), 0), people: inCell.length };
      });
    };
    return {
      code,
      total: { value: counted.reduce((s, p) => s + amount(p), 0), people: counted.length },
      lines: { township: line('township'), sex: line('sex') },
    };
  };
  return [
    make('persons', (p) => (p.events > 0 ? 1 : 0)),
    make('events', (p) => p.events),
    make('hours', (p) => p.hours),
  ];
}

function publish(figures: SuppressionFigure[], hide: ReturnType<typeof suppressGroup>): FigureView[] {
  return figures.map((f) => {
    const view = (c: { key: string; value: number; people: number | null }, hidden: boolean): CellView => ({
      key: c.key,
      shown: hidden ? null : c.value,
      value: c.value,
      people: c.people ?? 0,
    });
    return {
      code: f.code,
      total: view({ key: 'total', ...f.total }, hide.hiddenTotals.has(f.code)),
      lines: Object.fromEntries(
        Object.entries(f.lines).map(([d, cells]) => [
          d,
          (cells ?? []).map((c) => view(c, hide.hiddenKeys.get(d)?.has(c.key) ?? false)),
        ]),
      ),
    };
  });
}

describe('suppression by people over random small tables', () => {
  it('leaves no cell of 1-4 people published, derivable or narrowed to fewer than five values', () => {
    const found: unknown[] = [];
    let sensitive = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const rand = random(trial + 1);
      const people: Person[] = Array.from({ length: 3 + rand(30) }, () => ({
        township: `T${rand(2 + rand(4))}`,
        sex: rand(2) ? 'male' : 'female',
        // Person-times well above people: one learner, many certificates.
        events: rand(4) === 0 ? 0 : 1 + rand(rand(3) === 0 ? 9 : 2),
        hours: rand(3) === 0 ? 0 : 8 * (1 + rand(40)),
      }));
      const figures = tables(people);
      const published = publish(figures, suppressGroup(figures));
      sensitive += published
        .flatMap((f) => [f.total, ...Object.values(f.lines).flat()])
        .filter((c) => c.people > 0 && c.people < 5).length;
      const d = disclosures(published, [{ small: 'persons', large: 'events' }]);
      if (d.length) found.push({ trial, d });
    }
    expect(found).toEqual([]);
    expect(sensitive).toBeGreaterThan(400);
  });

  it('catches a table where the one hidden cell is the total minus the rest', () => {
    const figures = tables([
      ...Array.from({ length: 6 }, () => ({ township: 'A', sex: 'male', events: 1, hours: 0 })),
      { township: 'B', sex: 'male', events: 3, hours: 0 },
      { township: 'B', sex: 'male', events: 2, hours: 0 },
    ]);
    // Hiding only the small cell, as the old rule would for person-times of 5 from 2 people.
    const naive = publish(figures, {
      hiddenTotals: new Set(),
      hiddenKeys: new Map([['township', new Set(['B'])]]),
    });
    const found = disclosures(naive, []);
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'events', dimension: 'township', key: 'B', range: [5, 5] }),
    );
  });
});
