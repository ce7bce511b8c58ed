// Checks the password strength hint against the API's length rule.
import { describe, expect, it } from 'vitest';
import { passwordStrength, PASSWORD_MIN } from './password.ts';

describe('passwordStrength', () => {
  it('grades by length and kinds of character', () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(passwordStrength('Ab1!')).toBe('too_short');
    expect(passwordStrength('abcdefgh')).toBe('weak');
    expect(passwordStrength('abcdef12')).toBe('weak');
    expect(passwordStrength('abcdef123456')).toBe('fair');
    expect(passwordStrength('Abcdef12')).toBe('fair');
    expect(passwordStrength('Abcdef12!xyz')).toBe('strong');
  });
});
