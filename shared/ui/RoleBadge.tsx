// A participant's role as a badge (a mark and the role's word in a framed pill), drawn from the
// server's role field and never from a name: a voter who types "Chủ tọa" as their name still shows
// the voter's badge, and plain text in a name cannot draw a badge.
import { roleLabel, type Role } from '../domain';
import { word, type Lang } from '../meeting-words';

/** One mark per role, so the roles differ by shape as well as by colour and word. */
const MARK: Record<Role, string> = {
  chair: '★',
  secretary: '✎',
  member: '◆',
  guest: '◇',
  voter: '●',
};

export function RoleBadge({ role, lang }: { role: Role; lang: Lang }) {
  return (
    <span class={`role-badge role-${role}`} data-role={role}>
      <span aria-hidden="true">{MARK[role]} </span>
      <span class="sr-only">{word(lang, 'roleIs')} </span>
      {roleLabel[role][lang]}
    </span>
  );
}
