// Accounts: change one's own password; administrators also list and add secretariat accounts,
// lock and unlock them and reset their passwords (Staff.tsx).
import { useEffect, useState } from 'preact/hooks';
import type { StaffSession, StaffUser } from '../../../../shared/admin';
import { staffApi } from './api';
import { lang, t, tf } from './i18n';
import { act, notify } from './notice';
import { PasswordField } from './PasswordField';
import { StaffRowActions, accountState } from './Staff';
import { TextField } from './TextField';

function ChangePasswordForm({ session }: { session: StaffSession }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <form
      class="card narrow"
      onSubmit={(e) => {
        e.preventDefault();
        if (next !== repeat) return notify('error', t('passwordsDiffer'));
        void act(
          () => staffApi.changePassword({ currentPassword: current, newPassword: next }),
          t('passwordChanged'),
        ).then((ok) => {
          if (ok) {
            setCurrent('');
            setNext('');
            setRepeat('');
          }
        });
      }}
    >
      <h2>{t('changePasswordTitle')}</h2>
      <TextField
        id="pw-current"
        label={t('currentPassword')}
        type="password"
        autocomplete="current-password"
        required
        value={current}
        onValue={setCurrent}
      />
      <PasswordField
        label={t('newPassword')}
        value={next}
        onInput={setNext}
        personal={[session.user.email, session.user.fullName]}
      />
      <TextField
        id="pw-repeat"
        label={t('repeatPassword')}
        type="password"
        autocomplete="new-password"
        required
        value={repeat}
        onValue={setRepeat}
      />
      <button type="submit" class="primary">
        {t('changePassword')}
      </button>
    </form>
  );
}

function StaffAccounts({ selfId }: { selfId: string }) {
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const load = () =>
    act(() => staffApi.staffUsers()).then((u) => {
      if (u) setUsers(u);
    });
  useEffect(() => void load(), []);
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section class="card">
      <h2>{t('staffTitle')}</h2>
      {users && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('fullName')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('accountState')}</th>
              <th scope="col">
                <span class="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.fullName}</td>
                <td>{u.email}</td>
                <td>{u.isAdmin ? t('roleAdmin') : t('roleOfficer')}</td>
                <td>{date(u.createdAt)}</td>
                <td>{accountState(u)}</td>
                <td>
                  <StaffRowActions user={u} self={u.id === selfId} onChanged={load} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => staffApi.createStaffUser({ fullName, email, password, isAdmin })).then(
            async (made) => {
              if (!made) return;
              notify('ok', tf('staffCreated', { name: made.fullName }));
              setFullName('');
              setEmail('');
              setPassword('');
              setIsAdmin(false);
              await load();
            },
          );
        }}
      >
        <h3>{t('addStaff')}</h3>
        <TextField
          id="staff-name"
          label={t('fullName')}
          required
          value={fullName}
          onValue={setFullName}
        />
        <TextField
          id="staff-email"
          label={t('email')}
          type="email"
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
        <label class="check">
          <input
            type="checkbox"
            checked={isAdmin}
            onChange={(e) => setIsAdmin(e.currentTarget.checked)}
          />{' '}
          {t('makeAdmin')}
        </label>
        <button type="submit" class="primary">
          {t('addStaff')}
        </button>
      </form>
    </section>
  );
}

export function Account({ session }: { session: StaffSession }) {
  return (
    <>
      <ChangePasswordForm session={session} />
      {session.user.isAdmin && <StaffAccounts selfId={session.user.id} />}
    </>
  );
}
