// Meeting settings that shape the live meeting (pure): speaking-timer defaults and the quorum rule,
// read from `meetings.settings` (jsonb) with the law's defaults when absent or invalid.
import type { Role } from '../../../shared/domain';
import { z } from '../../../shared/zod';
import { QuorumRule } from '../../../shared/vote-rules';

export const LiveSettings = z.object({
  /** Default speaking time for delegates, guests and staff, in seconds. */
  speakingSecondsMember: z.number().int().min(10).max(3600).catch(300).default(300),
  /** Default speaking time for voters (constituent meetings), in seconds. */
  speakingSecondsVoter: z.number().int().min(10).max(3600).catch(180).default(180),
  /** Quorum: by default at least two thirds of all members of the body. */
  quorum: QuorumRule.catch('two_thirds_of_all').default('two_thirds_of_all'),
});
export type LiveSettings = z.infer<typeof LiveSettings>;

export function liveSettings(raw: unknown): LiveSettings {
  const parsed = LiveSettings.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : LiveSettings.parse({});
}

export function defaultSpeakingSeconds(settings: LiveSettings, role: Role): number {
  return role === 'voter' ? settings.speakingSecondsVoter : settings.speakingSecondsMember;
}
