// First-run setup: opened from the one-time link the server prints; creates the first
// administrator (name, e-mail, password with strength feedback) and signs them in.
import { useEffect, useState } from 'preact/hooks';
import type { StaffSession } from '../../../../shared/admin';
import { passwordStrength } from '../../../../shared/password-strength';
import { staffApi } from './api';
import { lang, t, tf } from './i18n';
import { act, errorText, notify } from './notice';
import { PasswordField } from './PasswordField';
import { TextField } from './TextField';

export function Setup({ onDone }: { onDone: (s: StaffSession) => void }) {
  const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(token ? null : t('setupNoToken'));
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    staffApi.checkSetup(token).then(
      (s) => setExpiresAt(s.expiresAt),
      (e: unknown) => setRefused(errorText(e)),
    );
  }, [token]);

  if (refused) {
    return (
      <section class="card narrow">
        <h2>{t('setupTitle')}</h2>
        <p class="error">{refused}</p>
      </section>
    );
  }
  const mismatch = repeat !== '' && repeat !== password;
  const strongEnough = passwordStrength(password, [email, fullName]).acceptable;
  return (
    <form
      class="card narrow"
      onSubmit={(e) => {
        e.preventDefault();
        if (mismatch) return notify('error', t('passwordsDiffer'));
        setBusy(true);
        void act(
          () => staffApi.completeSetup({ token, fullName, email, password }),
          t('setupDone'),
        ).then((s) => {
          setBusy(false);
          if (s) {
            history.replaceState(null, '', '/admin');
            onDone(s);
          }
        });
      }}
    >
      <h2>{t('setupTitle')}</h2>
      <p>{t('setupIntro')}</p>
      {expiresAt && (
        <p class="muted">
          {tf('setupExpires', {
            time: new Date(expiresAt).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB'),
          })}
        </p>
      )}
      <TextField
        id="setup-name"
        label={t('fullName')}
        autocomplete="name"
        required
        value={fullName}
        onValue={setFullName}
      />
      <TextField
        id="setup-email"
        label={t('email')}
        type="email"
        autocomplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <PasswordField
        label={t('password')}
        value={password}
        onInput={setPassword}
        personal={[email, fullName]}
      />
      <div class="field">
        <label for="setup-repeat">{t('repeatPassword')}</label>
        <input
          id="setup-repeat"
          type="password"
          autocomplete="new-password"
          required
          value={repeat}
          aria-invalid={mismatch}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
        {mismatch && <p class="error">{t('passwordsDiffer')}</p>}
      </div>
      <button type="submit" class="primary" disabled={busy || !strongEnough || mismatch}>
        {t('createAdmin')}
      </button>
    </form>
  );
}
