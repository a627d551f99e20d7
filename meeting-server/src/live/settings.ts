// Meeting settings that shape the live meeting (pure): speaking-timer defaults, the quorum rule and
// the default pass rules (resolutions, removing a delegate, dismissing an office-holder), read from `meetings.settings` (jsonb) with the law's defaults when absent or invalid.
import type { Role } from '../../../shared/domain';
import { z } from '../../../shared/zod';
import { MicrophoneControl, PassRule } from '../../../shared/meeting';
import { QuorumRule } from '../../../shared/vote-rules';

export const LiveSettings = z.object({
  /** Default speaking time for delegates, guests and staff, in seconds. */
  speakingSecondsMember: z.number().int().min(10).max(3600).catch(300).default(300),
  /** Default speaking time for voters (constituent meetings), in seconds. */
  speakingSecondsVoter: z.number().int().min(10).max(3600).catch(180).default(180),
  /** Quorum: by default at least two thirds of all members of the body. */
  quorum: QuorumRule.catch('two_thirds_of_all').default('two_thirds_of_all'),
  /** A resolution's rule when the chair gives none: by default more than half of all members. */
  defaultRule: PassRule.catch('majority_of_all').default('majority_of_all'),
  /** Removing a delegate (bãi nhiệm): by default at least two thirds of all members. */
  delegateRemovalRule: PassRule.catch('two_thirds_of_all').default('two_thirds_of_all'),
  /** Dismissing an office-holder (miễn nhiệm): by default more than half of all members. */
  officeDismissalRule: PassRule.catch('majority_of_all').default('majority_of_all'),
  /** Who controls members' microphones; absent: the chair in sittings and committee meetings. */
  microphones: MicrophoneControl.optional().catch(undefined),
});
export type LiveSettings = z.infer<typeof LiveSettings>;

export function liveSettings(raw: unknown): LiveSettings {
  const parsed = LiveSettings.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : LiveSettings.parse({});
}

export function defaultSpeakingSeconds(settings: LiveSettings, role: Role): number {
  return role === 'voter' ? settings.speakingSecondsVoter : settings.speakingSecondsMember;
}
