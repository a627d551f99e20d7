// Links from a meeting's page to its minutes and (for administrators) its entries in the audit log.
import { session } from './App';
import { t } from './i18n';
import { Link } from './Link';

export function MeetingLinks({ meetingId }: { meetingId: string }) {
  return (
    <p class="actions wrap">
      <Link class="button" to={`/admin/meetings/${meetingId}/minutes`}>
        {t('openMinutes')}
      </Link>
      {session.value?.user.isAdmin && (
        <Link class="button" to={`/admin/audit?meetingId=${encodeURIComponent(meetingId)}`}>
          {t('meetingAudit')}
        </Link>
      )}
    </p>
  );
}
