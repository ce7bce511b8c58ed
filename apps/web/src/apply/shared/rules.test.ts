// Checks the field rules: the API's schema decides, an empty value is "required", the message
// names the field, and long numbers lose the spaces people type.
import { IndividualForm } from '@shoudan/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from './fields.ts';
import { fieldProblem, lengthOf, normalized, problemMessage } from './rules.ts';

const spec = (key: string) => {
  const found = fieldsOf('individual').find((s) => s.name.join('.') === key);
  if (!found) throw new Error(key);
  return found;
};

const t = ((key: string, options?: Record<string, unknown>) =>
  `${key} ${JSON.stringify(options ?? {})}`) as unknown as TFunction;

describe('field rules', () => {
  it('uses the API schema', () => {
    const id = IndividualForm.shape.idCardNo;
    expect(fieldProblem(id, '')).toBe('required');
    expect(fieldProblem(id, '11010519491231002X')).toBeUndefined();
    expect(fieldProblem(id, '110105194912310021')).toBe('invalid');
    expect(fieldProblem(IndividualForm.shape.services, [])).toBe('required');
    expect(fieldProblem(IndividualForm.shape.phone, '12345678901')).toBe('invalid');
  });

  it('names the field and the lengths in the message', () => {
    expect(lengthOf(IndividualForm.shape.name)).toEqual({ min: 2, max: 30 });
    expect(problemMessage(spec('name'), 'invalid', '姓名', t)).toBe(
      'apply.form:invalid.text {"field":"姓名","min":2,"max":30}',
    );
    expect(problemMessage(spec('phone'), 'required', 'Phone', t)).toBe(
      'common:required {"field":"Phone"}',
    );
  });

  it('takes spaces out of long numbers', () => {
    expect(normalized(spec('bankCardNo'), '6222 0202 0011 2230')).toBe('6222020200112230');
    expect(normalized(spec('idCardNo'), '110105 19491231002x')).toBe('11010519491231002X');
    expect(normalized(spec('name'), ' 张 三 ')).toBe(' 张 三 ');
  });
});
