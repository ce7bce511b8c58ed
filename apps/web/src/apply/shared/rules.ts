// A form field checked in the browser by its schema from @shoudan/contracts (the API's own rules):
// what is wrong with a value, the message that names the field, and the value as typed made
// ready (spaces out of long numbers).
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { FieldSpec } from './fields.ts';

export type FieldProblem = 'required' | 'invalid';

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** What is wrong with `value` for `schema`: nothing, missing, or not what the API takes. */
export function fieldProblem(schema: z.ZodType, value: unknown): FieldProblem | undefined {
  if (isEmpty(value)) return 'required';
  return schema.safeParse(value).success ? undefined : 'invalid';
}

/** The lengths a text field takes, read from its schema (for the message). */
export function lengthOf(schema: z.ZodType): { min?: number; max?: number } {
  if (!(schema instanceof z.ZodString)) return {};
  return {
    ...(schema.minLength !== null ? { min: schema.minLength } : {}),
    ...(schema.maxLength !== null ? { max: schema.maxLength } : {}),
  };
}

/** The message for `problem`, naming the field by `label`; `t` reads the 'apply.form' strings. */
export function problemMessage(
  spec: FieldSpec,
  problem: FieldProblem,
  label: string,
  t: TFunction,
): string {
  if (problem === 'required') {
    return spec.check === 'services'
      ? t('apply.form:invalid.services', { field: label })
      : t('common:required', { field: label });
  }
  return t(`apply.form:invalid.${spec.check}`, { field: label, ...lengthOf(spec.schema) });
}

/** The value as the API wants it: spaces out of long numbers, an ID's `x` made `X`. */
export function normalized(spec: FieldSpec, value: unknown): unknown {
  if (typeof value !== 'string' || !spec.compact) return value;
  const digits = value.replace(/\s+/g, '');
  return spec.compact === 'upper' ? digits.toUpperCase() : digits;
}
