import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../database/migrate.js';
import { adminQuery, databaseUrl } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    runId: string;
  }
}

/** Migrates one template database per run; each test file then gets its own copy (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const template = `cll_tpl_${runId}`;
  await adminQuery(`CREATE DATABASE ${template}`);
  await runMigrations(databaseUrl(template));
  project.provide('templateDatabase', template);
  project.provide('runId', runId);
  return async () => {
    const rows = await adminQuery<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`cll_t_${runId}_%`, template],
    );
    for (const { datname } of rows) await adminQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  };
}
