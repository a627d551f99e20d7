// Microphone and camera: clear on/off state, one-press toggles, and a choice of device. Also the
// "press to hear" button when the browser blocks sound until the person interacts.
import { Room } from 'livekit-client';
import { useEffect, useState } from 'preact/hooks';
import type { LiveMeeting } from '../live';
import { t } from '../i18n';

function DeviceSelect({
  live,
  kind,
  label,
}: {
  live: LiveMeeting;
  kind: MediaDeviceKind;
  label: string;
}) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [active, setActive] = useState(live.room?.getActiveDevice(kind) ?? '');
  useEffect(() => {
    const load = () =>
      void Room.getLocalDevices(kind, false)
        .then(setDevices)
        .catch(() => setDevices([]));
    load();
    navigator.mediaDevices?.addEventListener('devicechange', load);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', load);
  }, [kind, live.micOn.value, live.cameraOn.value]);
  if (devices.length === 0) return null;
  const id = `dev-${kind}`;
  return (
    <span class="device">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={active}
        onChange={(e) => {
          setActive(e.currentTarget.value);
          void live.switchDevice(kind, e.currentTarget.value);
        }}
      >
        <option value="">{t('defaultDevice')}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </span>
  );
}

export function MediaBar({ live }: { live: LiveMeeting }) {
  const mic = live.micOn.value;
  const cam = live.cameraOn.value;
  // Only what the server allows now is offered (a voter on the floor: the microphone alone).
  const allowed = live.allowed.value;
  const byChair = live.state.value?.microphones?.control === 'chair' && live.role === 'member';
  return (
    <section class="card media-bar" aria-label={`${t('microphone')} / ${t('camera')}`}>
      {live.audioBlocked.value && (
        <button type="button" class="primary big" onClick={() => void live.startAudio()}>
          {t('startAudio')}
        </button>
      )}
      {live.canPublish.value && (
        <div class="media-row">
          {allowed.microphone && (
            <>
              <button
                type="button"
                class={`toggle ${mic ? 'on' : 'off'}`}
                aria-pressed={mic}
                onClick={() => void live.setMic(!mic)}
                data-testid="mic-toggle"
              >
                {mic ? t('turnMicOff') : t('turnMicOn')}
              </button>
              <span class="media-state" data-testid="mic-state">
                {mic ? t('micOn') : t('micOff')}
              </span>
            </>
          )}
          {allowed.camera && (
            <>
              <button
                type="button"
                class={`toggle ${cam ? 'on' : 'off'}`}
                aria-pressed={cam}
                onClick={() => void live.setCamera(!cam)}
              >
                {cam ? t('turnCamOff') : t('turnCamOn')}
              </button>
              <span class="media-state">{cam ? t('camOn') : t('camOff')}</span>
            </>
          )}
          {allowed.microphone && (
            <DeviceSelect live={live} kind="audioinput" label={t('chooseMic')} />
          )}
          {allowed.camera && (
            <DeviceSelect live={live} kind="videoinput" label={t('chooseCamera')} />
          )}
        </div>
      )}
      {byChair && !allowed.microphone && (
        <p class="muted" data-testid="mic-by-chair">
          {t('micByChairNote')}
        </p>
      )}
    </section>
  );
}
