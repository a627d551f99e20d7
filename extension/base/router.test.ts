// Parsing the briefcase's hash routes.
import { describe, expect, test } from 'vitest';
import { docHref, parseHash } from './router';

describe('parseHash', () => {
  test('an empty hash is the library', () => {
    expect(parseHash('')).toEqual({ name: 'library' });
    expect(parseHash('#/')).toEqual({ name: 'library' });
  });

  test('a document route carries its page and the words to highlight', () => {
    expect(parseHash('#/doc/abc-1?page=12&q=ng%C3%A2n%20s%C3%A1ch')).toEqual({
      name: 'doc',
      id: 'abc-1',
      page: 12,
      q: 'ngân sách',
    });
  });

  test('a link to an annotation (from notes and search) carries its id', () => {
    expect(parseHash('#/doc/abc?page=2&ann=a-1')).toEqual({
      name: 'doc',
      id: 'abc',
      page: 2,
      ann: 'a-1',
    });
  });

  test('a page that is not a positive whole number is ignored', () => {
    expect(parseHash('#/doc/abc?page=-3')).toEqual({ name: 'doc', id: 'abc' });
    expect(parseHash('#/doc/abc?page=x')).toEqual({ name: 'doc', id: 'abc' });
  });

  test('docHref builds what parseHash reads', () => {
    expect(parseHash(docHref('id 1', { page: 3, q: 'kỳ họp', ann: 'a-1' }))).toEqual({
      name: 'doc',
      id: 'id 1',
      page: 3,
      q: 'kỳ họp',
      ann: 'a-1',
    });
  });

  test('an import route carries the PDF address and where it came from', () => {
    expect(parseHash('#/import?url=https%3A%2F%2Fa.vn%2Fx.pdf&kind=tab')).toEqual({
      name: 'import',
      url: 'https://a.vn/x.pdf',
      kind: 'tab',
    });
  });

  test('other panels pass through with their parameters', () => {
    const route = parseHash('#/search?q=ngan+sach');
    expect(route).toMatchObject({ name: 'other', path: '/search' });
    expect(route.name === 'other' && route.params.get('q')).toBe('ngan sach');
  });
});
