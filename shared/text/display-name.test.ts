// The typed-name rule: what a voter could use to pass for someone else in the speaker queue.
import { describe, expect, it } from 'vitest';
import { checkDisplayName, cleanText } from './display-name';

const RLO = '\u202e';
const ZWSP = '\u200b';

const ok = (raw: string) => {
  const r = checkDisplayName(raw);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(raw)}: ${r.problem}`);
  return r.name;
};

describe('checkDisplayName', () => {
  it('keeps an ordinary Vietnamese name, composed (NFC) and trimmed', () => {
    expect(ok('  Nguyễn   Thị  Hoà ')).toBe('Nguyễn Thị Hoà');
    // Typed on a keyboard that sends decomposed accents: stored composed.
    const decomposed = 'Trần Văn Được'.normalize('NFD');
    expect(ok(decomposed)).toBe('Trần Văn Được'.normalize('NFC'));
    expect(ok(decomposed)).toHaveLength('Trần Văn Được'.normalize('NFC').length);
  });

  it('removes a right-to-left override, so the name reads as typed', () => {
    // "Cử tri" typed backwards behind an RLO renders as the chair's title in the queue.
    const disguised = `${RLO}aọt ủhC`;
    expect(ok(disguised)).toBe('aọt ủhC');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      expect(ok(`Lê${c} Văn Tám`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('Lê Văn Tám');
    }
  });

  it('refuses a name that is only a zero-width character or other invisible marks', () => {
    for (const raw of [
      ZWSP,
      `${ZWSP}${ZWSP}`,
      '\u2060',
      '\ufeff',
      '\u00ad',
      ' \u3164 ',
      '\u115f',
      '\u2800',
      RLO,
      '',
      '   ',
      '\u0301',
    ]) {
      const r = checkDisplayName(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) {
        expect(r.problem).toBe('invisible');
        expect(r.message.vi).toMatch(/nhìn thấy được/);
        expect(r.message.en).toMatch(/visible letter or digit/);
      }
    }
  });

  it('strips invisible characters inside a name and collapses odd spaces', () => {
    expect(ok(`Phạm${ZWSP}Thu\u00a0\u3000Hà\u200d`)).toBe('PhạmThu Hà');
    expect(ok('Lò\nVăn\tSa')).toBe('Lò Văn Sa');
  });

  it('cuts piles of combining marks that would spill over the next line', () => {
    const zalgo = `H${'\u0301\u0300\u0303\u0309\u0323'.repeat(10)}a`;
    expect([...ok(zalgo)]).toHaveLength(4);
  });

  it('leaves a name equal to a role word as a name', () => {
    expect(ok('Chủ tọa')).toBe('Chủ tọa');
  });

  it('refuses names longer than the limit after cleaning, and huge input at once', () => {
    expect(ok('a'.repeat(80))).toHaveLength(80);
    const long = checkDisplayName('a'.repeat(81));
    expect(long.ok).toBe(false);
    if (!long.ok) {
      expect(long.problem).toBe('tooLong');
      expect(long.message.vi).toContain('80');
    }
    // Invisible padding does not count toward the limit, but a megabyte is not looked at.
    expect(ok(`${'a'.repeat(80)}${ZWSP.repeat(100)}`)).toHaveLength(80);
    expect(checkDisplayName(ZWSP.repeat(1_000_000)).ok).toBe(false);
    expect(checkDisplayName('b'.repeat(120), 120).ok).toBe(true);
  });
});

describe('cleanText', () => {
  it('cleans free text (a ward) the same way but may leave it empty', () => {
    expect(cleanText(`${RLO}Thôn Đông `)).toBe('Thôn Đông');
    expect(cleanText(ZWSP)).toBe('');
  });
});
