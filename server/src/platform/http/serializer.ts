import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

/** The route's zod schema (as `fastify-type-provider-zod` takes it: the type, or `{ properties: type }`). */
function zodTypeOf(schema: unknown): z.ZodType | null {
  if (schema instanceof z.ZodType) {
    return schema;
  }
  const inner = (schema as { properties?: unknown } | null)?.properties;
  return inner instanceof z.ZodType ? inner : null;
}

/**
 * A serializer compiled from the response's JSON schema (fast-json-stringify), or null where the schema has no
 * faithful JSON-schema form (a transform's output, a custom check): those keep zod's.
 */
function compiledFromSchema(type: z.ZodType): Serialize | null {
  try {
    const json = z.toJSONSchema(type, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    delete json.$schema;
    return fastJson(json as Parameters<typeof fastJson>[0]);
  } catch {
    return null;
  }
}

export class ResponseSchemaMismatch extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
  ) {
    super(`${method} ${url}: the compiled serializer and the zod schema disagree on a response`);
  }
}

/**
 * Response serialisation (docs/architecture.md "Requests"). In production a response is written by a serializer
 * compiled from its schema, which is several times cheaper than zod parsing every page (`bench/`): zod's types
 * already hold at compile time, and the services build the responses. With `validate` (the test harness), every
 * response is also parsed by zod as before — a response that does not match its schema fails as it always did —
 * and the compiled serializer's output must equal zod's, so the whole API suite checks the compiled path.
 * Serializers are compiled on a route's first response, so an app starts as fast as before.
 */
export function responseSerializerCompiler(opts: { validate: boolean }) {
  return (input: CompilerInput): Serialize => {
    const viaZod = zodSerializerCompiler(input) as Serialize;
    const type = zodTypeOf(input.schema);
    if (!type) {
      return viaZod;
    }
    let compiled: Serialize | null | undefined;
    const fast = (data: unknown) => {
      compiled ??= compiledFromSchema(type);
      return compiled ? compiled(data) : viaZod(data);
    };
    if (!opts.validate) {
      return fast;
    }
    return (data) => {
      const expected = viaZod(data);
      if (!isDeepStrictEqual(JSON.parse(fast(data)), JSON.parse(expected))) {
        throw new ResponseSchemaMismatch(input.method, input.url);
      }
      return expected;
    };
  };
}
