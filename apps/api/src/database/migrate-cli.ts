import 'reflect-metadata';
import { runMigrations } from './migrate.js';

/**
 * `npm run migrate`: applies pending migrations and exits, for deploys that migrate in a separate step (then start
 * the API with MIGRATE_ON_START=false). Safe beside running processes: migrations take an advisory lock.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Missing configuration: DATABASE_URL (postgres://user:password@host:5432/database).');
  process.exit(78);
}
const applied = await runMigrations(databaseUrl);
console.log(JSON.stringify({ level: 'info', msg: 'migrations applied', migrations: applied }));
