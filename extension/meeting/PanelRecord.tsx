// The delegate's own participation record in the side panel: a participant session from the
// remembered invitation (no room, so no presence), then the record the server computes for the
// member of that session only, shown as the meeting page shows it (shared/ui/ParticipationView).
import { useState } from 'preact/hooks';
import type { ParticipationRecord } from '../../shared/participation';
import { ClientError, meetingClient } from '../../shared/meeting-client';
import { participationRoutes } from '../../shared/routes/participation';
import { ParticipationView } from '../../shared/ui/ParticipationView';
import { lang, t } from '../base/i18n';

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
        <ParticipationView record={record} lang={lang.value} />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
