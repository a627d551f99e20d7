// The pages of a member, a meeting's minutes and the audit log, by path (the App's router asks
// here first, so that adding them changed App.tsx by one line).
import type { StaffSession } from '../../../../shared/admin';
import { Audit } from './Audit';
import { t } from './i18n';
import { MemberPage } from './Member';
import { MinutesPage } from './Minutes';
import { ParticipationPage } from './Participation';

export function staffPage(p: string, s: StaffSession) {
  const member = /^\/admin\/councils\/([^/]+)\/members\/([^/?]+)$/.exec(p);
  if (member) {
    return (
      <MemberPage
        councilId={decodeURIComponent(member[1]!)}
        memberId={decodeURIComponent(member[2]!)}
      />
    );
  }
  const participation = /^\/admin\/councils\/([^/]+)\/participation$/.exec(p);
  if (participation) {
    return <ParticipationPage councilId={decodeURIComponent(participation[1]!)} />;
  }
  const minutes = /^\/admin\/meetings\/([^/]+)\/minutes$/.exec(p);
  if (minutes) return <MinutesPage meetingId={decodeURIComponent(minutes[1]!)} />;
  if (/^\/admin\/audit(\?|$)/.test(p)) {
    return s.user.isAdmin ? <Audit /> : <p>{t('auditAdminsOnly')}</p>;
  }
  return null;
}
