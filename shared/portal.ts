// The council's public page (trang công khai): what anyone may read without signing in — upcoming
// meetings with the public voter link, published packages, the results of closed votes of every
// kind (figures only). Never a voter's personal data, never a ballot: not even an open vote's named
// ballots are sent here.
import { MotionResult, ResultKind } from './meeting';
import { z } from './zod';

export const PortalCouncil = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['province', 'commune']),
});
export type PortalCouncil = z.infer<typeof PortalCouncil>;
export const PortalCouncils = z.array(PortalCouncil);

export const PortalMeeting = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['session', 'committee', 'standing', 'voter']),
  status: z.enum(['scheduled', 'open', 'closed']),
  startsAt: z.string(),
  agenda: z.array(z.string()),
  /** Voter meetings with a live public link: the link to join and its QR code (PNG path). */
  voterLink: z.string().nullable(),
  qrPath: z.string().nullable(),
});
export type PortalMeeting = z.infer<typeof PortalMeeting>;

export const PortalPackage = z.object({
  id: z.string(),
  title: z.string(),
  meetingTitle: z.string(),
  publishedAt: z.string(),
  documents: z.array(
    z.object({
      title: z.string(),
      /** Same-origin path of the current version's PDF, readable in the browser. */
      path: z.string(),
      version: z.number().int(),
    }),
  ),
});
export type PortalPackage = z.infer<typeof PortalPackage>;

/** A closed vote's published result: figures only (counts, %, verdict), never a ballot. */
export const PortalResult = MotionResult.omit({ ballots: true }).strict();
export type PortalResult = z.infer<typeof PortalResult>;

/**
 * A closed vote as published, of any kind: a resolution, an election (votes per candidate, who is
 * elected, a new round), a confidence rating (per official, with the flags), a dismissal, a
 * no-confidence vote. `counts`, `totalMembers` and `passed` repeat the result's for older readers.
 */
export const PortalVote = z.object({
  id: z.string(),
  meetingTitle: z.string(),
  title: z.string(),
  closedAt: z.string(),
  kind: ResultKind,
  secret: z.boolean(),
  result: PortalResult,
  counts: z.object({
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    notVoted: z.number().int(),
  }),
  totalMembers: z.number().int(),
  passed: z.boolean().nullable(),
});
export type PortalVote = z.infer<typeof PortalVote>;

export const Portal = z.object({
  council: PortalCouncil,
  /** Meetings not closed, soonest first. */
  upcoming: z.array(PortalMeeting),
  /** Public packages, newest first (at most 50). */
  packages: z.array(PortalPackage),
  /** Closed votes of every kind, newest first (at most 50). */
  votes: z.array(PortalVote),
});
export type Portal = z.infer<typeof Portal>;
