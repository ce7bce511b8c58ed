// Checks the follow key carried in the URL fragment: written, read back, and refused when it is
// not shaped as the API takes it.
import { describe, expect, it } from 'vitest';
import { followKeyOf, hashOf, readHash, resubmitKeyOf } from './follow.ts';

const ID = '01a2432a-e8e5-71e9-a433-24d0d5e50d68';
const TOKEN = 'oa_B4AKRizI3Qwi8_Ya82hbJj3Zu_uJpWlcZ7q6o6t4uPw';

describe('follow key', () => {
  it('round-trips through the fragment', () => {
    const hash = hashOf({ id: ID, token: TOKEN });
    expect(followKeyOf(hash)).toEqual({ id: ID, token: TOKEN });
    expect(followKeyOf(`#${hash}`)).toEqual({ id: ID, token: TOKEN });
    expect(resubmitKeyOf(hashOf({ resubmit: ID, token: TOKEN }))).toEqual({ id: ID, token: TOKEN });
  });

  it('refuses a missing or malformed part', () => {
    expect(followKeyOf(`token=${TOKEN}`)).toBeUndefined();
    expect(followKeyOf(hashOf({ id: 'nope', token: TOKEN }))).toBeUndefined();
    expect(followKeyOf(hashOf({ id: ID, token: 'short' }))).toBeUndefined();
    expect(resubmitKeyOf(hashOf({ id: ID, token: TOKEN }))).toBeUndefined();
  });

  it('reads the values it is asked for, trimmed', () => {
    expect(readHash('#id=%20a%20&x=1', ['id', 'token'])).toEqual({ id: 'a' });
  });
});
