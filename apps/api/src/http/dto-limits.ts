import { getMetadataStorage } from 'class-validator';

interface TypeMetadataStorage {
  findTypeMetadata(
    target: object,
    property: string,
  ): { typeFunction: (options?: unknown) => unknown } | undefined;
}
// class-transformer keeps @Type() in this singleton and exports it only from its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const types = require('class-transformer/cjs/storage')
  .defaultMetadataStorage as TypeMetadataStorage;

interface PropertyLimit {
  property: string;
  /** From `@ArrayMaxSize`. */
  maxItems?: number;
  /** From `@Type(() => Dto)` on a nested DTO (or an array of them). */
  nested?: DtoClass;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own type
export type DtoClass = Function;

export interface ArrayTooLong {
  field: string;
  max: number;
  length: number;
}

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Array, Object, Date];
const MAX_NESTING = 8;
const limitsByClass = new Map<DtoClass, PropertyLimit[]>();

/** A DTO class, as opposed to a primitive or `Object` parameter type. */
export function isDtoClass(type: unknown): type is DtoClass {
  return typeof type === 'function' && !PLAIN_TYPES.includes(type);
}

/**
 * The array limits a DTO declares, read from class-validator's metadata (`@ArrayMaxSize`) and
 * class-transformer's (`@Type`), so one check covers every route and every new DTO without a schema
 * written twice.
 */
export function propertyLimitsOf(dto: DtoClass): PropertyLimit[] {
  let limits = limitsByClass.get(dto);
  if (limits) return limits;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, PropertyLimit>();
  const entry = (property: string) => {
    if (!byProperty.has(property)) byProperty.set(property, { property });
    return byProperty.get(property)!;
  };
  for (const rule of metadata) {
    if (rule.name === 'arrayMaxSize')
      entry(rule.propertyName).maxItems = Number(rule.constraints[0]);
    const nested = types.findTypeMetadata(dto, rule.propertyName)?.typeFunction();
    if (isDtoClass(nested)) entry(rule.propertyName).nested = nested;
  }
  limits = [...byProperty.values()];
  limitsByClass.set(dto, limits);
  return limits;
}

/**
 * The first array of a plain body longer than its DTO allows, found before class-transformer turns
 * each item into an instance and class-validator checks it: a million items cost one comparison.
 */
export function arrayTooLong(
  body: unknown,
  dto: DtoClass,
  path = '',
  depth = 0,
): ArrayTooLong | undefined {
  if (depth > MAX_NESTING || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return undefined;
  }
  const limits = propertyLimitsOf(dto);
  for (const { property, maxItems } of limits) {
    const value = (body as Record<string, unknown>)[property];
    if (maxItems !== undefined && Array.isArray(value) && value.length > maxItems) {
      return { field: `${path}${property}`, max: maxItems, length: value.length };
    }
  }
  for (const { property, nested } of limits) {
    if (!nested) continue;
    const value = (body as Record<string, unknown>)[property];
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const at = Array.isArray(value) ? `${path}${property}.${i}.` : `${path}${property}.`;
      const found = arrayTooLong(items[i], nested, at, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
