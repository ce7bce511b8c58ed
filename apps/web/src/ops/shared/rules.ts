// Form rules from the API's own zod schemas, so a field is refused in the browser exactly as the
// API would refuse it, with the message in the person's language.
import type { RuleObject } from 'antd/es/form';
import { z } from 'zod';

/** The trimmed text must pass `schema`; an empty one passes when `optional`. */
export function schemaRule(schema: z.ZodType, message: string, optional = false): RuleObject {
  return {
    validator: (_, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : '';
      if (optional && text === '') return Promise.resolve();
      return schema.safeParse(text).success
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    },
  };
}

/**
 * A search text from the URL: the router reads `?q=898` as the number 898, so numbers are taken
 * back as text; anything else invalid is no filter.
 */
export const SearchText = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(64).optional())
  .catch(undefined);
