import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Bodies are JSON and must already have the declared types: `{"openid": 42}`
 * is refused, not turned into "42". Query strings and path parameters are text by nature, so they
 * are coerced ("20" → 20). Undeclared fields are refused everywhere (additionalProperties: false in
 * the shared schemas), never silently dropped.
 */
export function installValidators(app: FastifyInstance) {
  const common = { removeAdditional: false as const, useDefaults: true, allErrors: false, strict: false };
  const bodyAjv = new Ajv({ ...common, coerceTypes: false });
  const textAjv = new Ajv({ ...common, coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
}
