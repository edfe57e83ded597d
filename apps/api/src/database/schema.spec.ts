import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../testing/database.js';
import { createTestDatabase } from '../testing/test-app.js';
import { dataSourceOptions } from './data-source.js';

let name: string;
let dataSource: DataSource;

beforeAll(async () => {
  name = await createTestDatabase();
  dataSource = await new DataSource(dataSourceOptions(databaseUrl(name), 2)).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('migrations and entities', () => {
  it('agree: generating a migration from the entities after all migrations ran yields nothing', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('keep synchronize off', () => {
    expect(dataSource.options.synchronize).toBe(false);
  });

  it('make the audit trail append-only', async () => {
    await dataSource.query(`INSERT INTO audit_events (action, entity_type) VALUES ('test.event', 'test')`);
    await expect(dataSource.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('refuse a provider role without its provider', async () => {
    const [user] = await dataSource.query(
      `INSERT INTO users (name, mobile, password_hash) VALUES ('x', '13900000000', 'x') RETURNING id`,
    );
    await expect(
      dataSource.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'provider_staff')`, [
        user.id,
      ]),
    ).rejects.toThrow(/chk_role_assignments_scope/);
    await dataSource.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [user.id]);
    await expect(
      dataSource.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [user.id]),
    ).rejects.toThrow(/uq_role_assignments_scope/);
  });
});
