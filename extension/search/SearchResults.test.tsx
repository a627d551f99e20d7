// @vitest-environment happy-dom
// Snippets render as text with <mark> elements (never HTML), and hits link to the viewer at the
// 1-based page with the query words.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { hitHref, Snippet } from './SearchResults';

describe('Snippet', () => {
  it('marks the matched words with <mark> elements', () => {
    const root = document.createElement('div');
    render(
      <Snippet
        parts={[
          { text: 'Căn cứ ', mark: false },
          { text: 'Nghị quyết', mark: true },
          { text: ' số 01', mark: false },
        ]}
      />,
      root,
    );
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Nghị quyết']);
    expect(root.textContent).toBe('Căn cứ Nghị quyết số 01');
  });

  it('shows markup found in a document as text', () => {
    const root = document.createElement('div');
    render(<Snippet parts={[{ text: '<img src=x onerror=alert(1)>', mark: true }]} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('hitHref', () => {
  const group = {
    docId: 'doc 1',
    title: 'Sổ tay',
    score: 1,
    hitCount: 0,
    best: [],
    otherPages: [],
  };

  it('opens the viewer at the 1-based page with the words to highlight', () => {
    expect(hitHref(group, { kind: 'page', pageIndex: 44, score: 1 }, 'xay dung nghi quyet')).toBe(
      '#/doc/doc%201?page=45&q=xay+dung+nghi+quyet',
    );
  });

  it('points a comment hit at its annotation and a note hit at the notes page', () => {
    expect(
      hitHref(group, { kind: 'annotation', pageIndex: 0, score: 1, annotationId: 'a1' }, 'x'),
    ).toBe('#/doc/doc%201?page=1&q=x&ann=a1');
    expect(hitHref(group, { kind: 'note', pageIndex: 0, score: 1, noteId: 'n1' }, 'x')).toBe(
      '#/notes?note=n1',
    );
  });
});
