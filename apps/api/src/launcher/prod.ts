import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm run start:prod`: the built API and one worker as two processes, configured only by the environment (no local
 * secrets, no embedded database, no demo data). A supervisor (systemd, a container runtime) may instead run
 * `node apps/api/dist/main.js` and `node apps/api/dist/worker.js` directly, as many of each as needed; this is the
 * one-machine form of the same thing. SIGTERM/SIGINT are passed on and each process shuts down gracefully; if one
 * stops on its own, the other is stopped too and its exit code is ours (78 for a configuration error), so the
 * supervisor sees it.
 */
const dist = fileURLToPath(new URL('../', import.meta.url));
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' };
const log = (msg: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...fields }));

const children = new Map<string, ChildProcess>();
let exitCode: number | null = null;

function stopAll(signal: NodeJS.Signals): void {
  for (const child of children.values()) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

for (const [name, entry] of [
  ['api', 'main.js'],
  ['worker', 'worker.js'],
] as const) {
  const child = spawn(process.execPath, [`${dist}${entry}`], { env, stdio: 'inherit' });
  children.set(name, child);
  child.once('exit', (code, signal) => {
    log('process exited', { process: name, code, signal });
    exitCode ??= code ?? 1;
    if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(exitCode);
    }
    // One process stopped (a crash, a configuration error): stop the other so the supervisor restarts both.
    stopAll('SIGTERM');
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    exitCode ??= 0;
    stopAll(signal);
  });
}
log('started', { api: children.get('api')?.pid, worker: children.get('worker')?.pid });
