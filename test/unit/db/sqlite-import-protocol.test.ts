import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packStrings, unpackStrings } from '../../../src/db/imports/sqlite-import-protocol.ts';

describe('packed strings between the import threads', () => {
  it('give back every string (any characters, empty ones, nulls) in order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { freq: 4 })), (values) => {
        expect(unpackStrings(packStrings(values))).toEqual(values);
      }),
    );
    expect(unpackStrings(packStrings(['拿鐵', null, '', '\u0000a']))).toEqual(['拿鐵', null, '', '\u0000a']);
  });
});
