import 'reflect-metadata';
import { DEFAULT_COUNTY_TIME_ZONE } from '@cll/domain';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export function dataSourceOptions(
  url: string,
  poolSize = 10,
  timeZone = DEFAULT_COUNTY_TIME_ZONE,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    // Each session in the county's zone: now()::date and to_char of an instant give the county's calendar.
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      application_name: 'cll-api',
      options: `-c TimeZone=${timeZone}`,
    },
  };
}

/** Used by the TypeORM CLI (`nx run api:migration:generate --name=...`). */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cll_dev'),
);
