// What an administrator does to another staff account, in its row of the accounts table: lock it
// (an officer who left: signed out at once) or unlock it, and set a new password for an officer
// who forgot theirs (handed over in person). One's own account has none of these.
import { useState } from 'preact/hooks';
import type { StaffUser } from '../../../../shared/admin';
import { moreApi } from './api-staff';
import { t, tf } from './i18n';
import { act } from './notice';
import { PasswordField } from './PasswordField';

export const accountState = (u: StaffUser) =>
  u.disabledAt ? t('accountLocked') : t('accountActive');

export function StaffRowActions(props: {
  user: StaffUser;
  self: boolean;
  onChanged: () => Promise<void>;
}) {
  const u = props.user;
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  if (props.self) return <span class="muted">{t('you')}</span>;
  return (
    <div>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void act(
              () => moreApi.updateStaffUser(u.id, { disabled: !u.disabledAt }),
              tf(u.disabledAt ? 'accountUnlockedDone' : 'accountLockedDone', { name: u.fullName }),
            ).then((ok) => ok && props.onChanged())
          }
        >
          {u.disabledAt ? t('unlockAccount') : t('lockAccount')}
          <span class="sr-only"> {u.fullName}</span>
        </button>
        <button type="button" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          {t('resetPassword')}
          <span class="sr-only"> {u.fullName}</span>
        </button>
      </div>
      {resetting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => moreApi.updateStaffUser(u.id, { password }),
              tf('passwordReset', { name: u.fullName }),
            ).then(async (ok) => {
              if (!ok) return;
              setPassword('');
              setResetting(false);
              await props.onChanged();
            });
          }}
        >
          <PasswordField
            label={tf('resetPasswordFor', { name: u.fullName })}
            value={password}
            onInput={setPassword}
            personal={[u.email, u.fullName]}
          />
          <button type="submit" class="primary">
            {t('save')}
          </button>
        </form>
      )}
    </div>
  );
}
