import type { EntityManager } from 'typeorm';
import { normaliseText } from './normalise.js';
import { cutForIndex } from './segmenter.js';

/**
 * The segmenter's words of a title (search mode, so 老年人智能手机应用 gives 老年人, 智能手机, 智能, 手机, 应用). The
 * trigger stores them as whole-word lexemes ("=手机") beside the bigrams, so a course whose title has the resident's
 * word as a word ranks above one where the same characters only meet across two words (蓄电工具 for 电工).
 */
export function indexWords(title: string): string[] {
  const words = new Set<string>();
  for (const run of normaliseText(title).match(/[\u3400-\u4dbf\u4e00-\u9fff]+/g) ?? []) {
    for (const w of cutForIndex(run)) if (w.length >= 2) words.add(w);
  }
  return [...words];
}

/** Recomputes the words of the given courses (or of every course still without them) in one statement. */
export async function refreshSearchWords(
  manager: Pick<EntityManager, 'query'>,
  ids?: string[],
): Promise<number> {
  const rows: Array<{ id: string; title: string }> = await manager.query(
    ids
      ? `SELECT id, title FROM courses WHERE id = ANY($1::uuid[])`
      : `SELECT id, title FROM courses WHERE search_words IS NULL`,
    ids ? [ids] : [],
  );
  if (!rows.length) return 0;
  await manager.query(
    `UPDATE courses c SET search_words = coalesce(string_to_array(nullif(u.words, ''), ' '), '{}')
       FROM unnest($1::uuid[], $2::text[]) AS u(id, words) WHERE c.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => indexWords(r.title).join(' '))],
  );
  return rows.length;
}
