// How strong a new owner's password looks: a hint while typing, not a rule (the API's only rule
// is its length, OwnerPasswordRequest).
import { OwnerPasswordRequest } from '@shoudan/contracts';

export type Strength = 'too_short' | 'weak' | 'fair' | 'strong';

export const PASSWORD_MIN = OwnerPasswordRequest.shape.password.minLength ?? 8;
export const PASSWORD_MAX = OwnerPasswordRequest.shape.password.maxLength ?? 200;

/** The kinds of character in `password`: lower, upper, digit, other. */
function classesOf(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
}

export function passwordStrength(password: string): Strength {
  if (password.length < PASSWORD_MIN) return 'too_short';
  const classes = classesOf(password);
  const long = password.length >= 12;
  if (classes >= 3 && long) return 'strong';
  if (classes >= 3 || (classes === 2 && long)) return 'fair';
  return 'weak';
}
