// The delegate's own participation record in the side panel: a participant session from the
// remembered invitation (no room, so no presence), then the record the server computes for the
// member of that session only — the figures and each sitting with how they attended.
import { useState } from 'preact/hooks';
import {
  participationLines,
  sittingAttendanceLabel,
  type ParticipationRecord,
} from '../../shared/participation';
import { ClientError, meetingClient } from '../../shared/meeting-client';
import { participationRoutes } from '../../shared/routes/participation';
import { lang, t, tr } from '../base/i18n';

const errorText = (e: unknown) => (e instanceof ClientError ? e.message : String(e));

export function PanelRecord({ origin, token }: { origin: string; token: string }) {
  const [record, setRecord] = useState<ParticipationRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    try {
      const client = meetingClient({ base: origin, lang: () => lang.value });
      const j = await client.joinMeeting({ invitation: token });
      setRecord(
        await client.route(participationRoutes.myParticipation, {
          params: { meetingId: j.meetingId },
          query: {},
          token: j.sessionToken,
        }),
      );
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <section class="card" aria-labelledby="mp-record" data-testid="panel-record">
      <p class="eyebrow" id="mp-record">
        {t('record.title')}
      </p>
      {!record ? (
        <>
          <p class="muted">{t('record.intro')}</p>
          <button type="button" disabled={busy} onClick={() => void open()}>
            {t('record.open')}
          </button>
        </>
      ) : (
        <>
          <p>
            <strong>{record.summary.name}</strong> · {record.councilName}
          </p>
          {participationLines(record.summary).map((line, i) => (
            <p key={i}>{tr(line)}</p>
          ))}
          <p class="eyebrow">{t('record.sittings')}</p>
          {record.sittings.length === 0 ? (
            <p class="muted">{t('record.none')}</p>
          ) : (
            <ul>
              {record.sittings.map((s) => (
                <li key={s.meetingId}>
                  {day(s.startsAt)} — {s.title}: {tr(sittingAttendanceLabel[s.attendance])}
                  {s.late ? `, ${t('record.late')}` : ''}
                  {s.leftEarly ? `, ${t('record.leftEarly')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
