// Goal: every CUP property's key, getter and setter name the same property. Method: set, then read.
import { describe as group, expect, it } from 'vitest';
import { cupAccessors, cupDialect, cupProperties } from './cup.ts';
import type { CupMessage } from './cup-message.ts';
import type { Draft } from './layout.ts';

group('the CUP table', () => {
  it.each(cupAccessors.map((target) => [target.key, target] as const))(
    '%s: the setter writes that property and the getter reads it',
    (key, target) => {
      const draft: Draft<CupMessage> & Record<string, unknown> = {};
      const value = Symbol(key);
      // Accessors only move values; a symbol shows exactly where each one lands.
      (target.set as (message: Draft<CupMessage>, value: unknown) => void)(draft, value);
      expect(Object.keys(draft)).toEqual([key]);
      expect(draft[key]).toBe(value);
      expect(target.get(draft as Draft<CupMessage>)).toBe(value);
    },
  );

  it('maps every CupMessage property to one field, and nothing else', () => {
    const tableKeys = [...cupDialect.numberOfKey.keys()].sort();
    expect(tableKeys).toEqual(Object.keys(cupProperties).sort());
    expect(cupAccessors.map((target) => target.key).sort()).toEqual(
      tableKeys.filter((key) => key !== 'mti'),
    );
  });
});
