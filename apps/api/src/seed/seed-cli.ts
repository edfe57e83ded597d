import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { dataSourceOptions } from '../database/data-source.js';
import { runMigrations } from '../database/migrate.js';
import { seedDemoData } from './demo-seed.js';

/** `node apps/api/dist/seed/seed-cli.js`: migrates DATABASE_URL and loads the demo county (idempotent). */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to seed.');
  process.exit(78);
}
await runMigrations(url);
const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
const loaded = await seedDemoData(dataSource, new PasswordService());
await dataSource.destroy();
console.log(loaded ? 'demo data loaded' : 'demo data already present');
