// The document viewer page (#/doc/<id>?page=N&q=words): pdf.js view in the middle, outline on the
// left, highlights and comments on the right. Opens at page N (else where the delegate stopped),
// highlights the words, re-attaches annotations, and saves the last page read.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AnnotationManager, type AnnotationPatch } from '../../annotations/annotation-manager';
import { describeRange } from '../../annotations/anchoring';
import { getDb, type Annotation, type BriefcaseDocument } from '../../db/db';
import type { PasswordReason } from '../../import/pdf-read';
import { t } from '../i18n';
import { PasswordDialog } from '../library/PasswordDialog';
import { PDF_PARAMS, pdfjs } from '../pdfjs-browser';
import { AnnotationList } from './AnnotationList';
import { findVariants } from './find-variants';
import { annotationSaver, loadDocument } from './open-document';
import { Outline, type OutlineNode } from './Outline';
import { annotationAt, drawAnnotations } from './overlay';
import { PdfView, type FindCount, type PageViewLike } from './pdf-view';
import { clientToPdfPoint, currentSelection, rangeFromOffsets, rangeToPdfRects } from './selection';
import { ViewerToolbar } from './ViewerToolbar';

export interface ViewerPageProps {
  id: string;
  page?: number;
  q?: string;
}

type Status =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'notFound' }
  | { kind: 'error'; detail: string };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function ViewerPage({ id, page, q }: ViewerPageProps) {
  const db = getDb();
  const container = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const view = useRef<PdfView | null>(null);
  const manager = useRef<AnnotationManager | null>(null);
  const pagesText = useRef<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [doc, setDoc] = useState<BriefcaseDocument | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [pagesCount, setPagesCount] = useState(0);
  const [findCount, setFindCount] = useState<FindCount | null>(null);
  const [findText, setFindText] = useState(q ?? '');
  const [color, setColor] = useState('yellow');
  const [noteMode, setNoteMode] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<string | null>(null);
  const [outline, setOutline] = useState<OutlineNode[] | null>(null);
  const [password, setPassword] = useState<{
    reason: PasswordReason;
    answer: (p: string | null) => void;
  } | null>(null);
  const stateRef = useRef({ annotations, selectedId });
  stateRef.current = { annotations, selectedId };

  const redraw = useCallback((pv: PageViewLike) => {
    const { annotations: list, selectedId: sel } = stateRef.current;
    // Annotations re-attached at a new place get their rectangles from the text layer.
    const layer = pv.div.querySelector('.textLayer');
    for (const a of list) {
      if (
        a.orphaned ||
        a.kind === 'note' ||
        a.target.pageIndex !== pv.id - 1 ||
        a.target.rects.length
      )
        continue;
      if (!layer || !a.target.position || !layer.childNodes.length) continue;
      const range = rangeFromOffsets(layer, a.target.position.start, a.target.position.end);
      if (range)
        manager.current?.adjust(a.id, {
          target: { ...a.target, rects: rangeToPdfRects(range, pv) },
        });
    }
    drawAnnotations(
      pv,
      stateRef.current.annotations,
      sel,
      (annId) => setSelectedId(annId),
      (a) => `${t('ann.note')}: ${a.body ?? ''}`,
    );
  }, []);

  const redrawAll = useCallback(() => {
    const v = view.current;
    if (!v) return;
    for (let i = 0; i < v.pagesCount; i++) {
      const pv = v.pageView(i);
      if (pv?.div.querySelector('canvas, .textLayer')) redraw(pv);
    }
  }, [redraw]);

  useEffect(redrawAll, [annotations, selectedId, redrawAll]);

  // Open the document.
  useEffect(() => {
    let cancelled = false;
    let pdfDoc: PDFDocumentProxy | undefined;
    let lastPageTimer: ReturnType<typeof setTimeout> | undefined;
    let unsavedPage: number | undefined;
    const saveLastPage = () => {
      clearTimeout(lastPageTimer);
      if (unsavedPage !== undefined) void db.documents.update(id, { lastPage: unsavedPage });
      unsavedPage = undefined;
    };
    setStatus({ kind: 'loading' });
    void (async () => {
      try {
        const opened = await loadDocument(db, id);
        if (cancelled) return;
        if (!opened) return setStatus({ kind: 'notFound' });
        pagesText.current = opened.pages;
        setDoc(opened.doc);
        document.title = `${opened.doc.title} — ${t('app.title')}`;
        const m = new AnnotationManager({
          initial: opened.annotations,
          save: annotationSaver(db),
          onChange: setAnnotations,
          onSaveState: (s) => setSaveState(s),
        });
        manager.current = m;
        for (const r of opened.reattachments) m.adjust(r.id, r.patch);
        setAnnotations(m.list());

        const task = pdfjs.getDocument({ ...PDF_PARAMS, data: opened.bytes });
        task.onPassword = (update: (p: string) => void, reason: number) =>
          setPassword({
            reason: reason === 2 ? 'incorrect' : 'need',
            answer: (p) => {
              setPassword(null);
              if (p === null) void task.destroy();
              else update(p);
            },
          });
        pdfDoc = await task.promise;
        if (cancelled) return;
        const v = new PdfView(container.current!, {
          onPageChange: (n) => {
            setPageNumber(n);
            unsavedPage = n;
            clearTimeout(lastPageTimer);
            lastPageTimer = setTimeout(saveLastPage, 800);
          },
          onScaleChange: () => undefined,
          onPageReady: redraw,
          onFindCount: setFindCount,
        });
        view.current = v;
        await v.open(pdfDoc, page ?? opened.doc.lastPage);
        setPagesCount(pdfDoc.numPages);
        setPageNumber(v.pageNumber);
        setStatus({ kind: 'ready' });
        if (q) v.find(q, false, findVariants(opened.pages, q));
        void pdfDoc.getOutline().then((o) => !cancelled && setOutline(o));
      } catch (error) {
        if (!cancelled)
          setStatus({
            kind: 'error',
            detail: error instanceof Error ? error.message : String(error),
          });
      }
    })();
    const flush = () => {
      saveLastPage();
      void manager.current?.flush();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flush);
      saveLastPage();
      void manager.current?.flush();
      manager.current?.dispose();
      manager.current = null;
      view.current?.destroy();
      view.current = null;
      void pdfDoc?.destroy();
    };
  }, [id, page, q, db, redraw]);

  const annotateSelection = useCallback(
    (kind: 'highlight' | 'comment') => {
      const v = view.current;
      const m = manager.current;
      if (!v || !m) return;
      const sel = currentSelection(window.getSelection(), (i) => v.pageView(i));
      if (!sel) return setHint(t('ann.selectFirst'));
      setHint(null);
      const text = pagesText.current[sel.pageIndex] ?? '';
      const selected = window.getSelection()?.toString() ?? '';
      const fromText = describeRange(text, sel.start, sel.end);
      const same =
        fromText.quote.exact.replace(/\s+/g, ' ').trim() === selected.replace(/\s+/g, ' ').trim();
      const target = same
        ? { pageIndex: sel.pageIndex, rects: sel.rects, ...fromText }
        : {
            pageIndex: sel.pageIndex,
            rects: sel.rects,
            quote: { exact: selected, prefix: '', suffix: '' },
          };
      const a = m.add({ docId: id, kind, color, draftComment: kind === 'comment', target });
      window.getSelection()?.removeAllRanges();
      setSelectedId(a.id);
      if (kind === 'comment') setEditingId(a.id);
    },
    [id, color],
  );

  const jumpTo = useCallback((a: Annotation) => {
    setSelectedId(a.id);
    const r = a.target.rects[0];
    if (r) view.current?.goToPoint(a.target.pageIndex, r[0], Math.max(r[1], r[3]));
    else view.current?.goToPage(a.target.pageIndex + 1);
  }, []);

  // Clicks on a page: place a sticky note in note mode, else select the highlight under the pointer.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      const pageDiv = (e.target as HTMLElement).closest<HTMLElement>('.page');
      const v = view.current;
      if (!pageDiv || !v) return;
      const pv = v.pageView(Number(pageDiv.dataset.pageNumber) - 1);
      if (!pv) return;
      if (noteMode) {
        const [x, y] = clientToPdfPoint(pv, e.clientX, e.clientY);
        const a = manager.current?.add({
          docId: id,
          kind: 'note',
          color,
          draftComment: false,
          target: { pageIndex: pv.id - 1, rects: [[x, y, x, y]] },
        });
        setNoteMode(false);
        if (a) {
          setSelectedId(a.id);
          setEditingId(a.id);
        }
        return;
      }
      if (window.getSelection()?.isCollapsed !== false) {
        const hit = annotationAt(pv, e.clientX, e.clientY);
        if (hit) setSelectedId(hit);
      }
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [noteMode, id, color, status.kind]);

  // Keyboard shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const v = view.current;
      if (!v) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        findInput.current?.focus();
        findInput.current?.select();
        return;
      }
      if (isTyping(e.target)) return;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) manager.current?.redo();
        else manager.current?.undo();
        return;
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        manager.current?.redo();
        return;
      }
      if (mod || e.altKey) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => v.goToPage(v.pageNumber + 1),
        ArrowLeft: () => v.goToPage(v.pageNumber - 1),
        n: () => v.goToPage(v.pageNumber + 1),
        p: () => v.goToPage(v.pageNumber - 1),
        Home: () => v.goToPage(1),
        End: () => v.goToPage(v.pagesCount),
        '+': () => v.zoomIn(),
        '=': () => v.zoomIn(),
        '-': () => v.zoomOut(),
        '0': () => v.fitWidth(),
        h: () => annotateSelection('highlight'),
        c: () => annotateSelection('comment'),
        Escape: () => setNoteMode(false),
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [annotateSelection]);

  const m = manager.current;
  return (
    <div class="hdnd-viewer">
      <ViewerToolbar
        title={doc?.title ?? ''}
        pageNumber={pageNumber}
        pagesCount={pagesCount}
        onPage={(n) => view.current?.goToPage(n)}
        onZoomIn={() => view.current?.zoomIn()}
        onZoomOut={() => view.current?.zoomOut()}
        onFitWidth={() => view.current?.fitWidth()}
        findInput={findInput}
        findText={findText}
        onFindText={setFindText}
        onFind={(previous) =>
          findText.trim()
            ? view.current?.find(findText, previous, findVariants(pagesText.current, findText))
            : view.current?.clearFind()
        }
        findCount={findCount}
        color={color}
        onColor={setColor}
        onHighlight={() => annotateSelection('highlight')}
        onComment={() => annotateSelection('comment')}
        noteMode={noteMode}
        onNoteMode={() => setNoteMode(!noteMode)}
        canUndo={!!m?.canUndo}
        canRedo={!!m?.canRedo}
        onUndo={() => m?.undo()}
        onRedo={() => m?.redo()}
        saveState={saveState}
      />
      {hint && (
        <p class="hdnd-hint" role="status">
          {hint}
        </p>
      )}
      {noteMode && (
        <p class="hdnd-hint" role="status">
          {t('ann.noteMode')}
        </p>
      )}
      {doc && !doc.hasText && <p class="hdnd-hint">{t('viewer.noTextLayer')}</p>}
      {status.kind === 'notFound' && (
        <p role="alert">
          <a href="#/">{t('library.notFound')}</a>
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert">{t('viewer.openFailed', { detail: status.detail })}</p>
      )}
      {status.kind === 'loading' && <p role="status">{t('viewer.loading')}</p>}
      <div class="hdnd-viewer-body">
        <Outline
          items={outline}
          onGo={(dest) => dest && void view.current?.linkService.goToDestination(dest)}
        />
        <div class={`hdnd-pdf-frame ${noteMode ? 'is-note-mode' : ''}`}>
          <div ref={container} class="hdnd-pdf-container" data-testid="pdf-container" tabIndex={0}>
            <div class="pdfViewer" />
          </div>
        </div>
        <AnnotationList
          annotations={annotations}
          selectedId={selectedId}
          editingId={editingId}
          onSelect={jumpTo}
          onEdit={setEditingId}
          onUpdate={(annId: string, patch: AnnotationPatch) => m?.update(annId, patch)}
          onDelete={(annId) => m?.remove(annId)}
        />
      </div>
      <p class="hdnd-shortcuts">{t('viewer.shortcuts')}</p>
      {password && (
        <PasswordDialog
          fileName={doc?.fileName ?? ''}
          reason={password.reason}
          onAnswer={password.answer}
        />
      )}
    </div>
  );
}
