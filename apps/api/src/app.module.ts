import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprenticeshipModule } from './apprenticeship/apprenticeship.module.js';
import { AuditModule } from './audit/audit.module.js';
import { GlobalAuthGuard } from './auth/auth.guard.js';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { CredentialsModule } from './credentials/credentials.module.js';
import { EnrolmentModule } from './enrolment/enrolment.module.js';
import { LearningModule } from './learning/learning.module.js';
import { GeoModule } from './geo/geo.module.js';
import { HealthModule } from './health/health.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { WorkerModule } from './jobs/worker.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PeopleModule } from './people/people.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { useCountyTimeZone } from './common/date-only.js';
import { VerificationModule } from './verification/verification.module.js';
import { ProxyModule } from './proxy/proxy.module.js';
import { AttainmentModule } from './attainment/attainment.module.js';
import { ServicePointModule } from './service-point/service-point.module.js';

export interface AppModuleOptions {
  /** Consume jobs and relay the outbox in this process. */
  worker: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions): DynamicModule {
    if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
    useCountyTimeZone(config.countyTimeZone);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, config.databasePoolSize, config.countyTimeZone),
        ),
        AuditModule,
        JobsModule,
        GeoModule,
        PeopleModule,
        PrivacyModule,
        VerificationModule,
        AuthModule,
        ProxyModule,
        ServicePointModule,
        NotificationsModule,
        HealthModule,
        OrganisationsModule,
        CatalogueModule,
        ApprenticeshipModule,
        IndicatorsModule,
        EnrolmentModule,
        LearningModule,
        CredentialsModule,
        AttainmentModule,
        ...(options.worker ? [WorkerModule] : []),
      ],
      providers: [{ provide: APP_GUARD, useClass: GlobalAuthGuard }],
    };
  }
}
