// How strong a new staff password is (pure): a 0–4 score and what to change, in Vietnamese and
// English. The setup and change-password pages show it as the officer types; the server refuses
// what `acceptable` refuses, so the page and the server never disagree.

export interface PasswordHint {
  vi: string;
  en: string;
}

export interface PasswordStrength {
  /** 0 very weak … 4 strong. */
  score: 0 | 1 | 2 | 3 | 4;
  /** Long enough and not guessable: the server accepts it. */
  acceptable: boolean;
  /** What to change, most important first (empty when nothing is left to suggest). */
  hints: PasswordHint[];
}

export const MIN_PASSWORD_LENGTH = 12;

/** Passwords and words people pick first (Vietnamese and English), compared without case. */
const COMMON = [
  'password',
  'matkhau',
  'mật khẩu',
  'admin',
  'quantri',
  'hdnd',
  'hoidong',
  'vanphong',
  'qwerty',
  'abc',
  '123',
  'iloveyou',
  'vietnam',
  'hanoi',
];

const hint = (vi: string, en: string): PasswordHint => ({ vi, en });

/** Runs of one character or of consecutive characters ("aaaa", "1234", "abcd"). */
function hasRun(s: string, length = 4): boolean {
  let same = 1;
  let step = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    step = d === 1 ? step + 1 : 1;
    if (same >= length || step >= length) return true;
  }
  return false;
}

/**
 * Scores `password`; `personal` are the e-mail and name of the account, which must not be
 * guessable from it.
 */
export function passwordStrength(password: string, personal: string[] = []): PasswordStrength {
  const pw = password.normalize('NFC');
  const lower = pw.toLowerCase();
  const hints: PasswordHint[] = [];
  const length = [...pw].length;
  if (length < MIN_PASSWORD_LENGTH) {
    hints.push(
      hint(
        `Cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự (hiện có ${length}). Một câu ngắn dễ nhớ là cách tốt.`,
        `Use at least ${MIN_PASSWORD_LENGTH} characters (now ${length}). A short sentence is easy to remember.`,
      ),
    );
  }
  const personalParts = personal
    .flatMap((p) => p.toLowerCase().split(/[@.\s_-]+/))
    .filter((p) => [...p].length >= 4);
  const guessable =
    COMMON.some((w) => lower.replace(/\s+/g, '').includes(w.replace(/\s+/g, ''))) ||
    personalParts.some((p) => lower.includes(p));
  if (guessable) {
    hints.push(
      hint(
        'Tránh tên, e-mail, "matkhau", "admin", "123"… — những thứ người khác dễ đoán.',
        'Avoid names, the e-mail, "password", "admin", "123"… — what others guess first.',
      ),
    );
  }
  if (hasRun(lower)) {
    hints.push(
      hint(
        'Tránh chuỗi lặp hoặc liên tiếp như "aaaa", "1234".',
        'Avoid runs like "aaaa" or "1234".',
      ),
    );
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((r) =>
    r.test(pw),
  ).length;
  if (classes < 3 && length < 20) {
    hints.push(
      hint(
        'Thêm chữ hoa, chữ số hoặc ký hiệu — hoặc dùng mật khẩu dài hơn (từ 20 ký tự).',
        'Add capitals, digits or symbols — or make it longer (20 characters or more).',
      ),
    );
  }
  let score = 0;
  if (length >= MIN_PASSWORD_LENGTH) score++;
  if (length >= 16) score++;
  if (classes >= 3 || length >= 20) score++;
  if (new Set(lower).size >= 8) score++;
  if (guessable || hasRun(lower)) score = Math.min(score, 1);
  const s = Math.min(4, score) as PasswordStrength['score'];
  return { score: s, acceptable: length >= MIN_PASSWORD_LENGTH && s >= 2, hints };
}
