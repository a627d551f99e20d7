// What everyone follows: who has the floor and the time left, the current agenda item, the
// speaker's video, and the sound of every remote microphone.
import { handKindLabel, type MeetingState } from '../../../../shared/meeting';
import type { LiveMeeting, Person } from '../live';
import { lang, t, tr } from '../i18n';
import { RoleBadge } from '../../../../shared/ui/RoleBadge';
import { currentAgendaItem } from '../../../../shared/meeting-state';
import { AudioSink, StatusBadge, Timer, VideoView } from './common';

export function Stage({ live, state }: { live: LiveMeeting; state: MeetingState }) {
  const item = currentAgendaItem(state);
  const floor = state.floor;
  const speaker = floor ? live.people.value.find((p) => p.identity === floor.identity) : undefined;
  return (
    <section class="card stage" aria-labelledby="stage-title">
      <h2 id="stage-title" class="sr-only">
        {t('stage')}
      </h2>
      <p class="agenda-line">
        <StatusBadge status={state.meeting.status} /> <span class="muted">{t('currentItem')}:</span>{' '}
        <strong data-testid="current-item">
          {item ? `${item.position}. ${item.title}` : t('noCurrentItem')}
        </strong>
      </p>
      {floor ? (
        <div class="floor" data-testid="floor">
          <p class="eyebrow">
            {t('speaking')} · {tr(handKindLabel[floor.kind])}
          </p>
          <p class="speaker">
            <RoleBadge role={floor.role} lang={lang.value} /> <strong>{floor.name}</strong>
          </p>
          <p>
            {t('timeLeft')}: <Timer endsAt={floor.endsAt} offset={live.offset.value} />
          </p>
          {speaker?.video && <VideoView track={speaker.video} name={speaker.name} />}
        </div>
      ) : (
        <p class="muted">{t('nobodySpeaking')}</p>
      )}
      <Sounds people={live.people.value} />
    </section>
  );
}

/** Hidden audio elements for every subscribed remote microphone. */
export function Sounds({ people }: { people: Person[] }) {
  return (
    <div class="sounds">
      {people
        .filter((p) => p.audio)
        .map((p) => (
          <AudioSink key={p.identity} track={p.audio!} identity={p.identity} />
        ))}
    </div>
  );
}

/** Everyone with a camera on, the local preview first. */
export function VideoGrid({ people }: { people: Person[] }) {
  const withVideo = people.filter((p) => p.video);
  if (withVideo.length === 0) return null;
  return (
    <ul class="video-grid">
      {withVideo.map((p) => (
        <li key={p.identity} class={p.speaking ? 'speaking' : ''}>
          <VideoView track={p.video!} name={p.name} />
          <span class="tile-name">
            {p.local ? `${p.name} ${t('you')}` : p.name} · {p.micOn ? t('micOn') : t('micOff')}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function PeopleList({ people }: { people: Person[] }) {
  return (
    <section class="card" aria-labelledby="people-title">
      <h2 id="people-title">
        {t('participants')} ({people.length})
      </h2>
      <ul class="people">
        {people.map((p) => (
          <li key={p.identity} data-identity={p.identity}>
            <span>
              {p.local ? `${p.name} ${t('you')}` : p.name}
              {p.ward ? <span class="muted"> · {p.ward}</span> : null}
            </span>
            <span class="muted">
              {p.role && <RoleBadge role={p.role} lang={lang.value} />}{' '}
              {p.micOn ? `· ${t('micOn')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
