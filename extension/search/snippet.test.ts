// Snippets: a short window around the best match with the query words marked.
import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../shared/text/normalize';
import { makeSnippet } from './snippet';

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const marks = (parts: { text: string; mark: boolean }[]) =>
  parts.filter((p) => p.mark).map((p) => p.text);

describe('makeSnippet', () => {
  it('marks the words as written in the page, found without accents', () => {
    const parts = makeSnippet('Căn cứ Nghị quyết số 01/2014/NQ-HĐTP', queryTerms('nghi quyet'));
    expect(marks(parts)).toEqual(['Nghị quyết']);
    expect(text(parts)).toBe('Căn cứ Nghị quyết số 01/2014/NQ-HĐTP');
  });

  it('prefers a place where the words stand together over a scattered one', () => {
    const page = 'quyết định của hội nghị. ' + 'x '.repeat(40) + 'dự thảo nghị quyết mới';
    const parts = makeSnippet(page, queryTerms('nghi quyet'), 2);
    expect(text(parts)).toBe('… dự thảo nghị quyết mới');
  });

  it('collapses line breaks and shows ellipses where the text goes on', () => {
    const page = 'một hai ba bốn\nnăm sáu bảy tám chín mười';
    expect(text(makeSnippet(page, queryTerms('nam'), 1))).toBe('… bốn năm sáu …');
  });

  it('repairs the broken ư of the VGCA decree in what it shows', () => {
    expect(marks(makeSnippet('cơ quan nhà n\u01a3ớc', queryTerms('nuoc')))).toEqual(['nước']);
  });

  it('is empty when no query word occurs', () => {
    expect(makeSnippet('kỳ họp thứ 13', queryTerms('ngan sach'))).toEqual([]);
  });
});
