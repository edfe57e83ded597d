import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@cll/domain';
import { IS_PUBLIC, MFA_EXEMPT, ROLES, STEP_UP } from '../auth/auth.decorators.js';

/** What the global guard will decide for a route, read from the same metadata the guard reads. */
export interface RouteFacts {
  isPublic: boolean;
  roles: Role[];
  /** Open to a session that has not passed its second factor (else the guard may answer MFA_REQUIRED). */
  mfaExempt: boolean;
  /** Needs a recent authenticator code (else STEP_UP_REQUIRED). */
  stepUp: boolean;
  /**
   * The status Nest answers on success (`@HttpCode`, else 201 for POST and 200 otherwise), or undefined when the
   * handler takes the response object and may set the status itself.
   */
  successStatus: number | undefined;
}

/** The operation id of a handler; the document's `operationIdFactory` uses the same function. */
export function operationIdFor(controllerName: string, methodName: string): string {
  return `${controllerName.replace(/Controller$/, '')}_${methodName}`;
}

/**
 * Route metadata of every controller method, keyed by operation id. Handler metadata wins over the
 * controller's, as in `Reflector.getAllAndOverride` in the guard.
 */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        const args = Object.keys(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as object | undefined) ?? {},
        );
        const takesResponse = args.some((key) => key.split(':')[0] === String(RouteParamtypes.RESPONSE));
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        facts.set(operationIdFor(controller.name, name), {
          isPublic: read<boolean>(IS_PUBLIC) === true,
          roles: read<Role[]>(ROLES) ?? [],
          mfaExempt: read<boolean>(MFA_EXEMPT) === true,
          stepUp: read<boolean>(STEP_UP) === true,
          successStatus: takesResponse
            ? undefined
            : (httpCode ?? (method === RequestMethod.POST ? 201 : 200)),
        });
      }
    }
  }
  return facts;
}
