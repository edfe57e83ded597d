import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Socket } from 'node:net';

function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export class RedisUnavailableError extends Error {}

/**
 * Redis for a local start: use 127.0.0.1:6379 when it answers, else start `redis-server` there when installed
 * (nothing kept on disk), else explain how to get one.
 */
export async function ensureLocalRedis(): Promise<{ url: string; child?: ChildProcess }> {
  const url = 'redis://127.0.0.1:6379';
  if (await answersPing('127.0.0.1', 6379)) return { url };
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    throw new RedisUnavailableError(
      'Redis is not answering on 127.0.0.1:6379 and redis-server is not installed.\n' +
        '  Debian/Ubuntu: sudo apt-get install redis-server   macOS: brew install redis\n' +
        '  Or point REDIS_URL at a running Redis (redis://host:port).',
    );
  }
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50; i++) {
    if (await answersPing('127.0.0.1', 6379)) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new RedisUnavailableError(
    'redis-server was started but did not answer on 127.0.0.1:6379 within 5 seconds.',
  );
}
