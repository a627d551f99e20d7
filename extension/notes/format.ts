// The notes' simple formatted text, parsed into a tiny tree (never HTML): paragraphs, bulleted
// ("- " or "* ") and numbered ("1. ") lists, **bold** and *italic*. Rendered by NoteBody.tsx as
// Preact elements, so whatever the delegate types is shown as text. Pure.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] };

export type Block =
  { type: 'paragraph'; lines: Inline[][] } | { type: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** Finds a closing marker that ends an emphasis: not preceded by whitespace. */
function closing(s: string, marker: string, from: number): number {
  let i = s.indexOf(marker, from);
  while (i >= 0) {
    if (i > from && !/\s/.test(s[i - 1]!)) {
      // "***" closes an inner *italic* first, then the **bold**.
      if (marker === '**' && s[i + 2] === '*') return i + 1;
      if (marker === '**' || s[i + 1] !== '*') return i;
    }
    i = s.indexOf(marker, i + marker.length);
  }
  return -1;
}

/** Parses **bold** and *italic* (may nest: **bold *and italic***). */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const marker = s.startsWith('**', i) ? '**' : s[i] === '*' ? '*' : '';
    const opensOk =
      marker && s[i + marker.length] !== undefined && !/\s/.test(s[i + marker.length]!);
    if (opensOk) {
      const end = closing(s, marker, i + marker.length);
      if (end > i + marker.length) {
        flush();
        const children = parseInline(s.slice(i + marker.length, end));
        out.push(marker === '**' ? { type: 'bold', children } : { type: 'italic', children });
        i = end + marker.length;
        continue;
      }
    }
    text += s[i];
    i++;
  }
  flush();
  return out;
}

export function parseNote(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | undefined;
  let list: { ordered: boolean; items: Inline[][] } | undefined;
  const end = () => {
    if (paragraph) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list) blocks.push({ type: 'list', ...list });
    paragraph = undefined;
    list = undefined;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !!numbered;
      if (!list || list.ordered !== ordered) {
        end();
        list = { ordered, items: [] };
      }
      list.items.push(parseInline((bullet ?? numbered)![1]!));
    } else if (line.trim() === '') {
      end();
    } else {
      if (list) end();
      (paragraph ??= []).push(parseInline(line.trim()));
    }
  }
  end();
  return blocks;
}

/** The note's text without formatting marks (for titles, previews). */
export function plainText(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.text : plainText(n.children))).join('');
}
