// The viewer's toolbar: back to the library, pages, zoom, find (accents optional), highlight
// colour, highlight / comment / sticky note, undo / redo. Every control is labelled.
import type { RefObject } from 'preact';
import { lang, setLang, t, type MessageKey } from '../../base/i18n';
import { COLORS } from './overlay';
import type { FindCount } from './pdf-view';

export interface ViewerToolbarProps {
  title: string;
  pageNumber: number;
  pagesCount: number;
  onPage: (n: number) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
  findInput: RefObject<HTMLInputElement>;
  findText: string;
  onFindText: (s: string) => void;
  onFind: (previous: boolean) => void;
  findCount: FindCount | null;
  color: string;
  onColor: (c: string) => void;
  onHighlight: () => void;
  onComment: () => void;
  noteMode: boolean;
  onNoteMode: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  saveState: string | null;
}

export function ViewerToolbar(p: ViewerToolbarProps) {
  // Keep the mouse-down on toolbar buttons from clearing the text selection.
  const keepSelection = (e: MouseEvent) => e.preventDefault();
  return (
    <div class="hdnd-toolbar" role="toolbar" aria-label={p.title}>
      <a href="#/" class="hdnd-button">
        {t('viewer.back')}
      </a>
      <h1 class="hdnd-doc-title" data-testid="viewer-title">
        {p.title}
      </h1>
      <div class="hdnd-group">
        <button
          type="button"
          aria-label={t('viewer.prevPage')}
          title={t('viewer.prevPage')}
          onClick={() => p.onPage(p.pageNumber - 1)}
        >
          ‹
        </button>
        <input
          class="hdnd-page-input"
          type="number"
          min={1}
          max={p.pagesCount || 1}
          aria-label={t('viewer.pageNumber')}
          value={p.pageNumber}
          onChange={(e) => p.onPage(Number(e.currentTarget.value))}
        />
        <span data-testid="pages-count">{t('viewer.ofPages', { n: p.pagesCount })}</span>
        <button
          type="button"
          aria-label={t('viewer.nextPage')}
          title={t('viewer.nextPage')}
          onClick={() => p.onPage(p.pageNumber + 1)}
        >
          ›
        </button>
      </div>
      <div class="hdnd-group">
        <button
          type="button"
          aria-label={t('viewer.zoomOut')}
          title={t('viewer.zoomOut')}
          onClick={p.onZoomOut}
        >
          −
        </button>
        <button type="button" onClick={p.onFitWidth}>
          {t('viewer.fitWidth')}
        </button>
        <button
          type="button"
          aria-label={t('viewer.zoomIn')}
          title={t('viewer.zoomIn')}
          onClick={p.onZoomIn}
        >
          +
        </button>
      </div>
      <form
        class="hdnd-group"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          p.onFind(false);
        }}
      >
        <input
          ref={p.findInput}
          type="search"
          aria-label={t('viewer.find')}
          placeholder={t('viewer.find')}
          value={p.findText}
          onInput={(e) => p.onFindText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              p.onFind(true);
            }
          }}
        />
        <button
          type="button"
          aria-label={t('viewer.findPrev')}
          title={t('viewer.findPrev')}
          onClick={() => p.onFind(true)}
        >
          ↑
        </button>
        <button type="submit" aria-label={t('viewer.findNext')} title={t('viewer.findNext')}>
          ↓
        </button>
        <span aria-live="polite" data-testid="find-count">
          {p.findCount
            ? p.findCount.total
              ? t('viewer.findCount', { current: p.findCount.current, total: p.findCount.total })
              : t('viewer.findNone')
            : ''}
        </span>
      </form>
      <div class="hdnd-group">
        <label>
          <span class="hdnd-visually-hidden">{t('ann.color')}</span>
          <select
            aria-label={t('ann.color')}
            value={p.color}
            onChange={(e) => p.onColor(e.currentTarget.value)}
          >
            {Object.keys(COLORS).map((c) => (
              <option key={c} value={c}>
                {t(`ann.color.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onMouseDown={keepSelection}
          onClick={p.onHighlight}
          style={{ borderBottom: `4px solid ${COLORS[p.color]}` }}
        >
          {t('ann.highlight')}
        </button>
        <button type="button" onMouseDown={keepSelection} onClick={p.onComment}>
          {t('ann.comment')}
        </button>
        <button type="button" aria-pressed={p.noteMode} onClick={p.onNoteMode}>
          {t('ann.note')}
        </button>
        <button type="button" disabled={!p.canUndo} onClick={p.onUndo}>
          {t('ann.undo')}
        </button>
        <button type="button" disabled={!p.canRedo} onClick={p.onRedo}>
          {t('ann.redo')}
        </button>
        <span class="hdnd-save-state" aria-live="polite">
          {p.saveState === 'saving' || p.saveState === 'pending'
            ? t('ann.saving')
            : p.saveState === 'error'
              ? t('ann.saveFailed')
              : p.saveState === 'saved'
                ? t('ann.saved')
                : ''}
        </span>
      </div>
      <button
        type="button"
        aria-label={t('app.languageLabel')}
        onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
      >
        {t('app.language')}
      </button>
    </div>
  );
}
