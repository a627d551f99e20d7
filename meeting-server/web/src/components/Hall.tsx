// The hall display for a projector: the agenda item, who has the floor with a large timer, the
// open vote's progress, the result the chair shows (or the latest one), and the QR code voters scan.
import { useState } from 'preact/hooks';
import { handKindLabel, type MeetingState } from '../../../../shared/meeting';
import type { LiveMeeting } from '../live';
import { lang, t, tf, tr } from '../i18n';
import {
  currentAgendaItem,
  lastClosedMotion,
  openMotion,
  shownResult,
} from '../../../../shared/meeting-state';
import { StatusBadge, Timer } from './common';
import { RoleBadge } from '../../../../shared/ui/RoleBadge';
import { ResultCard } from '../../../../shared/ui/ResultCard';

export function Hall({
  live,
  state,
  onBack,
}: {
  live: LiveMeeting;
  state: MeetingState;
  onBack?: () => void;
}) {
  const item = currentAgendaItem(state);
  const f = state.floor;
  const voting = openMotion(state);
  const result = shownResult(state) ?? lastClosedMotion(state);
  const [qrFailed, setQrFailed] = useState(false);
  return (
    <div class="hall" data-testid="hall">
      <header class="hall-head">
        <div>
          <p class="hall-council">{state.meeting.councilName}</p>
          <h1>{state.meeting.title}</h1>
        </div>
        <div class="row">
          <StatusBadge status={state.meeting.status} />
          {onBack && (
            <button type="button" onClick={onBack}>
              {t('backToConsole')}
            </button>
          )}
        </div>
      </header>
      <div class="hall-grid">
        <div class="hall-main">
          <section aria-labelledby="hall-item">
            <h2 id="hall-item" class="eyebrow">
              {t('currentItem')}
            </h2>
            <p class="hall-item">{item ? `${item.position}. ${item.title}` : t('noCurrentItem')}</p>
          </section>
          <section aria-labelledby="hall-floor" class="hall-floor">
            <h2 id="hall-floor" class="eyebrow">
              {t('speaking')}
            </h2>
            {f ? (
              <>
                <p class="hall-speaker">{f.name}</p>
                <p class="muted">
                  <RoleBadge role={f.role} lang={lang.value} /> {tr(handKindLabel[f.kind])}
                </p>
                <p class="hall-timer">
                  <Timer endsAt={f.endsAt} offset={live.offset.value} />
                </p>
              </>
            ) : (
              <p class="muted">{t('nobodySpeaking')}</p>
            )}
          </section>
          {voting && (
            <section class="hall-voting" aria-labelledby="hall-vote">
              <h2 id="hall-vote" class="eyebrow">
                {t('statusVoting')}
              </h2>
              <p class="hall-item">{voting.title}</p>
              <p class="hall-count">
                {tf('castCount', { cast: voting.castCount, eligible: voting.eligibleCount })}
                {voting.closesAt && (
                  <>
                    {' · '}
                    <Timer endsAt={voting.closesAt} offset={live.offset.value} />
                  </>
                )}
              </p>
            </section>
          )}
          {!voting && result && <ResultCard lang={lang.value} motion={result} big />}
        </div>
        <aside class="hall-qr">
          {qrFailed ? (
            <p class="muted">{t('qrMissing')}</p>
          ) : (
            <img
              src={live.api.qrUrl()}
              alt={t('qrAlt')}
              width={280}
              height={280}
              onError={() => setQrFailed(true)}
            />
          )}
          <p>{t('scanToJoin')}</p>
        </aside>
      </div>
    </div>
  );
}
