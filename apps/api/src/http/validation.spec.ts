import type { ValidationError } from '@nestjs/common';
import { fieldProblems } from './validation';

describe('fieldProblems', () => {
  it('names every failing field by its dotted path, nested ones included', () => {
    const errors = [
      { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
      {
        property: 'awardCriteria',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'weight',
                constraints: { min: 'weight must not be less than 0.01' },
                children: [],
              },
            ],
          },
        ],
      },
    ] as ValidationError[];
    expect(fieldProblems(errors)).toEqual([
      { field: 'title', problems: ['title must be a string'] },
      { field: 'awardCriteria.0.weight', problems: ['weight must not be less than 0.01'] },
    ]);
  });
});
