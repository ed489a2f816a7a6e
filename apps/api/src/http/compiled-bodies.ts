import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';

/**
 * Compiled body validators for the hot routes (issue 19): a JSON Schema compiled once by Ajv into
 * one function, which a body must pass to skip class-transformer and class-validator (about 15 % of
 * a bid's CPU in the api). A body it does not accept goes the full way, so every refusal keeps the
 * exact answer the DTO gives (the same codes, fields and messages): a schema here may only be
 * stricter than its DTO, never looser. Its leaf checks call class-validator's own predicates, and
 * `compiled-bodies.spec.ts` holds each DTO's decorators against the ones its schema was written for.
 */
const ajv = new Ajv({ allErrors: false, strict: true });
ajv.addKeyword({
  keyword: 'satisfies',
  schemaType: 'string',
  // A predicate that throws (class-validator's isNumber does on 1e-7) sends the body the full way.
  validate: (name: string, value: unknown) => {
    try {
      return PREDICATES[name]!(value);
    } catch {
      return false;
    }
  },
  errors: false,
});

const PREDICATES: Record<string, (value: unknown) => boolean> = {};

/** Names a leaf check (`{ satisfies: name }` in a schema) for the schemas registered after it. */
export function definePredicate(name: string, predicate: (value: unknown) => boolean): void {
  PREDICATES[name] = predicate;
}

const compiled = new Map<unknown, ValidateFunction>();

/** Compiles `schema` as the fast path for bodies of `dto`. */
export function registerCompiledBody(
  dto: abstract new (...args: never[]) => unknown,
  schema: AnySchema,
): void {
  compiled.set(dto, ajv.compile(schema));
}

/** True when `value` is a valid body of `dto` by its compiled schema; false also when it has none. */
export function passesCompiledBody(dto: unknown, value: unknown): boolean {
  const validate = compiled.get(dto);
  return validate ? validate(value) === true : false;
}
