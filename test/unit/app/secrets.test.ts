import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hashSecret,
  randomToken,
  SCRYPT,
  verifyPassword,
} from '../../../src/app/security/secrets.ts';

describe('secrets', () => {
  it('uses scrypt parameters at or above the OWASP/ASVS minimum by default', () => {
    expect(SCRYPT.logN).toBeGreaterThanOrEqual(17);
    expect(SCRYPT.r).toBeGreaterThanOrEqual(8);
    expect(SCRYPT.p).toBeGreaterThanOrEqual(1);
  });

  it('hashes and verifies passwords, with a fresh salt each time', async () => {
    process.env.PACER_SCRYPT_LOGN = '12';
    try {
      const a = await hashPassword('correct horse battery');
      const b = await hashPassword('correct horse battery');
      expect(a).not.toBe(b);
      expect(a.startsWith('scrypt$12$8$1$')).toBe(true);
      expect(await verifyPassword('correct horse battery', a)).toBe(true);
      expect(await verifyPassword('correct horse batterY', a)).toBe(false);
      expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
      expect(await verifyPassword('x', 'scrypt$30$8$1$AAAA$AAAA')).toBe(false);
    } finally {
      delete process.env.PACER_SCRYPT_LOGN;
    }
  });

  it('makes 256-bit random tokens and hex SHA-256 digests', () => {
    const t = randomToken();
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(t);
    expect(hashSecret('abc')).toMatch(/^[0-9a-f]{64}$/);
  });
});
