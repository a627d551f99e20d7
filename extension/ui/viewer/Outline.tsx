// The document's outline (bookmarks), if it has one: click to go to that place.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { t } from '../../base/i18n';

export type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

export function Outline({
  items,
  onGo,
}: {
  items: readonly OutlineNode[] | null;
  onGo: (dest: OutlineNode['dest']) => void;
}) {
  return (
    <nav class="hdnd-outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('viewer.outline')}</h2>
      {items?.length ? <Tree items={items} onGo={onGo} /> : <p>{t('viewer.noOutline')}</p>}
    </nav>
  );
}

function Tree({
  items,
  onGo,
}: {
  items: readonly OutlineNode[];
  onGo: (dest: OutlineNode['dest']) => void;
}) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          <button type="button" onClick={() => onGo(item.dest)}>
            {item.title}
          </button>
          {item.items.length > 0 && <Tree items={item.items} onGo={onGo} />}
        </li>
      ))}
    </ul>
  );
}
