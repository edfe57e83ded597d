import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DomainException } from './domain.exception.js';
import { unstorableText } from './text-policy.js';

/** The first place (a dotted path) in a request value holding a NUL or an unpaired surrogate, or null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return unstorableText(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (unstorableText(key)) return path ? `${path}.${key}` : key;
    const found = findNul(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses any body, query or path value with a NUL character: PostgreSQL cannot store one in text, so it would
 * otherwise fail deep in a query as a 500. Runs before the validation pipe.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = findNul(
      value,
      metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '',
    );
    if (field !== null) {
      throw DomainException.field(
        ErrorCode.ValidationFailed,
        field || metadata.type,
        'Text must not contain NUL or broken (unpaired surrogate) characters.',
      );
    }
    return value;
  }
}
