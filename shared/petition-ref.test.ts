// Reference numbers: readable, parsed however a person types them, and spread over the alphabet.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REF_ALPHABET, formatPetitionRef, newPetitionRef, parsePetitionRef } from './petition-ref';

describe('petition reference numbers', () => {
  it('are eight symbols without look-alikes, shown as KN-XXXX-XXXX', () => {
    const ref = newPetitionRef((n) => randomBytes(n));
    expect(ref).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(formatPetitionRef(ref)).toBe(`KN-${ref.slice(0, 4)}-${ref.slice(4)}`);
  });

  it('reads what a person typed: any case, spaces, dashes, with or without KN', () => {
    expect(parsePetitionRef('kn-7k3m-q9xa')).toBe('7K3MQ9XA');
    expect(parsePetitionRef(' 7K3M Q9XA ')).toBe('7K3MQ9XA');
    expect(parsePetitionRef('KN7K3MQ9XA')).toBe('7K3MQ9XA');
    expect(parsePetitionRef('7K3M')).toBeNull();
    expect(parsePetitionRef('đường')).toBeNull();
  });

  it('uses every symbol about equally (no bias an attacker could use)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const ch of newPetitionRef((n) => randomBytes(n))) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(REF_ALPHABET.length);
    // 24,000 symbols over 30: 800 each on average.
    for (const n of counts.values()) expect(n).toBeGreaterThan(650);
  });
});
