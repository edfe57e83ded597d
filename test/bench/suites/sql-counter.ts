import { type AddressInfo, createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients send, read from the wire protocol: every
 * simple Query ('Q') and every Execute ('E') of the extended protocol is one statement, BEGIN and COMMIT included.
 * It sees exactly what reaches the database, whatever the ORM does, without touching the API.
 */
export interface SqlCounter {
  url: (database: string) => string;
  count(): number;
  close(): Promise<void>;
}

export async function startSqlCounter(host = '127.0.0.1', port = 5432): Promise<SqlCounter> {
  let statements = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      // The startup message (and an SSL request) has no type byte; everything after it does.
      while (buffer.length >= (started ? 5 : 4)) {
        const length = started ? buffer.readInt32BE(1) + 1 : buffer.readInt32BE(0);
        if (buffer.length < length) break;
        if (started && (buffer[0] === 0x51 || buffer[0] === 0x45)) statements++;
        if (!started && buffer.readInt32BE(4) !== 80877103) started = true;
        buffer = buffer.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${own}/${database}`,
    count: () => statements,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
