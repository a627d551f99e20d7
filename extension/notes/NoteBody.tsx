// Renders a note's simple formatted text as Preact elements (<p>, <ul>/<ol>, <strong>, <em>):
// the delegate's words are always text nodes, never HTML.
import type { JSX } from 'preact';
import { parseNote, type Inline } from './format';

function Inlines({ nodes }: { nodes: Inline[] }): JSX.Element {
  return (
    <>
      {nodes.map((n, i) =>
        n.type === 'text' ? (
          n.text
        ) : n.type === 'bold' ? (
          <strong key={i}>
            <Inlines nodes={n.children} />
          </strong>
        ) : (
          <em key={i}>
            <Inlines nodes={n.children} />
          </em>
        ),
      )}
    </>
  );
}

export function NoteBody({ body }: { body: string }) {
  return (
    <div class="note-body">
      {parseNote(body).map((block, i) => {
        if (block.type === 'paragraph') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <>
                  {j > 0 && <br />}
                  <Inlines nodes={line} />
                </>
              ))}
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Inlines nodes={item} />
          </li>
        ));
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}
