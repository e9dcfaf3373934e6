import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../src/core/access/password-policy.ts';

describe('password policy', () => {
  it('accepts 8 to 128 characters that are not common', () => {
    expect(checkPassword('correct horse battery')).toBeNull();
    expect(checkPassword('咖啡店的密碼很長很長')).toBeNull();
    expect(checkPassword('x'.repeat(7))).toBe('too_short');
    expect(checkPassword(`a${'b'.repeat(128)}`)).toBe('too_long');
  });

  it('refuses common passwords, whatever the case, and one repeated character', () => {
    expect(checkPassword('Password123')).toBe('too_common');
    expect(checkPassword('12345678')).toBe('too_common');
    expect(checkPassword('zzzzzzzzzz')).toBe('too_common');
  });
});
