import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import { CREDIT_CODE_FORMAT, ID_NUMBER_FORMAT } from '@dajiuzhu/shared';

/**
 * Request validation. Bodies are JSON and must already have the declared types: `{"openid": 42}`
 * is refused, not turned into "42". Query strings and path parameters are text by nature, so they
 * are coerced ("20" → 20). Undeclared fields are refused everywhere (additionalProperties: false in
 * the shared schemas), never silently dropped.
 */
export function installValidators(app: FastifyInstance) {
  // `gb11643` (an ID number's check character and birth date) is stated in the schema for the
  // OpenAPI document and checked by the identity rules, which answer their own code
  // (400 INVALID_ID_NUMBER): ajv knows the format and leaves it to them. Likewise `gb32100`, a
  // 统一社会信用代码's check character (400 CHARITY_CREDIT_CODE_INVALID and the donations' own code).
  const formats = { [ID_NUMBER_FORMAT]: true as const, [CREDIT_CODE_FORMAT]: true as const };
  const common = { removeAdditional: false as const, useDefaults: true, allErrors: false, strict: false, formats };
  const bodyAjv = new Ajv({ ...common, coerceTypes: false });
  const textAjv = new Ajv({ ...common, coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
}
