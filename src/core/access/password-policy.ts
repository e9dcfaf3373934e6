/**
 * Password rules of SECURITY.md: 8 to 128 characters, common passwords refused. The list holds the
 * commonest passwords of public breach corpora plus local favourites (Taiwanese keyboard patterns).
 */
const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  'password',
  'password1',
  'password123',
  'qwertyui',
  'qwerty123',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '87654321',
  '1qaz2wsx',
  'abcd1234',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'admin123',
  'letmein1',
  'passw0rd',
  'p@ssw0rd',
  'trustno1',
  'zaq12wsx',
  'qwertyuiop',
  'asdfghjk',
  'zxcvbnm1',
  'a1234567',
  'aa123456',
  'q1w2e3r4',
  '1q2w3e4r',
  'abc12345',
  'abcdefgh',
  'superman',
  'whatever',
  'changeme',
  'pacer123',
  'pacerpacer',
  'iloveyou1',
  '5201314520',
  '52013145',
  'woaini1314',
  'aaaaaaaa',
  '123123123',
  'qazwsxedc',
  '1234qwer',
  'qwer1234',
  'asdf1234',
  'dragon12',
  'monkey12',
  'master12',
  'taiwan123',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function checkPassword(password: string): PasswordProblem | null {
  if (password.length < 8) return 'too_short';
  if (password.length > 128) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'too_common';
  if (/^(.)\1+$/.test(password)) return 'too_common';
  return null;
}
