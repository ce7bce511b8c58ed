// Checks that the form asks for every field the API takes for each kind of applicant, and for no
// field it does not take (the schemas of @shoudan/contracts are the reference).
import { EnterpriseForm, IndividualForm } from '@shoudan/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldKey, fieldsOf } from './fields.ts';

/** The leaf fields of an object schema, as `a.b` keys. */
function leaves(schema: z.ZodObject, prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([name, field]) =>
    field instanceof z.ZodObject ? leaves(field, `${prefix}${name}.`) : [`${prefix}${name}`],
  );
}

describe('form fields', () => {
  it.each([
    ['individual', IndividualForm],
    ['enterprise', EnterpriseForm],
  ] as const)('cover every field of the %s form', (type, schema) => {
    const api = leaves(schema).filter((name) => name !== 'merchantType');
    const form = fieldsOf(type).map((spec) => fieldKey(spec.name));
    expect([...form].sort()).toEqual([...api].sort());
  });
});
