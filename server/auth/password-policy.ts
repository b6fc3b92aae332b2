/**
 * What a password chosen by a person must be: at least 8 characters, not one of the passwords
 * every guessing list starts with, and not a trivial pattern (one repeated character, a run of
 * consecutive characters). Applied wherever a password is set (API user create, the CLI's user
 * create / reset-password / tenant create); the demo seed's published password is not "chosen".
 */
export const MIN_PASSWORD_LENGTH = 8;

const COMMON = new Set(
  [
    'password',
    'password1',
    'password12',
    'password123',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword',
    'qwerty123',
    'qwerty1234',
    'qwertyuiop',
    'qwer1234',
    '1qaz2wsx',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'asdfghjkl',
    'zxcvbnm1',
    'abc12345',
    'abcd1234',
    'a1234567',
    'aa123456',
    'admin123',
    'admin1234',
    'administrator',
    'iloveyou',
    'welcome1',
    'letmein1',
    'changeme',
    'sunshine',
    'football',
    'baseball',
    'princess',
    'woaini1314',
    'woaini520',
    '5201314520',
    '1314520520',
    'iloveyou1',
    '123123123',
    '123qwe123',
    '123456789a',
    '12345678a',
    'a12345678',
    '147258369',
    '159357456',
  ].map((p) => p.toLowerCase()),
);

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function isTrivial(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true; // aaaaaaaa, 12121212
  for (const run of SEQUENCES) {
    const twice = run + run;
    const reversed = [...twice].reverse().join('');
    if (twice.includes(lower) || reversed.includes(lower)) return true; // 12345678, 87654321, abcdefgh
  }
  return false;
}

/** Why a password may not be used, or undefined when it may. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (COMMON.has(password.toLowerCase()) || isTrivial(password))
    return 'is too common or too easy to guess; choose a longer, less predictable one';
  return undefined;
}

/** For the CLI and other non-HTTP callers: throws an Error naming the option. */
export function assertPasswordAllowed(password: string, name = '--password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new Error(`${name} ${problem}`);
}
