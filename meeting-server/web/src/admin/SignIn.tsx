// Sign-in with the secretariat account (e-mail and password; rate-limited on the server).
import { useState } from 'preact/hooks';
import type { StaffSession } from '../../../../shared/admin';
import { staffApi } from './api';
import { t } from './i18n';
import { act } from './notice';
import { TextField } from './TextField';

export function SignIn({ onDone }: { onDone: (s: StaffSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card narrow"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void act(() => staffApi.signIn({ email, password })).then((s) => {
          setBusy(false);
          if (s) onDone(s);
        });
      }}
    >
      <h2>{t('signInTitle')}</h2>
      <TextField
        id="signin-email"
        label={t('email')}
        type="email"
        autocomplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <TextField
        id="signin-password"
        label={t('password')}
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn')}
      </button>
      <p class="muted">{t('forgotHint')}</p>
    </form>
  );
}
