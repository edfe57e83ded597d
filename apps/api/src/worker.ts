import 'reflect-metadata';
import { createWorker } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';

try {
  await createWorker(loadConfig());
  console.log(JSON.stringify({ level: 'info', msg: 'worker started' }));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
