// The password meter the setup page shows, and the rule the server enforces with it.
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('refuses a short password and says how many characters it has', () => {
    const r = passwordStrength('Ab3$efgh');
    expect(r.acceptable).toBe(false);
    expect(r.hints[0]?.vi).toContain(`ít nhất ${MIN_PASSWORD_LENGTH} ký tự (hiện có 8)`);
  });

  it('refuses common words and the account owner’s own name or e-mail, however long', () => {
    expect(passwordStrength('matkhau2026!!Abc').acceptable).toBe(false);
    expect(passwordStrength('Administrator-2026', []).acceptable).toBe(false);
    const own = passwordStrength('nguyenvanan-Kyhop-2026', [
      'nguyenvanan@hdnd.vn',
      'Nguyễn Văn An',
    ]);
    expect(own.acceptable).toBe(false);
    expect(own.hints.map((h) => h.en).join(' ')).toContain('Avoid names');
  });

  it('refuses runs such as 1234 or aaaa', () => {
    expect(passwordStrength('Xuân-hạ-thu-1234').acceptable).toBe(false);
  });

  it('accepts a long Vietnamese sentence and rates it higher than a merely long one', () => {
    const sentence = passwordStrength('Sáng mai họp lúc 7 giờ rưỡi!');
    expect(sentence.acceptable).toBe(true);
    expect(sentence.score).toBeGreaterThanOrEqual(3);
    const plain = passwordStrength('xuanhathudong');
    expect(plain.score).toBeLessThan(sentence.score);
  });

  it('counts characters, not UTF-16 units or NFD marks', () => {
    const nfd = 'Đồng-ý-thông-qua'.normalize('NFD');
    expect(passwordStrength(nfd).hints.some((h) => h.en.includes('(now'))).toBe(false);
  });
});
