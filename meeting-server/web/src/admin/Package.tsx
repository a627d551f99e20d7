// A meeting's session package (gói tài liệu kỳ họp): create it, drop many PDFs at once (each with
// its own progress bar and, if the server refuses it, the reason and what to do), put each document
// under an agenda item, reorder, upload a new version of a draft with its reason, publish; see which
// delegate has downloaded which version; copy the package link and print its QR code.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Meeting as MeetingData } from '../../../../shared/admin';
import { roleLabel } from '../../../../shared/domain';
import type {
  PackageDocument,
  PackageDownloads,
  PackageLinks,
  PackageManifest,
} from '../../../../shared/packages';
import { packageRoutes as pk } from '../../../../shared/routes/packages';
import { call, staffApi } from './api';
import { lang, t, tf } from './i18n';
import { Link } from './Link';
import { act, errorText, notify } from './notice';
import {
  currentReach,
  fold,
  moveItem,
  percent,
  readerStatus,
  sortByAgenda,
  summarize,
  titleFromFileName,
  type UploadState,
} from './package-logic';
import { uploadFile } from './upload';
import { useLoad } from './use-load';
import { TextField } from './TextField';
import './package.css';

const when = (iso: string) =>
  new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });

function CreatePackage({
  meeting,
  onCreated,
}: {
  meeting: MeetingData;
  onCreated: (m: PackageManifest) => void;
}) {
  const [title, setTitle] = useState(tf('pkgDefaultName', { meeting: meeting.title }));
  const [visibility, setVisibility] = useState<'private' | 'public'>('private');
  return (
    <form
      class="card inline-form"
      aria-label={t('pkgCreate')}
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () =>
            call(pk.createPackage, {
              params: { meetingId: meeting.id },
              body: { title, visibility },
            }),
          t('pkgCreated'),
        ).then((m) => m && onCreated(m));
      }}
    >
      <TextField id="pkg-name" label={t('pkgName')} required value={title} onValue={setTitle} />
      <div class="field">
        <label for="pkg-visibility">{t('pkgVisibility')}</label>
        <select
          id="pkg-visibility"
          value={visibility}
          onChange={(e) => setVisibility(e.currentTarget.value as 'private' | 'public')}
        >
          <option value="private">{t('pkgPrivate')}</option>
          <option value="public">{t('pkgPublic')}</option>
        </select>
      </div>
      <button type="submit" class="primary">
        {t('pkgCreate')}
      </button>
    </form>
  );
}

interface QueueItem {
  key: number;
  file: File;
  agendaItemId: string | null;
  state: UploadState;
}

let nextKey = 1;

