// The document viewer page (#/doc/<id>?page=N&q=words&ann=<annotationId>): pdf.js view in the
// middle; page thumbnails and the outline on the left; highlights and comments, the document's
// notes and its exports on the right. Paints the first page before anything else is read: the
// page text and annotations are loaded (and re-attached) after it. Opens at page N (else where
// the delegate stopped), highlights the words, scrolls to and flashes annotation `ann`, and saves
// the last page read.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AnnotationManager, type AnnotationPatch } from '../../annotations/annotation-manager';
import { describeRange } from '../../annotations/anchoring';
import { getDb, type Annotation, type BriefcaseDocument } from '../../db/db';
import { ExportButtons } from '../../export/ExportButtons';
import type { PasswordReason } from '../../import/pdf-read';
import { NotesPanel } from '../../notes/NotesPanel';
import { t, type MessageKey } from '../../base/i18n';
import { docHref } from '../../base/router';
import { useLiveQuery } from '../../base/use-live-query';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { answerShowDocument } from '../../base/doc-tabs';
import { PasswordDialog } from '../library/PasswordDialog';
import { PDF_PARAMS, getViewerWorker, pdfjs } from '../../base/pdfjs-browser';
import { AnnotationList } from './AnnotationList';
import { refusalNotice } from './refusal';
import { findVariants } from './find-variants';
import { annotationSaver, loadAnnotations, loadDocumentFile, markOpened } from './open-document';
import { Outline, type OutlineNode } from './Outline';
import { annotationAt, drawAnnotations } from './overlay';
import { PdfView, type FindCount, type PageViewLike } from './pdf-view';
import { clientToPdfPoint, currentSelection, rangeFromOffsets, rangeToPdfRects } from './selection';
import { Thumbnails } from './Thumbnails';
import { ViewerToolbar } from './ViewerToolbar';

// Start the viewer's pdf.js worker with the page, so that opening a document does not wait for it.
getViewerWorker();

/** Name of the performance mark set when a document's first page is painted (tests, bench). */
export const FIRST_PAGE_MARK = 'hdnd-viewer-first-page';

/** How long an annotation opened by a link (`?ann=`) flashes. */
const FLASH_MS = 2500;

export interface ViewerPageProps {
  id: string;
  page?: number;
  q?: string;
  /** An annotation to scroll to and flash (links from notes and search). */
  ann?: string;
}

type LeftTab = 'pages' | 'outline';
type RightTab = 'annotations' | 'notes' | 'export';

const LEFT_TAB_KEY = 'hdnd-viewer-left-tab';

function storedLeftTab(): LeftTab {
  try {
    return globalThis.localStorage?.getItem(LEFT_TAB_KEY) === 'outline' ? 'outline' : 'pages';
  } catch {
    return 'pages';
  }
}

/** A row of tabs; the panel below shows the selected one. */
function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly [T, MessageKey][];
  selected: T;
  onSelect: (tab: T) => void;
}) {
  return (
    <div class="hdnd-tabs" role="tablist" aria-label={label}>
      {tabs.map(([tab, key]) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={`panel-${tab}`}
          class={tab === selected ? 'is-selected' : ''}
          onClick={() => onSelect(tab)}
        >
          {t(key)}
        </button>
      ))}
    </div>
  );
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

