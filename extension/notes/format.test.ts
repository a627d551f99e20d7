// Parsing the notes' simple formatting: lists, paragraphs, bold and italic; anything else is text.
import { describe, expect, it } from 'vitest';
import { parseInline, parseNote } from './format';

describe('parseInline', () => {
  it('reads **bold** and *italic*', () => {
    expect(parseInline('Đề nghị **làm rõ** nguồn *vốn*')).toEqual([
      { type: 'text', text: 'Đề nghị ' },
      { type: 'bold', children: [{ type: 'text', text: 'làm rõ' }] },
      { type: 'text', text: ' nguồn ' },
      { type: 'italic', children: [{ type: 'text', text: 'vốn' }] },
    ]);
  });

  it('nests italic inside bold', () => {
    expect(parseInline('**rất *quan trọng***')).toEqual([
      {
        type: 'bold',
        children: [
          { type: 'text', text: 'rất ' },
          { type: 'italic', children: [{ type: 'text', text: 'quan trọng' }] },
        ],
      },
    ]);
  });

  it('keeps lone or spaced asterisks as text (2 * 3 * 4)', () => {
    expect(parseInline('2 * 3 * 4 và **chưa đóng')).toEqual([
      { type: 'text', text: '2 * 3 * 4 và **chưa đóng' },
    ]);
  });
});

describe('parseNote', () => {
  it('splits paragraphs at blank lines and keeps line breaks inside one', () => {
    expect(parseNote('Dòng một\nDòng hai\n\nĐoạn hai')).toEqual([
      {
        type: 'paragraph',
        lines: [[{ type: 'text', text: 'Dòng một' }], [{ type: 'text', text: 'Dòng hai' }]],
      },
      { type: 'paragraph', lines: [[{ type: 'text', text: 'Đoạn hai' }]] },
    ]);
  });

  it('reads bulleted and numbered lists as separate lists', () => {
    const blocks = parseNote('- ngân sách\n* đầu tư công\n1. hỏi Sở Tài chính\n2) hỏi UBND');
    expect(blocks.map((b) => (b.type === 'list' ? [b.ordered, b.items.length] : b.type))).toEqual([
      [false, 2],
      [true, 2],
    ]);
  });

  it('ends a list at a plain line', () => {
    const blocks = parseNote('- một\nSau danh sách');
    expect(blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
  });
});
