import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';
import { passesCompiledBody } from './compiled-bodies';
import { arrayTooLong, isDtoClass } from './dto-limits';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per field, with dotted paths (`awardCriteria.0.weight`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Before class-transformer: a body that is not an object where the DTO is one, and an array longer
 * than its DTO's `@ArrayMaxSize`, are refused at the cost of a comparison (issue 17: a million items
 * were transformed and validated one by one before the size rule applied).
 */
export class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if ((metadata.type === 'body' || metadata.type === 'query') && isDtoClass(dto)) {
      if (
        Array.isArray(value) ||
        (metadata.type === 'body' && value != null && typeof value !== 'object')
      ) {
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          'Invalid request: the body must be a JSON object',
          {
            fields: [{ field: '(body)', problems: ['the body must be a JSON object'] }],
          },
        );
      }
      const tooLong = arrayTooLong(value, dto);
      if (tooLong) {
        throw new ApiError(
          400,
          'ARRAY_TOO_LONG',
          `${tooLong.field} may hold at most ${tooLong.max} items (got ${tooLong.length})`,
          { ...tooLong },
        );
      }
      // A valid body of a hot route, by its compiled schema: the same data the DTO would give (the
      // controllers take DTOs as plain JSON), without class-transformer and class-validator.
      if (metadata.type === 'body' && passesCompiledBody(dto, value)) return value;
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisted DTOs only: unknown fields are refused, and every failing field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new ApiError(
        400,
        'VALIDATION_FAILED',
        `Invalid request: ${fields.map((f) => f.field).join(', ')}`,
        { fields },
      );
    },
  });
}