/** The drop zone, the file picker and the upload queue (one file at a time, in the given order). */
function Uploader({
  manifest,
  onManifest,
}: {
  manifest: PackageManifest;
  onManifest: (m: PackageManifest) => void;
}) {
  const items = useRef<QueueItem[]>([]);
  const busy = useRef(false);
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);
  const [under, setUnder] = useState('');
  const [dragging, setDragging] = useState(false);
  const packageId = manifest.id;

  const pump = async () => {
    if (busy.current) return;
    busy.current = true;
    let done = 0;
    let failed = 0;
    try {
      for (;;) {
        const it = items.current.find((i) => i.state.kind === 'waiting');
        if (!it) break;
        it.state = { kind: 'sending', fraction: 0 };
        rerender();
        try {
          const m = await uploadFile(
            pk.uploadDocument,
            {
              params: { packageId },
              query: {
                title: titleFromFileName(it.file.name),
                fileName: it.file.name,
                ...(it.agendaItemId ? { agendaItemId: it.agendaItemId } : {}),
              },
            },
            it.file,
            'application/pdf',
            (f) => {
              it.state = f >= 1 ? { kind: 'checking' } : { kind: 'sending', fraction: f };
              rerender();
            },
          );
          it.state = { kind: 'done' };
          done++;
          onManifest(m);
        } catch (e) {
          it.state = { kind: 'failed', message: errorText(e) };
          failed++;
        }
        rerender();
      }
    } finally {
      busy.current = false;
    }
    if (failed) notify('error', tf('pkgSomeFailed', { done, failed }));
    else if (done) notify('ok', tf('pkgAllUploaded', { n: done }));
  };

  const add = (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    for (const file of Array.from(files)) {
      items.current.push({
        key: nextKey++,
        file,
        agendaItemId: under || null,
        state: { kind: 'waiting' },
      });
    }
    rerender();
    void pump();
  };

  const states = items.current.map((i) => i.state);
  const sum = summarize(states);
  const stateText = (s: UploadState) =>
    s.kind === 'waiting'
      ? t('pkgWaiting')
      : s.kind === 'sending'
        ? tf('pkgSending', { n: percent(s.fraction) })
        : s.kind === 'checking'
          ? t('pkgChecking')
          : s.kind === 'done'
            ? t('pkgDone')
            : tf('pkgFailed', { message: s.message });
  const progressValue = (s: UploadState) =>
    s.kind === 'sending' ? percent(s.fraction) : s.kind === 'waiting' ? 0 : 100;

  return (
    <section class="card" aria-labelledby="pkg-upload-title">
      <h3 id="pkg-upload-title">{t('pkgUploadTitle')}</h3>
      <div class="field">
        <label for="pkg-under">{t('pkgUploadUnder')}</label>
        <select id="pkg-under" value={under} onChange={(e) => setUnder(e.currentTarget.value)}>
          <option value="">{t('pkgNoItem')}</option>
          {manifest.agenda.map((a) => (
            <option key={a.id} value={a.id}>
              {a.position}. {a.title}
            </option>
          ))}
        </select>
      </div>
      <div
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        <p class="drop-text">{dragging ? t('pkgDropping') : t('pkgDrop')}</p>
        <label for="pkg-files">{t('pkgPick')}</label>
        <input
          id="pkg-files"
          type="file"
          multiple
          accept=".pdf,application/pdf"
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {sum.total > 0 && (
        <>
          <p class="muted" aria-live="polite">
            {tf('pkgQueueSummary', { ...sum })}
          </p>
          <div class="upload-queue" role="region" aria-label={t('pkgQueue')} tabIndex={0}>
            <ul class="rows">
              {items.current.map((it) => (
                <li key={it.key} class={`upload ${it.state.kind}`}>
                  <span class="file-name">{it.file.name}</span>
                  <progress
                    max={100}
                    value={progressValue(it.state)}
                    aria-label={tf('pkgProgressOf', { name: it.file.name })}
                  />
                  <span class={it.state.kind === 'failed' ? 'error' : 'muted'}>
                    {stateText(it.state)}
                  </span>
                  {it.state.kind === 'failed' && (
                    <button
                      type="button"
                      onClick={() => {
                        it.state = { kind: 'waiting' };
                        rerender();
                        void pump();
                      }}
                    >
                      {t('pkgRetry')}
                      <span class="sr-only"> {it.file.name}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
          {sum.pending === 0 && (
            <button
              type="button"
              onClick={() => {
                items.current = items.current.filter((i) => i.state.kind === 'failed');
                rerender();
              }}
            >
              {t('pkgClearDone')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The form under a document's row: the revised PDF and the reason for the change. */
function NewVersion({
  packageId,
  doc,
  onDone,
  onCancel,
}: {
  packageId: string;
  doc: PackageDocument;
  onDone: (m: PackageManifest) => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const id = `ver-${doc.id}`;
  return (
    <form
      class="new-version"
      aria-label={tf('pkgNewVersionOf', { title: doc.title })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) {
          setError(t('pkgChooseFile'));
          return;
        }
        setError('');
        setProgress(0);
        uploadFile(
          pk.uploadVersion,
          { params: { packageId, documentId: doc.id }, query: { reason, fileName: file.name } },
          file,
          'application/pdf',
          setProgress,
        ).then(
          (m) => {
            notify('ok', tf('pkgVersionAdded', { n: doc.current + 1, title: doc.title }));
            onDone(m);
          },
          (err: unknown) => {
            setProgress(null);
            setError(errorText(err));
          },
        );
      }}
    >
      <div class="field">
        <label for={`${id}-file`}>{t('pkgVersionFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".pdf,application/pdf"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <TextField
        id={`${id}-reason`}
        label={t('pkgReason')}
        required
        maxLength={300}
        hint={t('pkgReasonHint')}
        value={reason}
        onValue={setReason}
      />
      {progress !== null && (
        <progress
          max={100}
          value={percent(progress)}
          aria-label={tf('pkgProgressOf', { name: file?.name ?? '' })}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={progress !== null}>
          {t('pkgSendVersion')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('pkgCancel')}
        </button>
      </div>
    </form>
  );
}

function Documents({
  manifest,
  downloads,
  onManifest,
}: {
  manifest: PackageManifest;
  downloads: PackageDownloads | null;
  onManifest: (m: PackageManifest) => void;
}) {
  const [query, setQuery] = useState('');
  const [revising, setRevising] = useState<string | null>(null);
  const docs = manifest.documents;
  const reach = currentReach(docs, downloads?.readers ?? []);
  const readers = (downloads?.readers ?? []).filter((r) => !r.revoked).length;
  const filtered = query.trim()
    ? docs.filter((d) =>
        fold(`${d.title} ${d.versions.at(-1)!.fileName}`).includes(fold(query.trim())),
      )
    : docs;
  /** Shows the new order at once (a second change builds on it) and saves it; reloads on error. */
  const save = (next: PackageDocument[]) => {
    onManifest({ ...manifest, documents: next });
    void act(
      () =>
        call(pk.orderDocuments, {
          params: { packageId: manifest.id },
          body: { documents: next.map((d) => ({ id: d.id, agendaItemId: d.agendaItemId })) },
        }),
      t('pkgOrderSaved'),
    ).then(async (m) =>
      onManifest(m ?? (await call(pk.package, { params: { packageId: manifest.id } }))),
    );
  };
  const itemTitle = new Map(manifest.agenda.map((a) => [a.id, `${a.position}. ${a.title}`]));
  return (
    <section class="card" aria-labelledby="pkg-docs-title">
      <h3 id="pkg-docs-title">{tf('pkgDocsTitle', { n: docs.length })}</h3>
      {docs.length === 0 && <p>{t('pkgDocsEmpty')}</p>}
      {docs.length > 1 && (
        <div class="row-form">
          <label for="pkg-search">{t('pkgSearch')}</label>
          <input
            id="pkg-search"
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <button type="button" onClick={() => save(sortByAgenda(docs, manifest.agenda))}>
            {t('pkgSortAgenda')}
          </button>
        </div>
      )}
      {query.trim() && <p class="muted">{t('pkgSearchMoveOff')}</p>}
      {docs.length > 0 && (
        <div class="table-scroll">
          <table class="documents">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('pkgColDoc')}</th>
                <th scope="col">{t('pkgColItem')}</th>
                <th scope="col">{t('pkgColReach')}</th>
                <th scope="col">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {filtered.map((d) => {
                const i = docs.indexOf(d);
                const cur = d.versions.at(-1)!;
                return [
                  <tr key={d.id}>
                    <td>{i + 1}</td>
                    <td>
                      <strong>{d.title}</strong>
                      <div class="muted">
                        {tf('pkgVersion', { n: d.current })} · {cur.fileName}
                        {cur.reason && <> · {tf('pkgVersionReason', { reason: cur.reason })}</>}
                      </div>
                      {d.versions.length > 1 && (
                        <details>
                          <summary>{tf('pkgVersions', { n: d.versions.length })}</summary>
                          <ol>
                            {d.versions.map((v) => (
                              <li key={v.number}>
                                {tf('pkgVersion', { n: v.number })} · {when(v.createdAt)} ·{' '}
                                {v.fileName}
                                {v.reason && <> · {tf('pkgVersionReason', { reason: v.reason })}</>}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={tf('pkgItemOf', { title: d.title })}
                        value={d.agendaItemId ?? ''}
                        title={d.agendaItemId ? itemTitle.get(d.agendaItemId) : undefined}
                        onChange={(e) => {
                          const v = e.currentTarget.value || null;
                          save(docs.map((x) => (x.id === d.id ? { ...x, agendaItemId: v } : x)));
                        }}
                      >
                        <option value="">{t('pkgNoItem')}</option>
                        {manifest.agenda.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.position}. {a.title}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {reach.get(d.id) ?? 0}/{readers}
                    </td>
                    <td>
                      <div class="actions">
                        <button
                          type="button"
                          disabled={i === 0 || !!query.trim()}
                          aria-label={tf('pkgMoveUp', { title: d.title })}
                          onClick={() => save(moveItem(docs, i, i - 1))}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          disabled={i === docs.length - 1 || !!query.trim()}
                          aria-label={tf('pkgMoveDown', { title: d.title })}
                          onClick={() => save(moveItem(docs, i, i + 1))}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          aria-expanded={revising === d.id}
                          onClick={() => setRevising(revising === d.id ? null : d.id)}
                        >
                          {t('pkgNewVersion')}
                          <span class="sr-only"> {d.title}</span>
                        </button>
                      </div>
                    </td>
                  </tr>,
                  revising === d.id && (
                    <tr key={`${d.id}-version`}>
                      <td colSpan={5}>
                        <NewVersion
                          packageId={manifest.id}
                          doc={d}
                          onCancel={() => setRevising(null)}
                          onDone={(m) => {
                            setRevising(null);
                            onManifest(m);
                          }}
                        />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Downloads({
  manifest,
  downloads,
  links,
  onRefresh,
}: {
  manifest: PackageManifest;
  downloads: PackageDownloads | null;
  links: PackageLinks | null;
  onRefresh: () => void;
}) {
  const [onlyBehind, setOnlyBehind] = useState(false);
  if (!downloads) return null;
  const docs = manifest.documents;
  const title = new Map(docs.map((d) => [d.id, d.title]));
  const personal = new Map((links?.personal ?? []).map((p) => [p.invitationId, p.url]));
  const rows = [...downloads.readers]
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'vi'))
    .map((r) => ({ r, s: readerStatus(docs, r) }));
  const live = rows.filter((x) => !x.r.revoked);
  const full = live.filter((x) => x.s.current.length === docs.length).length;
  const shown = onlyBehind ? rows.filter((x) => x.s.current.length < docs.length) : rows;
  return (
    <section class="card" aria-labelledby="pkg-downloads-title">
      <h3 id="pkg-downloads-title">{t('pkgDownloadsTitle')}</h3>
      {rows.length === 0 ? (
        <p>{t('pkgNoReaders')}</p>
      ) : (
        <>
          <p>{tf('pkgDownloadsSummary', { full, readers: live.length, docs: docs.length })}</p>
          <div class="actions wrap">
            <label class="check">
              <input
                type="checkbox"
                checked={onlyBehind}
                onChange={(e) => setOnlyBehind(e.currentTarget.checked)}
              />
              {t('pkgOnlyBehind')}
            </label>
            <button type="button" onClick={onRefresh}>
              {t('pkgRefresh')}
            </button>
          </div>
          <div class="table-scroll">
            <table class="downloads">
              <thead>
                <tr>
                  <th scope="col">{t('pkgColReader')}</th>
                  <th scope="col">{t('role')}</th>
                  <th scope="col">{t('pkgColCurrent')}</th>
                  <th scope="col">{t('pkgColOld')}</th>
                  <th scope="col">{t('pkgColMissing')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ r, s }) => {
                  const name = r.name ?? roleLabel[r.role][lang.value];
                  const url = personal.get(r.invitationId);
                  return (
                    <tr key={r.invitationId}>
                      <td>
                        {name} {r.revoked && <span class="muted">{t('pkgRevoked')}</span>}
                      </td>
                      <td>{roleLabel[r.role][lang.value]}</td>
                      <td>
                        {s.current.length}/{docs.length}
                      </td>
                      <td>
                        {s.outdated
                          .map((o) =>
                            tf('pkgOldOne', { title: title.get(o.documentId)!, n: o.version }),
                          )
                          .join('; ')}
                      </td>
                      <td>{s.missing.length}</td>
                      <td>
                        {url && (
                          <button
                            type="button"
                            onClick={() =>
                              void act(
                                () => navigator.clipboard.writeText(url),
                                tf('pkgPersonalCopied', { name }),
                              )
                            }
                          >
                            {t('pkgCopyPersonal')}
                            <span class="sr-only"> {name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function PackageView({ id }: { id: string }) {
  const [loaded] = useLoad(() => call(pk.package, { params: { packageId: id } }), [id]);
  const [manifest, setManifest] = useState<PackageManifest | null>(null);
  const [downloads, reloadDownloads] = useLoad(
    () => call(pk.packageDownloads, { params: { packageId: id } }),
    [id],
  );
  const [links] = useLoad(() => call(pk.packageLinks, { params: { packageId: id } }), [id]);
  const m = manifest ?? loaded;
  if (!m) return <p>{t('loading')}</p>;
  return (
    <>
      <section class="card" aria-labelledby="pkg-state-title">
        <h3 id="pkg-state-title">{m.title}</h3>
        <p class="muted">{m.visibility === 'private' ? t('pkgPrivate') : t('pkgPublic')}</p>
        {m.publishedAt ? (
          <p class="published">
            {tf('pkgPublishedAt', { time: when(m.publishedAt), revision: m.revision })}
          </p>
        ) : (
          <>
            <p>{t('pkgDraft')}</p>
            <p class="muted">{m.documents.length ? t('pkgPublishHint') : t('pkgPublishEmpty')}</p>
            <button
              type="button"
              class="primary"
              disabled={m.documents.length === 0}
              onClick={() =>
                void act(
                  () => call(pk.publishPackage, { params: { packageId: m.id } }),
                  t('pkgPublished'),
                ).then((p) => p && setManifest(p))
              }
            >
              {t('pkgPublish')}
            </button>
          </>
        )}
      </section>
      <Uploader manifest={m} onManifest={setManifest} />
      <Documents manifest={m} downloads={downloads} onManifest={setManifest} />
      {links && (
        <section class="card" aria-labelledby="pkg-links-title">
          <h3 id="pkg-links-title">{t('pkgLinksTitle')}</h3>
          <div class="field">
            <label for="pkg-link">{t('pkgLink')}</label>
            <input id="pkg-link" readOnly value={links.url} />
          </div>
          <div class="actions wrap">
            <button
              type="button"
              onClick={() =>
                void act(() => navigator.clipboard.writeText(links.url), t('pkgLinkCopied'))
              }
            >
              {t('pkgCopyLink')}
            </button>
            <Link class="button" to={`/admin/packages/${m.id}/qr`}>
              {t('pkgPrintQr')}
            </Link>
          </div>
          <p class="muted">{t('pkgLinkHint')}</p>
        </section>
      )}
      <Downloads
        manifest={m}
        downloads={downloads}
        links={links}
        onRefresh={() => void reloadDownloads()}
      />
    </>
  );
}

/** The package page of a meeting: `/admin/meetings/:id/package`. */
export function Package({ meetingId }: { meetingId: string }) {
  const [meeting] = useLoad(() => staffApi.meeting(meetingId), [meetingId]);
  const [list, reloadList] = useLoad(
    () => call(pk.packages, { params: { meetingId } }),
    [meetingId],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  if (!meeting || !list) return <p>{t('loading')}</p>;
  const created = (p: PackageManifest) => {
    setChosen(p.id);
    void reloadList();
  };
  const current = list.find((p) => p.id === chosen) ?? list[0];
  return (
    <>
      <p>
        <Link to={`/admin/meetings/${meeting.id}`}>{t('pkgBack')}</Link>
      </p>
      <h2 class="page-title">
        {t('pkgTitle')} — {meeting.title}
      </h2>
      {!current ? (
        <>
          <p>{t('pkgNone')}</p>
          <CreatePackage meeting={meeting} onCreated={created} />
        </>
      ) : (
        <>
          {list.length > 1 && (
            <div class="field inline-form">
              <label for="pkg-choose">{t('pkgChoose')}</label>
              <select
                id="pkg-choose"
                value={current.id}
                onChange={(e) => setChosen(e.currentTarget.value)}
              >
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <PackageView key={current.id} id={current.id} />
          <details class="card">
            <summary>{t('pkgCreateOther')}</summary>
            <CreatePackage meeting={meeting} onCreated={created} />
          </details>
        </>
      )}
    </>
  );
}

/** A printable page with the package's QR code and link: `/admin/packages/:id/qr`. */
export function PackageQr({ id }: { id: string }) {
  const [manifest] = useLoad(() => call(pk.package, { params: { packageId: id } }), [id]);
  const [links] = useLoad(() => call(pk.packageLinks, { params: { packageId: id } }), [id]);
  useEffect(() => {
    document.body.classList.add('print-page');
    return () => document.body.classList.remove('print-page');
  }, []);
  if (!manifest || !links) return <p>{t('loading')}</p>;
  return (
    <article class="qr-sheet">
      <p class="no-print">
        <Link to={`/admin/meetings/${manifest.meeting.id}/package`}>{t('pkgQrBack')}</Link>
      </p>
      <p>{manifest.meeting.councilName}</p>
      <h2 class="page-title">{manifest.title}</h2>
      <p>{manifest.meeting.title}</p>
      <img src={links.qrSvg} alt={t('pkgQrAlt')} width={320} height={320} />
      <p class="qr-link">{links.url}</p>
      <p>{t('pkgQrHow')}</p>
      <button type="button" class="primary no-print" onClick={() => window.print()}>
        {t('pkgPrint')}
      </button>
    </article>
  );
}
