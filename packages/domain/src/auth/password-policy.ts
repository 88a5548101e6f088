/**
 * 口令复杂度 (docs/security-requirements.md): at least 8 characters from at least 3 of the 4 classes
 * (lower, upper, digit, symbol), not containing the login name, no runs like "12345" or "abcde".
 */
export interface PasswordProblem {
  code: "password-too-short" | "password-too-simple" | "password-contains-login" | "password-sequential";
  message: string;
}

const MIN_LENGTH = 8;

/** Returns every reason the password is not acceptable for this login; empty when it is. */
export function checkPassword(password: string, login: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_LENGTH) {
    problems.push({ code: "password-too-short", message: `口令至少 ${MIN_LENGTH} 位` });
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push({
      code: "password-too-simple",
      message: "口令须包含大写字母、小写字母、数字、符号中的至少三类",
    });
  }
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) {
    problems.push({ code: "password-contains-login", message: "口令不得包含登录名" });
  }
  if (hasSequentialRun(password.toLowerCase(), 5)) {
    problems.push({ code: "password-sequential", message: "口令不得包含 5 位以上连续或重复字符" });
  }
  return problems;
}

function hasSequentialRun(s: string, length: number): boolean {
  let up = 1;
  let down = 1;
  let same = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    same = d === 0 ? same + 1 : 1;
    if (up >= length || down >= length || same >= length) {
      return true;
    }
  }
  return false;
}

/**
 * Builds a password that satisfies {@link checkPassword} from random bytes the caller supplies
 * (the domain owns no randomness). Used for demo accounts and resets.
 */
export function passwordFromBytes(bytes: Uint8Array): string {
  const sets = ["abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!@#%*-+=?"];
  const all = sets.join("");
  const chars: string[] = [];
  bytes.forEach((b, i) => {
    const set = i < sets.length ? (sets[i] ?? all) : all;
    chars.push(set.charAt(b % set.length));
  });
  return chars.join("");
}
