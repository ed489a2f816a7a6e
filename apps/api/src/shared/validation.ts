import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

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

/** Whitelisted DTOs only: unknown fields are refused, and every failing field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
