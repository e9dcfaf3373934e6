import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';

/** A random secret of 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function newId(): string {
  return randomUUID();
}

/** Secrets (session ids, API tokens, invitation links) are stored only as their SHA-256. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * scrypt with N=2^17, r=8, p=1 (OWASP / ASVS recommended minimum), a 16-byte salt and a 32-byte key.
 * The parameters are stored with the hash so they can be raised later.
 */
export const SCRYPT = { logN: 17, r: 8, p: 1, keyLength: 32 } as const;

/**
 * The test suites lower the work factor through PACER_SCRYPT_LOGN (never below 2^10) so that hundreds
 * of sign-ups stay quick; production never sets it. Each hash records its own parameters, so hashes
 * made with either verify.
 */
function workFactor(): number {
  const fromEnv = Number(process.env.PACER_SCRYPT_LOGN);
  return Number.isInteger(fromEnv) && fromEnv >= 10 && fromEnv <= 20 ? fromEnv : SCRYPT.logN;
}

function scryptAsync(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
  len: number,
): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, len, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const logN = workFactor();
  const key = await scryptAsync(password, salt, logN, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', logN, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  if (Number(logN) > 20 || Number(r) > 32 || Number(p) > 16) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    Number(logN),
    Number(r),
    Number(p),
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}
