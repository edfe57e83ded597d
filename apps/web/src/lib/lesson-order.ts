/** The lesson ids in their new order after moving one up or down; null when it cannot move that way. */
export function reorderedLessonIds(
  lessons: Array<{ id: string; position: number }>,
  lessonId: string,
  direction: string,
): string[] | null {
  const ids = [...lessons].sort((a, b) => a.position - b.position).map((l) => l.id);
  const from = ids.indexOf(lessonId);
  const to = direction === 'up' ? from - 1 : direction === 'down' ? from + 1 : -1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return ids;
}
