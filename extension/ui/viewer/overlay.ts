// Draws a page's annotations over pdf.js's page: highlight boxes (under the pointer, so text stays
// selectable) and sticky-note buttons. Positions come from PDF user-space rects through the page's
// current viewport, so they follow zoom and rotation. Plain DOM, text only (never HTML).
import type { Annotation } from '../../db/db';
import type { PageViewLike } from './pdf-view';

export const COLORS: Record<string, string> = {
  yellow: '#ffd400',
  green: '#5fb236',
  blue: '#2ea8e5',
  pink: '#ff6666',
};

const LAYER_CLASS = 'hdnd-annotation-layer';

export function drawAnnotations(
  page: PageViewLike,
  annotations: readonly Annotation[],
  selectedId: string | null,
  onNoteClick: (id: string) => void,
  noteLabel: (a: Annotation) => string,
  /** An annotation to make flash (opened by a link). */
  flashId: string | null = null,
): void {
  let layer = page.div.querySelector<HTMLDivElement>(`:scope > .${LAYER_CLASS}`);
  if (!layer) {
    layer = document.createElement('div');
    layer.className = LAYER_CLASS;
    page.div.append(layer);
  }
  layer.replaceChildren();
  const pageIndex = page.id - 1;
  for (const a of annotations) {
    if (a.orphaned || a.target.pageIndex !== pageIndex) continue;
    const color = COLORS[a.color] ?? a.color;
    if (a.kind === 'note') {
      const rect = a.target.rects[0];
      if (!rect) continue;
      const [x, y] = page.viewport.convertToViewportRectangle(rect) as [number, number];
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'hdnd-note-pin';
      button.dataset.annotationId = a.id;
      button.style.left = `${x}px`;
      button.style.top = `${y}px`;
      button.style.background = color;
      button.textContent = '✎';
      button.title = noteLabel(a);
      button.setAttribute('aria-label', noteLabel(a));
      if (a.id === selectedId) button.classList.add('is-selected');
      if (a.id === flashId) button.classList.add('is-flash');
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        onNoteClick(a.id);
      });
      layer.append(button);
      continue;
    }
    for (const rect of a.target.rects) {
      const [x1, y1, x2, y2] = page.viewport.convertToViewportRectangle(rect) as [
        number,
        number,
        number,
        number,
      ];
      const box = document.createElement('div');
      box.className = `hdnd-highlight${a.kind === 'comment' ? ' is-comment' : ''}`;
      box.dataset.annotationId = a.id;
      box.style.left = `${Math.min(x1, x2)}px`;
      box.style.top = `${Math.min(y1, y2)}px`;
      box.style.width = `${Math.abs(x2 - x1)}px`;
      box.style.height = `${Math.abs(y2 - y1)}px`;
      box.style.background = color;
      if (a.id === selectedId) box.classList.add('is-selected');
      if (a.id === flashId) box.classList.add('is-flash');
      layer.append(box);
    }
  }
}

/** The highlight (if any) under a click on a page, for selecting it in the side list. */
export function annotationAt(page: PageViewLike, clientX: number, clientY: number): string | null {
  const boxes = page.div.querySelectorAll<HTMLElement>(`.${LAYER_CLASS} .hdnd-highlight`);
  for (const box of boxes) {
    const r = box.getBoundingClientRect();
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom)
      return box.dataset.annotationId ?? null;
  }
  return null;
}
