import { describe, expect, it } from 'vitest';
import { reorderedLessonIds } from './lesson-order.js';

const lessons = [
  { id: 'c', position: 3 },
  { id: 'a', position: 1 },
  { id: 'b', position: 2 },
];

describe('reorderedLessonIds', () => {
  it('swaps a lesson with its neighbour', () => {
    expect(reorderedLessonIds(lessons, 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(reorderedLessonIds(lessons, 'b', 'down')).toEqual(['a', 'c', 'b']);
  });

  it('does not move the first lesson up, the last one down, or an unknown lesson', () => {
    expect(reorderedLessonIds(lessons, 'a', 'up')).toBeNull();
    expect(reorderedLessonIds(lessons, 'c', 'down')).toBeNull();
    expect(reorderedLessonIds(lessons, 'x', 'up')).toBeNull();
    expect(reorderedLessonIds(lessons, 'a', 'sideways')).toBeNull();
  });
});
