// Cleaning one member's cells: text composed (NFC) and trimmed, dates in Vietnamese writing
// (dd/mm/yyyy, "ngày 5 tháng 3 năm 1970") or as Excel serial numbers, phone numbers as Vietnamese
// digits (+84 → 0, a leading 0 that Excel dropped put back), e-mail lower-cased.
import { normalizeText } from '../../../../shared/text/normalize';
import type { Cell } from './grid';

/** Text of a cell, NFC, with runs of white space (non-breaking too) as one space; null if empty. */
export function cleanText(cell: Cell): string | null {
  if (cell === null) return null;
  const s = normalizeText(typeof cell === 'number' ? numberText(cell) : cell)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

/** A number as written, without exponent or float noise (912345678, 1.5). */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(Number(n.toPrecision(12)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-dd` if year, month and day make a real date in 1900–2100, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number → ISO date (1900 system counts from 1899-12-30, 1904 from 1904-01-01). */
export function excelSerialDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = new Date(base + Math.floor(serial) * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * A date of birth as written in a Vietnamese list: day first (05/03/1970, 5-3-1970, 05.03.1970),
 * ISO (1970-03-05), "ngày 05 tháng 03 năm 1970", or an Excel serial number. Undefined when the
 * cell is empty, null when it is not a date.
 */
export function parseDate(cell: Cell, date1904 = false): string | null | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number') return excelSerialDate(cell, date1904);
  const s = cleanText(cell);
  if (s === null) return undefined;
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/iu.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  // A serial number that a CSV export wrote as text.
  if (/^\d{4,5}$/.test(s) && Number(s) > 2100) return excelSerialDate(Number(s), date1904);
  return null;
}

/**
 * A Vietnamese phone number as digits starting with 0 (10 digits for mobiles, 11 for landlines):
 * spaces, dots, dashes and brackets removed, +84/84 → 0, and the leading 0 put back when a
 * spreadsheet stored the number as a number. Null when it is not such a number.
 */
export function cleanPhone(text: string): string | null {
  let d = text.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+84')) d = '0' + d.slice(3);
  else if (/^84\d{9,10}$/.test(d)) d = '0' + d.slice(2);
  else if (/^[1-9]\d{8,9}$/.test(d)) d = '0' + d;
  return /^0\d{9,10}$/.test(d) ? d : null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function cleanEmail(text: string): string | null {
  const e = text.trim().toLowerCase();
  return EMAIL_RE.test(e) && e.length <= 200 ? e : null;
}
