// The council's public page (trang công khai): what anyone may read without signing in — upcoming
// meetings with the public voter link, published packages, results of open (named) votes. Never a
// voter's personal data; secret votes are not listed.
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

/** The result of an open vote as published: counts and whether it passed. */
export const PortalVote = z.object({
  id: z.string(),
  meetingTitle: z.string(),
  title: z.string(),
  closedAt: z.string(),
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
  /** Closed open votes, newest first (at most 50). */
  votes: z.array(PortalVote),
});
export type Portal = z.infer<typeof Portal>;
