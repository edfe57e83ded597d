import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SNAPSHOT = `${ROOT}test/artifacts/bench/app/`;
/** The bare baseline server, transpiled from baseline/bare-server.ts. */
export const BARE_SERVER = `${SNAPSHOT}bare-server.mjs`;

/**
 * Copies the built API (and the domain library it imports) to a private folder, so a rebuild in the shared
 * checkout while the benchmarks run cannot pull files from under the processes they start.
 */
export async function snapshotBuild(): Promise<string> {
  const needed = ['apps/api/dist/main.js', 'apps/api/dist/seed/seed-cli.js', 'libs/domain/dist/index.js'];
  for (let attempt = 0; !needed.every((f) => existsSync(`${ROOT}${f}`)); attempt++) {
    if (attempt > 60) throw new Error(`build the apps first: ${needed.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(`${SNAPSHOT}node_modules/@cll/domain`, { recursive: true });
  cpSync(`${ROOT}apps/api/package.json`, `${SNAPSHOT}apps/api/package.json`);
  cpSync(`${ROOT}apps/api/dist`, `${SNAPSHOT}apps/api/dist`, { recursive: true });
  cpSync(`${ROOT}libs/domain/package.json`, `${SNAPSHOT}node_modules/@cll/domain/package.json`);
  cpSync(`${ROOT}libs/domain/dist`, `${SNAPSHOT}node_modules/@cll/domain/dist`, { recursive: true });
  const source = readFileSync(`${ROOT}test/bench/baseline/bare-server.ts`, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(BARE_SERVER, outputText);
  return SNAPSHOT;
}
