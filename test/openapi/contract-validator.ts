import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';
import { OPENAPI_PATH } from '../../scripts/openapi-paths';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An OpenAPI 3.0 schema as JSON Schema, stricter than the document: `nullable` becomes a `null`
 * alternative, and an object that lists its properties allows no others (so a field the server
 * sends but the DTO does not declare fails, as it would surprise a generated client). Objects that
 * are parts of an `allOf` stay open, since their siblings declare the rest.
 */
function strict(node: Json, inAllOf = false): Json {
  if (Array.isArray(node)) return node.map((item) => strict(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', 'openapi#/components/schemas/');
    } else if (key === 'allOf' && Array.isArray(value)) {
      out.allOf = value.map((part) => strict(part, true));
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, strict(schema)]),
      );
    } else {
      out[key] = strict(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined && !inAllOf) {
    out.additionalProperties = false;
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string' && !out.allOf) return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

/**
 * Checks every JSON answer the typed client receives against the operation's response schema in
 * openapi.json, for the status it came with: an answer the contract does not describe (an
 * undeclared status, field or type) is recorded in `problems`.
 */
export class ContractValidator {
  readonly problems: string[] = [];
  private readonly document: JsonObject;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const document: Json = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
    if (!isObject(document)) throw new Error('openapi.json is not an object');
    this.document = document;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: strict(document.components ?? {}) });
  }

  /** An openapi-fetch middleware that checks each answer. */
  readonly middleware: Middleware = {
    onResponse: async ({ request, response, schemaPath }) => {
      const route = `${request.method} ${schemaPath}`;
      const text = await response.clone().text();
      const type = response.headers.get('content-type') ?? '';
      const validate = this.validatorFor(request.method.toLowerCase(), schemaPath, response.status);
      if (!validate) {
        this.problems.push(
          `${route}: answered ${response.status}, which the contract does not list`,
        );
        return undefined;
      }
      if (!text || !type.includes('json')) return undefined;
      if (!validate(JSON.parse(text))) {
        this.problems.push(
          `${route} ${response.status}: ${this.ajv.errorsText(validate.errors)}; body ${text.slice(0, 400)}`,
        );
      }
      return undefined;
    },
  };

  private validatorFor(method: string, path: string, status: number): ValidateFunction | null {
    const key = `${method} ${path} ${status}`;
    const known = this.compiled.get(key);
    if (known) return known;
    const paths = this.document.paths;
    const item = isObject(paths) ? paths[path] : undefined;
    const operation = isObject(item) ? item[method] : undefined;
    if (!isObject(operation)) return null;
    const responses = operation.responses;
    const response = isObject(responses) ? responses[String(status)] : undefined;
    if (!isObject(response)) return null;
    const content = response.content;
    const media = isObject(content) ? content['application/json'] : undefined;
    const schema = isObject(media) ? strict(media.schema ?? {}) : {};
    const validate = this.ajv.compile(isObject(schema) ? schema : {});
    this.compiled.set(key, validate);
    return validate;
  }
}
