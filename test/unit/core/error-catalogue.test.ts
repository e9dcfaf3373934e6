import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../../src/core/errors/catalogue.ts';

describe('error catalogue', () => {
  it('has a status and a message in both languages for every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.en.length, code).toBeGreaterThan(5);
      expect(entry['zh-TW'], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
