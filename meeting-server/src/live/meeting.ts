// The meeting's own changes in the live state: opening or closing it, and the agenda item being
// discussed. Each is one `mutate()` (one transaction that bumps the version and is announced).
import type { MeetingStatus } from '../../../shared/domain';
import { badRequest } from '../http/errors';
import type { LiveDeps } from './context';
import { mutate } from './state';

/**
 * Writes the meeting's status (a change only if it differs), without the rules around it: callers
 * go through `votes/sitting.ts` (quorum to open, closing closes the open votes).
 */
export async function storeMeetingStatus(
  deps: LiveDeps,
  meetingId: string,
  status: MeetingStatus,
): Promise<void> {
  await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query(
      // The first opening and the last close are kept for the participation record.
      `UPDATE meetings SET status = $2,
              opened_at = CASE WHEN $2 = 'open' THEN COALESCE(opened_at, $3) ELSE opened_at END,
              closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE closed_at END
        WHERE id = $1 AND status <> $2 RETURNING id`,
      [meetingId, status, new Date(deps.now())],
    );
    return { value: undefined, changed: rows.length > 0 };
  });
}

/** Sets the agenda item being discussed (null: none); it must be on this meeting's agenda. */
export async function setCurrentAgendaItem(
  deps: LiveDeps,
  meetingId: string,
  agendaItemId: string | null,
): Promise<void> {
  await mutate(deps, meetingId, async (tx) => {
    if (agendaItemId !== null) {
      const items = await tx.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [
        agendaItemId,
        meetingId,
      ]);
      if (!items.length) {
        throw badRequest(
          'Mục chương trình không thuộc cuộc họp này.',
          'The agenda item does not belong to this meeting.',
        );
      }
    }
    await tx.query('UPDATE meeting_live SET current_agenda_item_id = $2 WHERE meeting_id = $1', [
      meetingId,
      agendaItemId,
    ]);
    return { value: undefined, changed: true };
  });
}
