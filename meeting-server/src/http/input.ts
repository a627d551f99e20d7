// Input that no schema should have to think about: NUL characters, which PostgreSQL cannot store
// in text (a request carrying one used to end in a 500), found anywhere in a parsed body or query,
// or percent-encoded in a URL. Pure helpers; errors.ts and app.ts turn them into 400s.

/** The path (`a.b.0`) of the first string or key containing U+0000, or undefined. */
export function nulPath(value: unknown): string | undefined {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  let visited = 0;
  while (stack.length && visited++ < 100_000) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path.join('.');
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push({ v: child, path: [...path, String(i)] }));
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return [...path, k.split('\u0000').join('\\0')].join('.');
        stack.push({ v: child, path: [...path, k] });
      }
    }
  }
  return undefined;
}

/** True when a raw request URL (path and query) carries a NUL, percent-encoded or not. */
export const urlHasNul = (url: string): boolean => /%00/.test(url) || url.includes('\u0000');

export const NUL_MESSAGE = {
  vi: 'Dữ liệu gửi lên chứa ký tự rỗng (NUL) không được phép. Xóa ký tự đó (thường do sao chép từ tệp khác) rồi gửi lại.',
  en: 'The request contains a NUL character, which is not allowed. Remove it (it often comes from copying out of another file) and send it again.',
};
