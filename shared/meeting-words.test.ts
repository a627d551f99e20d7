// Every shared meeting word exists in both languages with the same placeholders, and `word`
// fills them with plain text.
import { describe, expect, it } from 'vitest';
import { meetingWords, timeText, word } from './meeting-words';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('meetingWords', () => {
  it('has Vietnamese and English for every word, with the same placeholders', () => {
    for (const [key, w] of Object.entries(meetingWords)) {
      expect(w.vi.trim(), key).not.toBe('');
      expect(w.en.trim(), key).not.toBe('');
      expect(placeholders(w.vi), key).toEqual(placeholders(w.en));
    }
  });

  it('fills placeholders with the text given, markup included as text', () => {
    expect(word('vi', 'handRaised', { kind: 'Chất vấn', pos: 2 })).toBe(
      'Bạn đã đăng ký (Chất vấn) — thứ tự 2 trong danh sách.',
    );
    expect(word('en', 'ballotVoted', { choice: '<b>x</b>' })).toBe(
      'Your ballot is recorded: <b>x</b>.',
    );
    expect(timeText('2026-01-01T08:01:02.000Z', 'vi')).toMatch(/^\d\d:\d\d:\d\d$/);
  });
});
