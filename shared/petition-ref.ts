// A petition's reference number (số tham chiếu): what a voter writes down or reads aloud to follow
// the petition. Eight letters and digits from an alphabet without look-alikes (no 0/O, 1/I/L, U),
// shown as "KN-XXXX-XXXX"; random (about 39 bits), so a number cannot be guessed from another.

/** 30 symbols, none easily confused when read aloud or handwritten. */
export const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REF_LENGTH = 8;

/** A new random reference (stored form, no prefix or dash), from `random` bytes (crypto in use). */
export function newPetitionRef(randomBytes: (n: number) => Uint8Array): string {
  let out = '';
  while (out.length < REF_LENGTH) {
    for (const b of randomBytes(16)) {
      // 240 = 8 × 30: bytes at or above it would make some symbols likelier; skip them.
      if (b < 240 && out.length < REF_LENGTH) out += REF_ALPHABET[b % 30];
    }
  }
  return out;
}

/** "7K3MQ9XA" → "KN-7K3M-Q9XA" (how it is shown and printed). */
export function formatPetitionRef(ref: string): string {
  return `KN-${ref.slice(0, 4)}-${ref.slice(4)}`;
}

/**
 * What a person typed → the stored form, or null when it cannot be a reference: case, spaces,
 * dashes and the "KN" prefix do not matter ("kn 7k3m q9xa" → "7K3MQ9XA").
 */
export function parsePetitionRef(typed: string): string | null {
  let s = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (s.length === REF_LENGTH + 2 && s.startsWith('KN')) s = s.slice(2);
  return /^[0-9A-Z]{8}$/.test(s) ? s : null;
}
