// The delegate's invitation, remembered in the extension's storage so the side panel offers it
// next time (one press to join), and handed over by the popup when the open tab is an invitation.
import { parseInvitationLink, type InvitationAddress } from './invitation';

export const INVITATION_KEY = 'meeting.invitation';

/** The part of `browser.storage.local` used here. */
export interface LocalStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function rememberedInvitation(store: LocalStorage): Promise<InvitationAddress | null> {
  const value = (await store.get(INVITATION_KEY))[INVITATION_KEY];
  return typeof value === 'string' ? parseInvitationLink(value) : null;
}

/** Remembers a link if it is an invitation; returns what was remembered (null if not one). */
export async function rememberInvitation(
  store: LocalStorage,
  link: string,
): Promise<InvitationAddress | null> {
  const parsed = parseInvitationLink(link);
  if (parsed) await store.set({ [INVITATION_KEY]: parsed.link });
  return parsed;
}

export const forgetInvitation = (store: LocalStorage) => store.remove(INVITATION_KEY);
