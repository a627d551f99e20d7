// A voter meeting's public link for the hall: the link itself (to copy or send), and the QR poster
// PDF to print (A4 or A3; the place is printed as typed here).
import { useId, useState } from 'preact/hooks';
import type { Invitation } from '../../../../shared/admin';
import { moreApi } from './api-staff';
import { t } from './i18n';
import { act } from './notice';
import { TextField } from './TextField';

export function VoterPoster(props: { meetingId: string; invitations: Invitation[] | null }) {
  const [size, setSize] = useState<'a4' | 'a3'>('a4');
  const [place, setPlace] = useState('');
  const sizeId = useId();
  const live = props.invitations?.find(
    (i) => i.role === 'voter' && !i.revokedAt && Date.parse(i.expiresAt) > Date.now(),
  );
  return (
    <section class="subsection" aria-labelledby="poster-title">
      <h3 id="poster-title">{t('posterTitle')}</h3>
      {!live ? (
        <p class="muted">{t('posterNoLink')}</p>
      ) : (
        <>
          <p>
            {t('publicLink')}:{' '}
            <a href={live.url} class="public-link">
              {live.url}
            </a>{' '}
            <button
              type="button"
              onClick={() =>
                void act(() => navigator.clipboard.writeText(live.url), t('posterLinkCopied'))
              }
            >
              {t('copyLink')}
            </button>
          </p>
          <div class="row-form">
            <TextField
              id="poster-place"
              label={t('posterPlace')}
              placeholder={t('posterPlaceHint')}
              maxLength={200}
              value={place}
              onValue={setPlace}
            />
            <div class="field">
              <label for={sizeId}>{t('posterSize')}</label>
              <select
                id={sizeId}
                value={size}
                onChange={(e) => setSize(e.currentTarget.value as 'a4' | 'a3')}
              >
                <option value="a4">A4</option>
                <option value="a3">A3</option>
              </select>
            </div>
            <a class="button" href={moreApi.posterUrl(props.meetingId, size, place)} download>
              {t('posterDownload')}
            </a>
          </div>
        </>
      )}
    </section>
  );
}
