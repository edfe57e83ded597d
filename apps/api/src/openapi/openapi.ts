import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/config.js';
import { addErrorResponses } from './error-responses.js';
import { operationIdFor, routeFacts } from './route-facts.js';
import { normaliseSchemas } from './schema-forms.js';
import { BEARER, METRICS_TOKEN } from './security-schemes.js';

export function buildOpenApi(app: INestApplication, config: Pick<AppConfig, 'apiPublicUrl'>): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('County lifelong-learning platform API')
    .setDescription(
      'Errors are `{ code, message, requestId }` (plus `fields` for invalid input); each operation lists the ' +
        'codes it can answer, with an example of each. Authenticate with `Authorization: Bearer <accessToken>` ' +
        'from /api/auth/login. See docs/api.md for pagination, retries, rate limits and versioning.',
    )
    .setVersion('0.1.0')
    .addServer(config.apiPublicUrl, 'This deployment (API_PUBLIC_URL)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN of this deployment' },
      METRICS_TOKEN,
    )
    .build();
  const document = SwaggerModule.createDocument(app, options, {
    operationIdFactory: (controller, method) => operationIdFor(controller, method),
  });
  return finaliseOpenApi(document, app);
}

/**
 * Post-processing that holds for every controller, so that no controller has to repeat it: the security each
 * operation needs (read from the guard's own metadata), the error answers, and schema forms other tools accept.
 */
function finaliseOpenApi(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const facts = routeFacts(app);
  document.openapi = '3.0.3';
  document.security = [{ [BEARER]: [] }];
  const wrongSuccess: string[] = [];
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      const fact = facts.get(operation.operationId ?? '');
      if (!fact) throw new Error(`OpenAPI: no route metadata for operation ${operation.operationId}`);
      const documented = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      if (fact.successStatus && !documented.includes(String(fact.successStatus))) {
        wrongSuccess.push(
          `${operation.operationId} answers ${fact.successStatus} on success but documents ` +
            `${documented.join(', ') || 'no 2xx'}`,
        );
      }
      if (fact.isPublic) {
        // Open to anyone, unless the controller names another scheme (the metrics token).
        const other = (operation.security ?? []).filter((s) => !(BEARER in s));
        operation.security = other;
      } else {
        operation.security = [{ [BEARER]: [] }];
      }
    }
  }
  if (wrongSuccess.length) {
    throw new Error(
      `OpenAPI: use @HttpCode or the matching @Api…Response decorator:\n${wrongSuccess.join('\n')}`,
    );
  }
  addErrorResponses(document, facts);
  normaliseSchemas(document);
  return document;
}

/** Serves the UI at /api/docs and the document at /api/openapi.json. */
export function serveOpenApi(app: INestApplication, config: Pick<AppConfig, 'apiPublicUrl'>): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app, config), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