export function ViewerPage({ id, page, q, ann }: ViewerPageProps) {
  const db = getDb();
  const container = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const view = useRef<PdfView | null>(null);
  const manager = useRef<AnnotationManager | null>(null);
  const pagesText = useRef<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [doc, setDoc] = useState<BriefcaseDocument | null>(null);
  const [pdfDoc, setPdfDoc] = useState<PDFDocumentProxy | null>(null);
  const [painted, setPainted] = useState(false);
  /** Annotations and page text are loaded (after the first page is painted). */
  const [annotationsReady, setAnnotationsReady] = useState(false);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [pagesCount, setPagesCount] = useState(0);
  const [findCount, setFindCount] = useState<FindCount | null>(null);
  const [findText, setFindText] = useState(q ?? '');
  const [color, setColor] = useState('yellow');
  const [noteMode, setNoteMode] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  /** What the database refused to save, what to do, and where (a link). */
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);
  /** Records that left this document while open (as shown here), and the orphan being placed. */
  const [departed, setDeparted] = useState<Annotation[]>([]);
  const [placingId, setPlacingId] = useState<string | null>(null);
  const departedNow = useLiveQuery(
    () => db.annotations.bulkGet(departed.map((a) => a.id)),
    [departed.map((a) => a.id).join(' ')],
  );
  const moved = departed.flatMap((here, i) => {
    const now = departedNow?.[i];
    return now && now.docId !== id ? [{ here, now }] : [];
  });
  /** The newer version this document was replaced by (packages/sync.ts), followed live. */
  const replacedBy = useLiveQuery(
    async () => (await db.documents.get(id))?.replacedBy ?? null,
    [id],
  );
  const [saveState, setSaveState] = useState<string | null>(null);
  const [outline, setOutline] = useState<OutlineNode[] | null>(null);
  const [leftTab, setLeftTab] = useState<LeftTab>(storedLeftTab);
  const [rightTab, setRightTab] = useState<RightTab>('annotations');
  const [password, setPassword] = useState<{
    reason: PasswordReason;
    answer: (p: string | null) => void;
  } | null>(null);
  const stateRef = useRef({ annotations, selectedId, flashId });
  stateRef.current = { annotations, selectedId, flashId };

  const redraw = useCallback((pv: PageViewLike) => {
    const { annotations: list, selectedId: sel, flashId: flash } = stateRef.current;
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
      flash,
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

  useEffect(redrawAll, [annotations, selectedId, flashId, redrawAll]);

  // Open the document: the bytes to pdf.js first; annotations and page text after the first paint.
  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<typeof pdfjs.getDocument> | undefined;
    let lastPageTimer: ReturnType<typeof setTimeout> | undefined;
    let unsavedPage: number | undefined;
    let unfollow = () => {};
    const saveLastPage = () => {
      clearTimeout(lastPageTimer);
      if (unsavedPage !== undefined) void db.documents.update(id, { lastPage: unsavedPage });
      unsavedPage = undefined;
    };
    setStatus({ kind: 'loading' });
    setPainted(false);
    setAnnotationsReady(false);
    const fail = (error: unknown) => {
      if (!cancelled)
        setStatus({
          kind: 'error',
          detail: error instanceof Error ? error.message : String(error),
        });
    };
    const loadLater = async (pageCount: number) => {
      const later = await loadAnnotations(db, id, pageCount);
      if (cancelled) return;
      pagesText.current = later.pages;
      const m: AnnotationManager = new AnnotationManager({
        initial: later.annotations,
        save: annotationSaver(db),
        onChange: (list) => {
          setAnnotations(list);
          setDeparted(m.departed());
        },
        onSaveState: (s) => setSaveState(s),
        // Another tab or a new version changed the record first: the database's stands.
        onRefused: (refused) => setNotice(refusalNotice(refused[0]!, id)),
      });
      manager.current = m;
      for (const r of later.reattachments) m.adjust(r.id, r.patch);
      setAnnotations(m.list());
      setAnnotationsReady(true);
      // The page follows the database: another tab's edits, records moved onto a new version.
      const follow = liveQuery(() => db.annotations.where('docId').equals(id).toArray()).subscribe({
        next: (records) => manager.current === m && m.sync(records),
        error: (e) => console.error(e),
      });
      unfollow = () => follow.unsubscribe();
    };
    void (async () => {
      try {
        const file = await loadDocumentFile(db, id);
        if (cancelled) return;
        if (!file) return setStatus({ kind: 'notFound' });
        setDoc(file.doc);
        document.title = `${file.doc.title} — ${t('app.title')}`;
        const worker = getViewerWorker();
        // The bytes are handed over (transferred to pdf.js's worker), not copied.
        task = pdfjs.getDocument({
          ...PDF_PARAMS,
          data: file.bytes,
          ...(worker ? { worker } : {}),
        });
        task.onPassword = (update: (p: string) => void, reason: number) =>
          setPassword({
            reason: reason === 2 ? 'incorrect' : 'need',
            answer: (p) => {
              setPassword(null);
              if (p === null) void task?.destroy();
              else update(p);
            },
          });
        const opened = await task.promise;
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
          onFirstPaint: () => {
            performance.mark(FIRST_PAGE_MARK, { detail: { docId: id } });
            setPainted(true);
            void markOpened(db, id);
            loadLater(opened.numPages).catch(fail);
            void opened.getOutline().then((o) => !cancelled && setOutline(o));
          },
        });
        view.current = v;
        setPdfDoc(opened);
        await v.open(opened, page ?? file.doc.lastPage);
        setPagesCount(opened.numPages);
        setPageNumber(v.pageNumber);
        setStatus({ kind: 'ready' });
      } catch (error) {
        fail(error);
      }
    })();
    const flush = () => {
      saveLastPage();
      void manager.current?.flush();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      unfollow();
      window.removeEventListener('pagehide', flush);
      saveLastPage();
      void manager.current?.flush();
      manager.current?.dispose();
      manager.current = null;
      view.current?.destroy();
      view.current = null;
      setPdfDoc(null);
      void task?.destroy();
    };
    // `page` is only where to open; later changes of page, words and annotation are followed below.
  }, [id, db, redraw]);

  // The side panel's "Mở" for this document brings this tab to the front instead of a second one.
  useEffect(() => {
    const listener = answerShowDocument(
      () => id,
      async () => {
        const tab = await browser.tabs.getCurrent();
        if (tab?.id === undefined) return;
        await browser.tabs.update(tab.id, { active: true });
        await browser.windows.update(tab.windowId, { focused: true });
      },
    );
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [id]);

  // An open editor keeps its record on the page until it is saved or cancelled.
  useEffect(() => manager.current?.hold(editingId), [editingId, annotationsReady]);

  const jumpTo = useCallback((a: Annotation) => {
    setSelectedId(a.id);
    // Its page number belongs to the old version: no jump to an unrelated page of this one.
    if (a.orphaned) return setHint(t('ann.unplacedHint'));
    const r = a.target.rects[0];
    if (r) view.current?.goToPoint(a.target.pageIndex, r[0], Math.max(r[1], r[3]));
    else view.current?.goToPage(a.target.pageIndex + 1);
  }, []);

  // Follow the link's page, words and annotation once the document and its annotations are in.
  useEffect(() => {
    const v = view.current;
    if (status.kind !== 'ready' || !v) return;
    if (page && page !== v.pageNumber && !ann) v.goToPage(page);
  }, [page, status.kind, ann]);

  useEffect(() => {
    const v = view.current;
    if (!annotationsReady || !v) return;
    setFindText(q ?? '');
    if (q) v.find(q, false, findVariants(pagesText.current, q));
  }, [q, annotationsReady]);

  useEffect(() => {
    if (!annotationsReady || !ann) return;
    const a = manager.current?.list().find((x) => x.id === ann);
    if (!a) return setHint(t('viewer.annotationGone'));
    setRightTab('annotations');
    jumpTo(a);
    setFlashId(a.id);
    const timer = setTimeout(() => setFlashId(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [ann, annotationsReady, jumpTo]);
  /** The passage selected on a page, as an annotation's target, or null. */
  const selectionTarget = useCallback((): Annotation['target'] | null => {
    const v = view.current;
    if (!v) return null;
    const sel = currentSelection(window.getSelection(), (i) => v.pageView(i));
    if (!sel) return null;
    const text = pagesText.current[sel.pageIndex] ?? '';
    const selected = window.getSelection()?.toString() ?? '';
    const fromText = describeRange(text, sel.start, sel.end);
    const same =
      fromText.quote.exact.replace(/\s+/g, ' ').trim() === selected.replace(/\s+/g, ' ').trim();
    return same
      ? { pageIndex: sel.pageIndex, rects: sel.rects, ...fromText }
      : {
          pageIndex: sel.pageIndex,
          rects: sel.rects,
          quote: { exact: selected, prefix: '', suffix: '' },
        };
  }, []);

  const annotateSelection = useCallback(
    (kind: 'highlight' | 'comment') => {
      const m = manager.current;
      if (!m) return;
      const target = selectionTarget();
      if (!target) return setHint(t('ann.selectFirst'));
      setHint(null);
      const a = m.add({ docId: id, kind, color, draftComment: kind === 'comment', target });
      window.getSelection()?.removeAllRanges();
      setSelectedId(a.id);
      if (kind === 'comment') setEditingId(a.id);
    },
    [id, color, selectionTarget],
  );

  /** Places an orphaned annotation by hand: on the selected passage; a sticky note by a click. */
  const place = useCallback(
    (a: Annotation) => {
      setSelectedId(a.id);
      if (a.kind === 'note' && !a.target.quote?.exact) {
        setNoteMode(false);
        setPlacingId(a.id);
        return;
      }
      const target = selectionTarget();
      if (!target) return setHint(t('ann.placeSelectFirst'));
      setHint(null);
      manager.current?.update(a.id, { target, orphaned: false, from: undefined });
      window.getSelection()?.removeAllRanges();
    },
    [selectionTarget],
  );

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
      if (placingId) {
        const [x, y] = clientToPdfPoint(pv, e.clientX, e.clientY);
        manager.current?.update(placingId, {
          target: { pageIndex: pv.id - 1, rects: [[x, y, x, y]] },
          orphaned: false,
          from: undefined,
        });
        setPlacingId(null);
        setHint(null);
        return;
      }
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
  }, [noteMode, placingId, id, color, status.kind]);

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
        Escape: () => {
          setNoteMode(false);
          setPlacingId(null);
        },
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
      {replacedBy && (
        <p class="hdnd-hint hdnd-replaced" role="status" data-testid="replaced-banner">
          {t('viewer.replaced')} <a href={docHref(replacedBy)}>{t('viewer.openNew')}</a>
        </p>
      )}
      {hint && (
        <p class="hdnd-hint" role="status">
          {hint}
        </p>
      )}
      {notice && (
        <p class="hdnd-hint hdnd-notice" role="alert" data-testid="viewer-notice">
          {notice.text} {notice.href && <a href={notice.href}>{t('viewer.openNew')}</a>}
        </p>
      )}
      {(noteMode || placingId) && (
        <p class="hdnd-hint" role="status">
          {t(placingId ? 'ann.placeNoteMode' : 'ann.noteMode')}
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
        <section class="hdnd-side hdnd-side-left" aria-label={t('viewer.sidePanel')}>
          <Tabs
            label={t('viewer.sidePanel')}
            tabs={[
              ['pages', 'viewer.pages'],
              ['outline', 'viewer.outline'],
            ]}
            selected={leftTab}
            onSelect={(tab) => {
              setLeftTab(tab);
              try {
                localStorage.setItem(LEFT_TAB_KEY, tab);
              } catch {
                // storage unavailable: the choice lasts for this page
              }
            }}
          />
          <div
            class="hdnd-side-panel"
            role="tabpanel"
            id={`panel-${leftTab}`}
            aria-labelledby={`tab-${leftTab}`}
          >
            {leftTab === 'pages' ? (
              <Thumbnails
                doc={pdfDoc}
                view={painted ? view.current : null}
                current={pageNumber}
                onGo={(n) => view.current?.goToPage(n)}
              />
            ) : (
              <Outline
                items={outline}
                onGo={(dest) => dest && void view.current?.linkService.goToDestination(dest)}
              />
            )}
          </div>
        </section>
        <div class={`hdnd-pdf-frame ${noteMode || placingId ? 'is-note-mode' : ''}`}>
          <div ref={container} class="hdnd-pdf-container" data-testid="pdf-container" tabIndex={0}>
            <div class="pdfViewer" />
          </div>
        </div>
        <section class="hdnd-side hdnd-side-right" aria-label={t('viewer.documentPanel')}>
          <Tabs
            label={t('viewer.documentPanel')}
            tabs={[
              ['annotations', 'viewer.tab.annotations'],
              ['notes', 'viewer.tab.notes'],
              ['export', 'viewer.tab.export'],
            ]}
            selected={rightTab}
            onSelect={(tab) => {
              // Notes link to annotations and exports read them: save pending edits first.
              void manager.current?.flush();
              setRightTab(tab);
            }}
          />
          <div
            class="hdnd-side-panel"
            role="tabpanel"
            id={`panel-${rightTab}`}
            aria-labelledby={`tab-${rightTab}`}
          >
            {rightTab === 'annotations' && (
              <AnnotationList
                annotations={annotations}
                selectedId={selectedId}
                editingId={editingId}
                onSelect={jumpTo}
                onEdit={setEditingId}
                onUpdate={(annId: string, patch: AnnotationPatch) => m?.update(annId, patch)}
                onDelete={(annId) => m?.remove(annId)}
                onPlace={place}
                moved={moved}
              />
            )}
            {rightTab === 'notes' && <NotesPanel docId={id} />}
            {rightTab === 'export' && (
              <ExportButtons
                docId={id}
                onBeforeExport={async () => {
                  await manager.current?.flush();
                }}
              />
            )}
          </div>
        </section>
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
