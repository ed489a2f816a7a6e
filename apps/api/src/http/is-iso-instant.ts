import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoInstant } from '@fairtender/domain';

/** An ISO 8601 instant with a time zone, naming a real calendar moment (class-validator decorator). */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 time with a time zone, e.g. 2025-03-31T12:00:00Z`,
      },
    },
    options,
  );
}
