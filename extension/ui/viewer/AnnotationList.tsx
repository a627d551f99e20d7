// The side list of a document's highlights, comments (góp ý) and notes: click to jump, edit the
// text, mark as draft comment, change colour, delete. Orphaned ones are listed apart, never hidden:
// with the page they had in the old version, a link that opens the old version at that passage,
// and a button to place them again by hand. Those moved onto a new version while this page was
// open are listed read-only, with a link to edit them there.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../db/db';
import type { AnnotationPatch } from '../../annotations/annotation-manager';
import { t, type MessageKey } from '../../base/i18n';
import { docHref } from '../../base/router';
import { COLORS } from './overlay';

export interface AnnotationListProps {
  annotations: readonly Annotation[];
  selectedId: string | null;
  editingId: string | null;
  onSelect: (a: Annotation) => void;
  onEdit: (id: string | null) => void;
  onUpdate: (id: string, patch: AnnotationPatch) => void;
  onDelete: (id: string) => void;
  /** Places an orphaned annotation by hand (the selected passage; a click for a sticky note). */
  onPlace: (a: Annotation) => void;
  /** Records moved onto another version while open: as shown here, and as they are now. */
  moved: readonly { here: Annotation; now: Annotation }[];
}

const KIND_LABEL: Record<Annotation['kind'], MessageKey> = {
  highlight: 'ann.highlight',
  comment: 'ann.comment',
  note: 'ann.note',
};

function Editor({
  a,
  onSave,
  onCancel,
}: {
  a: Annotation;
  onSave: (p: AnnotationPatch) => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(a.body ?? '');
  const [draft, setDraft] = useState(a.draftComment);
  const [color, setColor] = useState(a.color);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  return (
    <form
      class="hdnd-ann-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          body: body.trim() || undefined,
          draftComment: draft,
          color,
          kind: a.kind === 'note' ? 'note' : body.trim() || draft ? 'comment' : 'highlight',
        });
      }}
    >
      <label>
        {t('ann.bodyLabel')}
        <textarea
          ref={area}
          rows={4}
          value={body}
          placeholder={t(a.kind === 'note' ? 'ann.notePlaceholder' : 'ann.commentPlaceholder')}
          onInput={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey))
              e.currentTarget.form?.requestSubmit();
            if (e.key === 'Escape') onCancel();
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={draft}
          onChange={(e) => setDraft(e.currentTarget.checked)}
        />{' '}
        {t('ann.draftComment')}
      </label>
      <label>
        {t('ann.color')}{' '}
        <select value={color} onChange={(e) => setColor(e.currentTarget.value)}>
          {Object.keys(COLORS).map((c) => (
            <option key={c} value={c}>
              {t(`ann.color.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <div class="hdnd-row">
        <button type="submit">{t('ann.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('ann.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Colour, kind, draft-comment mark, page, quoted passage and text of one annotation. */
function Summary({ a, page }: { a: Annotation; page: string }) {
  return (
    <>
      <span
        class="hdnd-swatch"
        style={{ background: COLORS[a.color] ?? a.color }}
        aria-hidden="true"
      />
      <strong>{t(KIND_LABEL[a.kind])}</strong>
      {a.draftComment && <span class="hdnd-badge">{t('ann.draftComment')}</span>}
      <span class="hdnd-ann-page">{page}</span>
      {a.target.quote?.exact && <q class="hdnd-ann-quote">{a.target.quote.exact}</q>}
      {a.body && <span class="hdnd-ann-body">{a.body}</span>}
    </>
  );
}

function Item({ a, props }: { a: Annotation; props: AnnotationListProps }) {
  const selected = a.id === props.selectedId;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={ref}
      class={`hdnd-ann ${selected ? 'is-selected' : ''}`}
      data-testid="annotation-item"
      data-kind={a.kind}
    >
      <button type="button" class="hdnd-ann-jump" onClick={() => props.onSelect(a)}>
        <Summary
          a={a}
          page={
            a.orphaned && a.from
              ? t('ann.oldPage', { n: a.from.pageIndex + 1 })
              : t('ann.page', { n: a.target.pageIndex + 1 })
          }
        />
      </button>
      {a.orphaned && a.from && (
        <a
          class="hdnd-ann-old"
          href={docHref(a.from.docId, {
            page: a.from.pageIndex + 1,
            ...(a.target.quote?.exact ? { q: a.target.quote.exact } : {}),
          })}
        >
          {t('ann.openOld')}
        </a>
      )}
      {props.editingId === a.id ? (
        <Editor
          a={a}
          onCancel={() => props.onEdit(null)}
          onSave={(patch) => {
            props.onUpdate(a.id, patch);
            props.onEdit(null);
          }}
        />
      ) : (
        <div class="hdnd-row">
          {a.orphaned && (
            <button type="button" onClick={() => props.onPlace(a)}>
              {t(a.kind === 'note' ? 'ann.placeNote' : 'ann.placeOnSelection')}
            </button>
          )}
          <button
            type="button"
            onClick={() => props.onEdit(a.id)}
            aria-label={`${t('ann.edit')}: ${a.target.quote?.exact ?? a.body ?? ''}`}
          >
            {t('ann.edit')}
          </button>
          <button
            type="button"
            onClick={() => props.onDelete(a.id)}
            aria-label={`${t('ann.delete')}: ${a.target.quote?.exact ?? a.body ?? ''}`}
          >
            {t('ann.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A record moved onto another version while this page was open: read-only here. */
function Moved({ here, now }: { here: Annotation; now: Annotation }) {
  return (
    <li class="hdnd-ann is-moved" data-testid="moved-annotation" data-kind={now.kind}>
      {/* What it is and says now; its passage and page as they were here. */}
      <Summary
        a={{ ...now, target: here.target }}
        page={t('ann.page', { n: here.target.pageIndex + 1 })}
      />
      <a
        href={docHref(now.docId, {
          ...(now.orphaned ? {} : { page: now.target.pageIndex + 1 }),
          ann: now.id,
        })}
      >
        {t('ann.editOnNew')}
      </a>
    </li>
  );
}

export function AnnotationList(props: AnnotationListProps) {
  const placed = props.annotations.filter((a) => !a.orphaned);
  const orphaned = props.annotations.filter((a) => a.orphaned);
  return (
    <aside class="hdnd-ann-list" aria-labelledby="ann-heading">
      <h2 id="ann-heading">{t('ann.listHeading')}</h2>
      {placed.length === 0 && orphaned.length === 0 && props.moved.length === 0 && (
        <p>{t('ann.listEmpty')}</p>
      )}
      <ul>
        {placed.map((a) => (
          <Item key={a.id} a={a} props={props} />
        ))}
      </ul>
      {orphaned.length > 0 && (
        <>
          <h3>{t('ann.orphaned')}</h3>
          <ul data-testid="orphaned-annotations">
            {orphaned.map((a) => (
              <Item key={a.id} a={a} props={props} />
            ))}
          </ul>
        </>
      )}
      {props.moved.length > 0 && (
        <>
          <h3>{t('ann.movedHeading')}</h3>
          <p class="hdnd-hint">{t('ann.movedExplain')}</p>
          <ul data-testid="moved-annotations">
            {props.moved.map((m) => (
              <Moved key={m.here.id} here={m.here} now={m.now} />
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
