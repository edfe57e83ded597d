import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database migrated and loaded with the demo county once per run; stacks start on copies of it. */
    e2eTemplateDatabase: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(sql: string, server = DEFAULT_SERVER): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs the built seed command (migrations, then the demo county) once into a template database. Every stack on the
 * default server then starts from `CREATE DATABASE … TEMPLATE`, which copies files instead of loading the county again.
 * The demo county does not depend on the processes' keys or settings, so one copy serves every stack.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `cll_e2e_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${template}`);
  const url = new URL(DEFAULT_SERVER);
  url.pathname = `/${template}`;
  const output: string[] = [];
  const seed = spawn(process.execPath, ['apps/api/dist/seed/seed-cli.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url.toString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  seed.stdout.on('data', (c: Buffer) => output.push(c.toString()));
  seed.stderr.on('data', (c: Buffer) => output.push(c.toString()));
  const code = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
  if (code !== 0) {
    await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    throw new Error(`seeding the end-to-end template failed (exit ${code}):\n${output.join('')}`);
  }
  project.provide('e2eTemplateDatabase', template);
  return () => adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}
