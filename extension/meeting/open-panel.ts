// Opening the meeting side panel from the toolbar popup, optionally handing it the invitation open
// in the current tab. Chrome lets sidePanel.open() run only inside the click's user gesture, so it
// is called first, before anything is awaited; the panel picks the invitation up from storage.
import type { browser as wxtBrowser } from 'wxt/browser';
import { rememberInvitation, type LocalStorage } from './remember';

type PanelApi = {
  sidePanel: Pick<typeof wxtBrowser.sidePanel, 'open'>;
  storage: { local: LocalStorage };
};

export async function openMeetingPanel(
  api: PanelApi,
  windowId: number,
  invitationLink?: string,
): Promise<void> {
  const opened = api.sidePanel.open({ windowId });
  if (invitationLink) await rememberInvitation(api.storage.local, invitationLink);
  await opened;
}
