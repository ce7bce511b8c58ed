// A correction starts from the rejected application: its payload fills the form again, except the
// numbers the API keeps only masked (ID, bank card, phone), which the applicant types again.
import { fieldKey, type FieldSpec } from '../shared/fields.ts';

export type Prefill = {
  /** The form's initial values, nested as the API's body. */
  readonly values: Record<string, unknown>;
  /** Masked numbers of the previous application, by field key: shown as a hint only. */
  readonly masked: Readonly<Record<string, string>>;
};

function valueAt(payload: Readonly<Record<string, unknown>>, name: readonly string[]): unknown {
  let here: unknown = payload;
  for (const part of name) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

function setAt(target: Record<string, unknown>, name: readonly string[], value: unknown): void {
  let here = target;
  for (const part of name.slice(0, -1)) {
    const next = here[part];
    if (typeof next !== 'object' || next === null) here[part] = {};
    here = here[part] as Record<string, unknown>;
  }
  const last = name[name.length - 1];
  if (last !== undefined) here[last] = value;
}

/** The form's values from `payload` for the fields of `specs`. */
export function prefillOf(
  payload: Readonly<Record<string, unknown>>,
  specs: readonly FieldSpec[],
): Prefill {
  const values: Record<string, unknown> = {};
  const masked: Record<string, string> = {};
  for (const spec of specs) {
    const value = valueAt(payload, spec.name);
    if (typeof value === 'string' && value.includes('*')) masked[fieldKey(spec.name)] = value;
    else if (typeof value === 'string') setAt(values, spec.name, value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      setAt(values, spec.name, value);
    }
  }
  return { values, masked };
}
