// The secretary's parts of the official minutes in the staff app: number and symbol, the place
// written before the date, a conclusion for each agenda item and the closing paragraph, saved as a
// draft; then "finalise" (once the meeting has ended) issues the .pdf and .docx, locks them, and
// shows their SHA-256 as the audit log records it.
import { useEffect, useState } from 'preact/hooks';
import type { MinutesRecord } from '../../../../shared/admin';
import { moreApi } from './api-staff';
import { lang, t, tf } from './i18n';
import { act } from './notice';
import { TextField } from './TextField';

const when = (iso: string) => new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');

export function MinutesRecordEditor({
  meetingId,
  onChanged,
}: {
  meetingId: string;
  onChanged: () => void;
}) {
  const [record, setRecord] = useState<MinutesRecord | null>(null);
  const [draft, setDraft] = useState<MinutesRecord | null>(null);
  const load = async () => {
    const r = await act(() => moreApi.minutesRecord(meetingId));
    if (r) {
      setRecord(r);
      setDraft(r);
    }
  };
  useEffect(() => void load(), [meetingId]);
  if (!record || !draft) return null;
  const final = record.finalisedAt !== null;
  const body = () => ({
    number: draft.number,
    place: draft.place,
    closing: draft.closing,
    conclusions: draft.agenda.map((a) => ({ agendaItemId: a.id, text: a.conclusion })),
  });
  const save = async () => {
    const r = await act(() => moreApi.saveMinutesRecord(meetingId, body()), t('minSaved'));
    if (r) {
      setRecord(r);
      setDraft(r);
      onChanged();
    }
  };
  const finalise = async () => {
    if (!window.confirm(t('minFinaliseConfirm'))) return;
    // What is on screen is what gets issued: save first, then finalise.
    const saved = await act(() => moreApi.saveMinutesRecord(meetingId, body()));
    if (!saved) return;
    const r = await act(() => moreApi.finaliseMinutes(meetingId), t('minFinalised'));
    if (r) {
      setRecord(r);
      setDraft(r);
      onChanged();
    }
  };
  return (
    <section class="card" aria-labelledby="min-record" data-testid="minutes-record">
      <h2 id="min-record">{t('minRecordTitle')}</h2>
      {final ? (
        <div class="final" data-testid="minutes-final">
          <p>
            <strong>
              {tf('minFinalAt', { time: when(record.finalisedAt!), who: record.finalisedBy ?? '' })}
            </strong>
          </p>
          <p class="muted">{t('minFinalNote')}</p>
          <p class="hash">PDF SHA-256: {record.pdfSha256}</p>
          <p class="hash">.docx SHA-256: {record.docxSha256}</p>
        </div>
      ) : (
        <p class="muted">{t('minRecordHelp')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={final}>
          <TextField
            label={t('minNumber')}
            value={draft.number}
            onValue={(number) => setDraft({ ...draft, number })}
            placeholder="05/BB-HĐND"
            maxLength={60}
          />
          <TextField
            label={t('minPlace')}
            value={draft.place}
            onValue={(place) => setDraft({ ...draft, place })}
            hint={t('minPlaceHint')}
            maxLength={120}
          />
          {draft.agenda.map((a, i) => (
            <div class="field" key={a.id}>
              <label for={`conclusion-${a.id}`}>
                {tf('minConclusionOf', { n: a.position, title: a.title })}
              </label>
              <textarea
                id={`conclusion-${a.id}`}
                rows={3}
                maxLength={20000}
                value={a.conclusion}
                onInput={(e) => {
                  const agenda = [...draft.agenda];
                  agenda[i] = { ...a, conclusion: e.currentTarget.value };
                  setDraft({ ...draft, agenda });
                }}
              />
            </div>
          ))}
          <div class="field">
            <label for="minutes-closing">{t('minClosing')}</label>
            <textarea
              id="minutes-closing"
              rows={3}
              maxLength={20000}
              value={draft.closing}
              onInput={(e) => setDraft({ ...draft, closing: e.currentTarget.value })}
            />
          </div>
          <div class="actions wrap">
            <button type="submit">{t('minSave')}</button>
            <button type="button" class="primary" onClick={() => void finalise()}>
              {t('minFinalise')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
