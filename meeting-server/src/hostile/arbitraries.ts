// fast-check generators of hostile HTTP input, shaped by the zod contracts: bodies that follow a
// schema's fields but carry wrong types, NUL bytes, lone surrogates, huge numbers, out-of-range
// dates, deep nesting and prototype keys; path parameters and query strings as raw byte sequences.
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings that have broken servers before. */
const TRAPS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0000',
  '\uffff',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%',
  '${7*7}{{7*7}}',
  "'; DROP TABLE councils; --",
  'NaN',
  '-1',
  '1e309',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '0001-01-01T00:00:00+23:59',
  '2026-02-29T00:00:00Z',
  '2026-12-01T01:30:00Z',
  'admin@hdnd.example.vn',
  '𝔥𝔡𝔫𝔡',
  'Hội đồng nhân dân',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRAPS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TRAPS), fc.integer({ min: 100, max: 6_000 }))
      .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))),
  },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e-320),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON-ish value, biased towards the traps above. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...TRAPS)), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}
interface Bounds {
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const boundsOf = (s: z.ZodType): Bounds => s as unknown as Bounds;

/** Hostile values that keep the JSON type of a leaf (a string stays a string). */
const hostileDate = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '2026-12-01T01:30:00.123456789Z',
  '1969-12-31T23:59:59Z',
);

/**
 * Values that follow `schema`'s structure. `typed`: plausible values (enum members, the given
 * known ids, strings and numbers within the schema's bounds) where now and then one leaf is
 * hostile but of the right JSON type, so the body passes validation and reaches the database —
 * the way NUL bytes and year-0 dates get in. `chaotic`: any level may be any hostile value.
 */
export function shapedValue(
  schema: z.ZodType,
  knownStrings: readonly string[],
  mode: 'typed' | 'chaotic' = 'chaotic',
  depth = 0,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const nasty = depth > 4 ? fc.constant(null) : nastyValue;
  const inner = (s: z.ZodType, d = depth + 1) => shapedValue(s, knownStrings, mode, d);
  const mix = (good: fc.Arbitrary<unknown>) =>
    mode === 'typed'
      ? good
      : fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: nasty });
  const leaf = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: mode === 'typed' ? 12 : 3, arbitrary: valid },
      { weight: mode === 'typed' ? 1 : 4, arbitrary: hostile },
      ...(mode === 'typed' ? [] : [{ weight: 1, arbitrary: nasty }]),
    );
  switch (def.type) {
    case 'object': {
      const fields = Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([k, v]) => [k, inner(v)]),
      );
      const record = fc.record(fields, { requiredKeys: [] });
      if (mode === 'typed') return record;
      const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'x', ''), nasty, {
        maxKeys: 2,
      });
      return mix(
        fc
          .tuple(record, fc.boolean(), extra)
          .map(([r, withExtra, e]) => (withExtra ? Object.assign(e, r) : r)),
      );
    }
    case 'array': {
      const max = boundsOf(schema).maxLength ?? 5;
      return mix(fc.array(inner(def.element!), { maxLength: Math.min(5, max) }));
    }
    case 'record':
      return mix(
        fc.dictionary(
          fc.oneof(fc.constantFrom(...(knownStrings.length ? knownStrings : ['k'])), nastyString),
          inner(def.valueType!),
          { maxKeys: 3 },
        ),
      );
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof(
        { weight: 3, arbitrary: inner(def.innerType!, depth) },
        fc.constant(undefined),
      );
    case 'nullable':
      return fc.oneof({ weight: 3, arbitrary: inner(def.innerType!, depth) }, fc.constant(null));
    case 'catch':
    case 'readonly':
      return inner(def.innerType!, depth);
    case 'pipe':
      return inner(def.in!, depth);
    case 'union':
      return fc.oneof(...def.options!.map((o) => inner(o, depth)));
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), nastyString);
    case 'literal':
      return leaf(fc.constantFrom(...(def.values ?? [null])), nastyValue);
    case 'string': {
      const b = boundsOf(schema);
      const minLength = b.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(b.maxLength ?? 40, 40));
      const valid =
        def.format === 'datetime'
          ? fc
              .date({
                min: new Date('2000-01-01T00:00:00Z'),
                max: new Date('2100-12-31T23:59:59Z'),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString())
          : def.format === 'email'
            ? fc.emailAddress()
            : fc.oneof(
                ...(knownStrings.length ? [fc.constantFrom(...knownStrings)] : []),
                fc.string({ minLength: Math.max(minLength, 1), maxLength }),
                fc
                  .tuple(fc.constantFrom(...TRAPS), fc.string({ minLength, maxLength }))
                  .map(([t, x]) => `${x}${t}${x}`.slice(0, b.maxLength ?? 100)),
              );
      return leaf(
        valid,
        def.format === 'datetime' ? fc.oneof(hostileDate, nastyString) : nastyString,
      );
    }
    case 'number':
    case 'int': {
      const b = boundsOf(schema);
      const min = Math.max(b.minValue ?? -1000, -1e6);
      const max = Math.min(b.maxValue ?? 1000, 1e6);
      return leaf(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), nastyNumber);
    }
    case 'boolean':
      return leaf(fc.boolean(), nasty);
    default:
      return nasty;
  }
}

/** Percent-encodes every byte of the UTF-8 form of `s` (lone surrogates become U+FFFD). */
export const encodeAll = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A path segment: hostile text, or raw bytes that need not be UTF-8 at all. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  nastyString.filter((s) => s.length > 0).map(encodeAll),
  fc
    .uint8Array({ minLength: 1, maxLength: 30 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5C', 'a'.repeat(5000)),
);

/** A query string (without `?`): hostile keys and values, repeated keys, bracket syntax. */
export function queryString(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    fc.constantFrom('a[b]', 'a[]', '__proto__', 'constructor[prototype]', ''),
    nastyString,
  );
  const value = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    nastyString,
    fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  return fc
    .array(fc.tuple(key, value), { minLength: 1, maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeAll(k)}=${encodeAll(v)}`).join('&'));
}
