import 'reflect-metadata';
import { createHttpApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';

try {
  const config = loadConfig();
  const app = await createHttpApp(config, { worker: config.workerInProcess });
  await app.listen(config.port, config.host);
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'api listening',
      url: await app.getUrl(),
      worker: config.workerInProcess,
    }),
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
