// @vitest-environment happy-dom
// A note renders as Preact elements: formatting becomes <strong>/<em>/<ul>/<ol>, and markup typed
// by the delegate stays visible text, never HTML.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { NoteBody } from './NoteBody';

function mount(body: string): HTMLElement {
  const root = document.createElement('div');
  render(<NoteBody body={body} />, root);
  return root;
}

describe('NoteBody', () => {
  it('renders bold, italic and lists as elements', () => {
    const root = mount(
      'Chuẩn bị **chất vấn**:\n\n- vốn *đầu tư* công\n- giải ngân\n\n1. Sở Tài chính',
    );
    expect(root.querySelector('strong')?.textContent).toBe('chất vấn');
    expect([...root.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
      'vốn đầu tư công',
      'giải ngân',
    ]);
    expect(root.querySelector('ul em')?.textContent).toBe('đầu tư');
    expect(root.querySelector('ol > li')?.textContent).toBe('Sở Tài chính');
  });

  it('shows typed HTML as text and creates no element from it', () => {
    const root = mount('<img src=x onerror="alert(1)"> <b>đậm</b>');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('<img src=x onerror="alert(1)"> <b>đậm</b>');
  });

  it('keeps line breaks within a paragraph', () => {
    const root = mount('một\nhai');
    expect(root.querySelectorAll('p')).toHaveLength(1);
    expect(root.querySelectorAll('p br')).toHaveLength(1);
  });
});
