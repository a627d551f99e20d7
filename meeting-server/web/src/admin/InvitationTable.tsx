// The invitations of a meeting (a whole council's: 1,000 delegates and more), paged by 50 and
// searchable by name, role or state with or without diacritics ("tran thi cuc", "dai bieu",
// "het han"), each live one with its copy and revoke buttons.
import { useMemo } from 'preact/hooks';
import type { Invitation } from '../../../../shared/admin';
import { roleLabel } from '../../../../shared/domain';
import { staffApi } from './api';
import { lang, t, tf } from './i18n';
import { act } from './notice';
import { Pager, SearchBox, usePaged } from './Paged';

const live = (i: Invitation) => !i.revokedAt && Date.parse(i.expiresAt) > Date.now();
const state = (i: Invitation) =>
  i.revokedAt ? t('revoked') : live(i) ? t('active') : t('expired');
const who = (i: Invitation) => i.name ?? t('publicLink');

export function InvitationTable(props: {
  meetingId: string;
  list: Invitation[];
  onChanged: () => Promise<void>;
}) {
  // A new array when the language changes, so the search matches the words on screen.
  const items = useMemo(() => [...props.list], [props.list, lang.value]);
  const paged = usePaged(items, (i) => [who(i), roleLabel[i.role][lang.value], state(i)].join(' '));
  const copy = (i: Invitation) =>
    void act(
      () => navigator.clipboard.writeText(i.url),
      tf('linkCopied', { name: i.name ?? roleLabel[i.role][lang.value] }),
    );
  /** A personal invitation revoked or expired, with no live one for the same person: issue anew. */
  const reissuable = (i: Invitation) =>
    !live(i) &&
    i.role !== 'voter' &&
    (i.memberId !== null || i.name !== null) &&
    !props.list.some(
      (o) =>
        live(o) &&
        o.role === i.role &&
        (i.memberId !== null
          ? o.memberId === i.memberId
          : o.memberId === null && o.name === i.name),
    );
  if (props.list.length === 0) return null;
  return (
    <>
      <SearchBox label={t('searchInvitations')} value={paged.query} onValue={paged.setQuery} />
      {paged.matching === 0 && <p>{t('searchNoInvitation')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('fullName')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('invitationState')}</th>
            <th scope="col">
              <span class="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {paged.shown.map((i) => (
            <tr key={i.id}>
              <td>{who(i)}</td>
              <td>{roleLabel[i.role][lang.value]}</td>
              <td>{state(i)}</td>
              <td>
                <div class="actions">
                  {live(i) && (
                    <>
                      <button type="button" onClick={() => copy(i)}>
                        {t('copyLink')}
                        <span class="sr-only"> {who(i)}</span>
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void act(
                            () => staffApi.revokeInvitation(props.meetingId, i.id),
                            tf('revokedOne', { name: who(i) }),
                          ).then(props.onChanged)
                        }
                      >
                        {t('revoke')}
                        <span class="sr-only"> {who(i)}</span>
                      </button>
                    </>
                  )}
                  {reissuable(i) && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          () =>
                            staffApi.issueInvitation(
                              props.meetingId,
                              i.memberId
                                ? { role: i.role, memberId: i.memberId }
                                : { role: i.role, displayName: i.name! },
                            ),
                          tf('reissuedOne', { name: who(i) }),
                        ).then(props.onChanged)
                      }
                    >
                      {t('reissue')}
                      <span class="sr-only"> {who(i)}</span>
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        label={t('invitationsTitle')}
        page={paged.page}
        pages={paged.pages}
        matching={paged.matching}
        onPage={paged.setPage}
      />
    </>
  );
}
