import type { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;

/** Keywords @nestjs/swagger writes beside a single-reference `allOf` that only annotate it. */
const ANNOTATIONS = new Set(['description', 'example', 'type']);

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A schema that accepts only null, in the form OpenAPI 3.0.3 defines (`nullable` needs a `type`, and an enum
 * must list null itself) and that 3.1-era tools and JSON Schema validators read the same way.
 */
function nullOnly(type: string): Node {
  return { type, nullable: true, enum: [null] };
}

function referencedType(document: OpenAPIObject, ref: string): string {
  const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
  const target = name ? document.components?.schemas?.[name] : undefined;
  return isNode(target) && typeof target.type === 'string' ? target.type : 'object';
}

function rewrite(document: OpenAPIObject, node: Node): Node {
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) {
    // OpenAPI 3.0.3: `enum` is not widened by `nullable`; a nullable enum must list null to accept it.
    return { ...node, enum: [...(node.enum as unknown[]), null] };
  }
  const allOf = node.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && isNode(allOf[0]) && typeof allOf[0].$ref === 'string') {
    const ref = allOf[0].$ref;
    const others = Object.keys(node).filter((k) => k !== 'allOf' && k !== 'nullable');
    if (others.every((k) => ANNOTATIONS.has(k))) {
      if (node.nullable === true) {
        // Nullable reference: the reference or null; the description stays on the wrapper, where it is allowed.
        return {
          ...(typeof node.description === 'string' ? { description: node.description } : {}),
          oneOf: [{ $ref: ref }, nullOnly(referencedType(document, ref))],
        };
      }
      // OpenAPI 3.0 ignores keywords beside $ref, so a description there would be dropped by readers anyway.
      return { $ref: ref };
    }
  }
  if (node.nullable === true && node.type === undefined) {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = node[key];
      if (Array.isArray(branches)) {
        const { nullable: _dropped, ...rest } = node;
        return { ...rest, [key]: [...(branches as Node[]), nullOnly('object')] };
      }
    }
  }
  return node;
}

function walk(document: OpenAPIObject, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(document, item));
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value)) {
    // Examples are data, not schemas: leave them as they are.
    out[key] = key === 'example' || key === 'examples' ? child : walk(document, child);
  }
  return rewrite(document, out);
}

/**
 * Rewrites what @nestjs/swagger emits into forms that generators and gateways agree on: a single-reference
 * `allOf` becomes the reference, `nullable` never stands without a `type`, and a nullable enum lists null.
 */
export function normaliseSchemas(document: OpenAPIObject): void {
  if (document.components) {
    document.components = walk(document, document.components) as typeof document.components;
  }
  document.paths = walk(document, document.paths) as typeof document.paths;
}
