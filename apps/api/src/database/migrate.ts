import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

// Any fixed number shared by every process of this application.
const MIGRATION_LOCK = 7_310_428;

/** Runs pending migrations once, even when several processes start together (advisory lock). */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, 2) });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    return applied.map((m) => m.name);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
