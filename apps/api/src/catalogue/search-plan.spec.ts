import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { generateCatalogue } from '../testing/catalogue-generator.js';
import { adminQuery, databaseUrl } from '../testing/database.js';
import { seedPlaces } from '../testing/builders.js';
import { createTestDatabase } from '../testing/test-app.js';
import { catalogueStatement, searchCatalogue } from './catalogue.query.js';
import type { CatalogueQuery } from './dto/catalogue.dto.js';

const COURSES = 100_000;
let name: string;
let db: DataSource;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

async function plan(query: Partial<CatalogueQuery>): Promise<PlanNode[]> {
  const { sql, params } = catalogueStatement({ page: 1, pageSize: 20, ...query });
  const [row] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return nodes(row['QUERY PLAN'][0].Plan as PlanNode);
}

beforeAll(async () => {
  name = await createTestDatabase();
  db = await new DataSource(dataSourceOptions(databaseUrl(name), 2)).initialize();
  await seedPlaces(db);
  await generateCatalogue(db, COURSES);
}, 180_000);
afterAll(async () => {
  await db?.destroy();
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe(`catalogue search over ${COURSES.toLocaleString('en')} courses`, () => {
  it.each(['电工', '智能手机', '太极', '书法入门', 'calligraphy'])(
    'finds %j through the GIN index, never a sequential scan of courses',
    async (q) => {
      const found = await plan({ q });
      expect(found.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'courses')).toBe(
        false,
      );
      expect(found.some((n) => n['Index Name'] === 'idx_courses_search')).toBe(true);
    },
  );

  it('still returns the right courses at that size, with a total', async () => {
    const page = await searchCatalogue(db.manager, { q: '电工', page: 1, pageSize: 5 });
    // The generator gives subject 0 (电工) to every i with floor(i / 6) % 20 = 0.
    const expected = Array.from({ length: COURSES }, (_, k) => k + 1).filter(
      (i) => Math.floor(i / 6) % 20 === 0,
    ).length;
    expect(page.total).toBe(expected);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((c) => c.title.includes('电工'))).toBe(true);
  });
});
