// Secretariat (staff) and administration contracts: staff login and users; councils, members,
// bodies, meetings with agenda and settings; invitations with their join links.
import { BodyKind, CouncilLevel, MeetingKind, MeetingStatus, Role } from './domain';
import {
  HandKind,
  MicrophoneControl,
  MotionKind,
  MotionResult,
  MotionStatus,
  PassRule,
} from './meeting';
import { QuorumRule } from './vote-rules';
import { z } from './zod';

/** Header that must echo the CSRF token on every state-changing staff request. */
export const CSRF_HEADER = 'x-csrf-token';

const Email = z
  .email()
  .max(200)
  .transform((e) => e.toLowerCase());
const Name = z.string().trim().min(1, 'name required').max(200, 'name too long');
const Id = z.string().min(1).max(100);
/** An ISO date-time with offset, within years 1970–9999 (PostgreSQL has no year 0). */
const DateTime = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= 0 && t < Date.UTC(10_000, 0, 1);
}, 'date out of range (years 1970–9999)');

// ---- Staff ----

export const StaffLogin = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});
export type StaffLogin = z.infer<typeof StaffLogin>;

export const StaffUser = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
  /** When an administrator locked the account (it cannot sign in); null while it can. */
  disabledAt: z.string().nullable().default(null),
});
export type StaffUser = z.infer<typeof StaffUser>;

/** Answer to login and to `GET /api/staff/me`: who is signed in and the CSRF token to echo. */
export const StaffSession = z.object({
  user: StaffUser,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type StaffSession = z.infer<typeof StaffSession>;

export const CreateStaffUser = z.object({
  email: Email,
  fullName: Name,
  password: z.string().min(12, 'at least 12 characters').max(200),
  isAdmin: z.boolean().default(false),
});
export type CreateStaffUser = z.infer<typeof CreateStaffUser>;

export const StaffUserList = z.array(StaffUser);

/**
 * An administrator changes another account: locks or unlocks it, sets a new password (the officer
 * forgot theirs), or makes it an administrator or not. Each ends the account's sessions.
 */
export const UpdateStaffUser = z.object({
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
  isAdmin: z.boolean().optional(),
});
export type UpdateStaffUser = z.infer<typeof UpdateStaffUser>;

/** The setup page asks whether its one-time link still works before showing the form. */
export const SetupCheck = z.object({ token: z.string().min(1).max(500) });
export type SetupCheck = z.infer<typeof SetupCheck>;
export const SetupStatus = z.object({ expiresAt: z.string() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** Creates the first administrator through the one-time setup link (then signed in). */
export const CompleteSetup = z.object({
  token: z.string().min(1).max(500),
  fullName: Name,
  email: Email,
  password: z.string().min(1).max(200),
});
export type CompleteSetup = z.infer<typeof CompleteSetup>;

/** A signed-in staff member changes their own password (other sessions are signed out). */
export const ChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePassword = z.infer<typeof ChangePassword>;

// ---- Councils, members, bodies ----

export const CreateCouncil = z.object({
  name: Name,
  level: CouncilLevel,
  /** Total number of delegates elected (the denominator of quorum and "of all" vote rules). */
  totalMembers: z.number().int().min(1).max(1000),
});
export type CreateCouncil = z.infer<typeof CreateCouncil>;
export const UpdateCouncil = CreateCouncil.partial();

export const Council = z.object({
  id: z.string(),
  name: z.string(),
  level: CouncilLevel,
  totalMembers: z.number().int(),
  createdAt: z.string(),
});
export type Council = z.infer<typeof Council>;
export const CouncilList = z.array(Council);

/** Contact details from the office's list (optional; null clears one). */
const MemberContact = {
  /** `yyyy-mm-dd` (tells namesakes apart). */
  dateOfBirth: z.iso.date().nullable(),
  /** Đơn vị công tác. */
  unit: z.string().trim().max(300).nullable(),
  /** A Vietnamese phone number (+84 or 0…; spaces and dots allowed, stored as digits). */
  phone: z.string().trim().max(30).nullable(),
  email: Email.nullable(),
};

export const CreateMember = z.object({
  fullName: Name,
  /** Tổ đại biểu. */
  delegateGroup: z.string().trim().max(200).nullable().default(null),
  /** Bodies (committees, standing committee, the full council) this member belongs to. */
  bodyIds: z.array(Id).max(50).default([]),
  dateOfBirth: MemberContact.dateOfBirth.default(null),
  unit: MemberContact.unit.default(null),
  phone: MemberContact.phone.default(null),
  email: MemberContact.email.default(null),
});
export type CreateMember = z.infer<typeof CreateMember>;
/** Why a delegate's term ended before the council's (thôi làm nhiệm vụ, bãi nhiệm, từ trần, …). */
export const TermEndReason = z.enum(['resigned', 'removed', 'dismissed', 'died', 'moved', 'other']);
export type TermEndReason = z.infer<typeof TermEndReason>;
export const termEndReasonLabel: Record<TermEndReason, { vi: string; en: string }> = {
  resigned: { vi: 'Thôi làm nhiệm vụ đại biểu', en: 'Resigned' },
  removed: { vi: 'Bị bãi nhiệm', en: 'Removed by the council' },
  dismissed: { vi: 'Bị bãi nhiệm theo đề nghị của cử tri', en: 'Recalled by the voters' },
  died: { vi: 'Từ trần', en: 'Died' },
  moved: { vi: 'Chuyển công tác khỏi địa phương', en: 'Moved away' },
  other: { vi: 'Lý do khác', en: 'Other' },
};
/** A calendar day, YYYY-MM-DD, within years 1970–9999. */
const Day = z.iso.date().refine((s) => s >= '1970-01-01' && s <= '9999-12-31', 'date out of range');
/**
 * The day a member's term ended and why: from that day on they are no longer a serving delegate
 * (not counted in the total, quorum or any threshold, and may not vote).
 */
export const TermEnd = z.object({ on: Day, reason: TermEndReason });
export type TermEnd = z.infer<typeof TermEnd>;

export const UpdateMember = z.object({
  fullName: Name.optional(),
  /** Set when a term ends; null when it was entered by mistake. */
  termEnd: TermEnd.nullable().optional(),
  delegateGroup: z.string().trim().max(200).nullable().optional(),
  bodyIds: z.array(Id).max(50).optional(),
  dateOfBirth: MemberContact.dateOfBirth.optional(),
  unit: MemberContact.unit.optional(),
  phone: MemberContact.phone.optional(),
  email: MemberContact.email.optional(),
});

export const Member = z.object({
  id: z.string(),
  councilId: z.string(),
  fullName: z.string(),
  delegateGroup: z.string().nullable(),
  bodyIds: z.array(z.string()),
  /** From the office's member list (import); members added one at a time may have none. */
  dateOfBirth: z.iso.date().nullable(),
  /** Đơn vị công tác. */
  unit: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  termEnd: TermEnd.nullable(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.array(Member);

export const CreateBody = z.object({
  kind: BodyKind,
  name: Name,
  memberIds: z.array(Id).max(1000).default([]),
});
export type CreateBody = z.infer<typeof CreateBody>;
export const SetBodyMembers = z.object({ memberIds: z.array(Id).max(1000) });

export const Body = z.object({
  id: z.string(),
  councilId: z.string(),
  kind: BodyKind,
  name: z.string(),
  memberIds: z.array(z.string()),
});
export type Body = z.infer<typeof Body>;
export const BodyList = z.array(Body);

// ---- Meetings ----

/** Quorum rule: at least two thirds of ALL members of the body (the law's default), or a majority. */
export { QuorumRule };

/**
 * Per-meeting settings (stored in `meetings.settings`, read by the live meeting). Defaults follow
 * DOMAIN.md: quorum is two thirds of ALL members of the body; delegates speak 5 minutes, voters 3.
 * Who may vote: the meeting body's serving members (set with PUT /api/admin/bodies/:bodyId/members),
 * each only while present (docs/voting-rules.md).
 */
const meetingSettingFields = {
  /** Default speaking time for delegates, guests and staff, in seconds. */
  speakingSecondsMember: z.number().int().min(10).max(3600),
  /** Default speaking time for voters (constituent meetings), in seconds. */
  speakingSecondsVoter: z.number().int().min(10).max(3600),
  quorum: QuorumRule,
  /** The rule of a resolution or motion when the chair gives none (law: more than half of all). */
  defaultRule: PassRule,
  /** The rule of removing a delegate (bãi nhiệm) when the chair gives none (law: two thirds of all). */
  delegateRemovalRule: PassRule,
  /** The rule of dismissing an office-holder (miễn nhiệm) when the chair gives none (more than half). */
  officeDismissalRule: PassRule,
  /** Who controls members' microphones; left out: the chair in sittings and committee meetings. */
  microphones: MicrophoneControl,
};
const f = meetingSettingFields;
export const MeetingSettings = z.object({
  speakingSecondsMember: f.speakingSecondsMember.default(300),
  speakingSecondsVoter: f.speakingSecondsVoter.default(180),
  quorum: f.quorum.default('two_thirds_of_all'),
  defaultRule: f.defaultRule.default('majority_of_all'),
  delegateRemovalRule: f.delegateRemovalRule.default('two_thirds_of_all'),
  officeDismissalRule: f.officeDismissalRule.default('majority_of_all'),
  microphones: f.microphones.optional(),
});
export type MeetingSettings = z.infer<typeof MeetingSettings>;

export const AgendaItemInput = z.object({ title: z.string().trim().min(1).max(500) });

export const CreateMeeting = z.object({
  bodyId: Id,
  kind: MeetingKind,
  title: Name,
  startsAt: DateTime,
  agenda: z.array(AgendaItemInput).max(200).default([]),
  settings: MeetingSettings.default(MeetingSettings.parse({})),
});
export type CreateMeeting = z.infer<typeof CreateMeeting>;

export const UpdateMeeting = z.object({
  title: Name.optional(),
  startsAt: DateTime.optional(),
  status: MeetingStatus.optional(),
  /**
   * Only the settings given change. No defaults here: zod 4 would fill a defaulted field left out
   * of a partial object, and the PATCH would reset every other setting to the law's default.
   */
  settings: z.object(meetingSettingFields).partial().optional(),
});

/** Replaces the agenda with these items in this order (ids keep existing items). */
export const SetAgenda = z.object({
  items: z
    .array(z.object({ id: Id.optional(), title: z.string().trim().min(1).max(500) }))
    .max(200),
});

export const AgendaItem = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
});

export const Meeting = z.object({
  id: z.string(),
  councilId: z.string(),
  councilName: z.string(),
  bodyId: z.string(),
  kind: MeetingKind,
  title: z.string(),
  startsAt: z.string(),
  status: MeetingStatus,
  settings: MeetingSettings,
  agenda: z.array(AgendaItem),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.array(Meeting.omit({ agenda: true, settings: true }));

// ---- Invitations ----

/**
 * Issue an invitation: a personal one for a member (role member, or chair/secretary held by a
 * member), a staff role (chair/secretary/guest with a display name), or the one public voter link
 * of a voter meeting (role voter, nobody named).
 */
export const IssueInvitation = z
  .object({
    role: Role,
    memberId: Id.optional(),
    displayName: z.string().trim().min(1).max(120).optional(),
    /** Default: 30 days after the meeting starts. */
    expiresAt: DateTime.optional(),
  })
  .refine((v) => v.role === 'voter' || v.memberId || v.displayName, {
    message: 'memberId or displayName required for a personal invitation',
    path: ['memberId'],
  })
  .refine((v) => v.role !== 'voter' || (!v.memberId && !v.displayName), {
    message: 'the public voter link names nobody',
    path: ['role'],
  });
export type IssueInvitation = z.infer<typeof IssueInvitation>;

export const Invitation = z.object({
  id: z.string(),
  meetingId: z.string(),
  role: Role,
  memberId: z.string().nullable(),
  name: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The join link (`<PUBLIC_URL>/j/<signed token>`); send it only to the invited person. */
  url: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.array(Invitation);

/** Issues personal invitations (role member) for every member of the meeting's body who has none. */
export const IssueBodyInvitations = z.object({
  expiresAt: DateTime.optional(),
});

export const Ok = z.object({ ok: z.literal(true) });

// ---- Minutes (biên bản) ----

/** The minutes of one meeting as data; the PDF and CSV are rendered from exactly this. */
/**
 * The official minutes' own parts, besides what the meeting recorded: the number and symbol
 * (số, ký hiệu: "12/BB-HĐND"), the place written before the date, and the closing paragraph. Once
 * finalised, nothing changes: the .pdf and .docx are stored and their SHA-256 recorded.
 */
export const MinutesRecordFacts = z.object({
  number: z.string(),
  place: z.string(),
  closing: z.string(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  docxSha256: z.string().nullable(),
});
export type MinutesRecordFacts = z.infer<typeof MinutesRecordFacts>;

export const Minutes = z.object({
  council: z.object({ name: z.string(), level: CouncilLevel, totalMembers: z.number().int() }),
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    kind: MeetingKind,
    status: MeetingStatus,
    startsAt: z.string(),
    bodyName: z.string(),
  }),
  generatedAt: z.string(),
  agenda: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      /** The secretary's conclusion of this item (kết luận), written before finalising. */
      conclusion: z.string().default(''),
    }),
  ),
  /** The secretary's parts of the official minutes, and whether they are final. */
  record: MinutesRecordFacts,
  /** Who signs: the chair and the secretary named by the meeting's invitations. */
  signers: z.object({ chair: z.string().nullable(), secretary: z.string().nullable() }),
  attendance: z.object({
    totalMembers: z.number().int(),
    /** Members of the body who were present at some time during the meeting. */
    attended: z.number().int(),
    /** Members absent with approved leave ("vắng có lý do"): not present, still in the total. */
    excused: z.number().int().default(0),
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        delegateGroup: z.string().nullable(),
        attended: z.boolean(),
        /** Never attended and had approved leave; `leaveReason` is the delegate's reason. */
        excused: z.boolean().default(false),
        leaveReason: z.string().nullable().default(null),
        /** Every join, leave and hall check-in, in time order. */
        events: z.array(
          z.object({
            event: z.enum(['joined', 'left', 'checked_in', 'checked_out', 'roll_call']),
            at: z.string(),
          }),
        ),
      }),
    ),
  }),
  /** Speakers in order with their times (`recorded: false` if no floor history is kept). */
  speakers: z.object({
    recorded: z.boolean(),
    list: z.array(
      z.object({
        name: z.string(),
        role: Role,
        /** Phát biểu, chất vấn or kiến nghị về thủ tục (null in floor history before its kind). */
        kind: HandKind.nullable().default(null),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
      }),
    ),
  }),
  motions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      agendaItemId: z.string().nullable().default(null),
      agendaItem: z.string().nullable(),
      kind: MotionKind,
      secret: z.boolean(),
      rule: PassRule,
      status: MotionStatus,
      openedAt: z.string().nullable(),
      closedAt: z.string().nullable(),
      /** Once closed: counts, percentages of all members, the named list for open votes. */
      result: MotionResult.nullable(),
    }),
  ),
  petitions: z.array(
    z.object({
      name: z.string(),
      ward: z.string().nullable(),
      text: z.string(),
      category: z.string().nullable(),
      status: z.string(),
      authority: z.string().nullable(),
      answer: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type Minutes = z.infer<typeof Minutes>;

/** What the secretary edits, with the agenda items whose conclusions they write. */
export const MinutesRecord = MinutesRecordFacts.extend({
  agenda: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      conclusion: z.string(),
    }),
  ),
});
export type MinutesRecord = z.infer<typeof MinutesRecord>;

const FreeText = z.string().max(20_000);
/** Saves the secretary's parts (not once finalised: 409 minutes_final). */
export const SaveMinutesRecord = z.object({
  number: z.string().trim().max(60),
  place: z.string().trim().max(120),
  closing: FreeText,
  conclusions: z.array(z.object({ agendaItemId: Id, text: FreeText })).max(500),
});
export type SaveMinutesRecord = z.infer<typeof SaveMinutesRecord>;

// ---- Audit log (administrators read; nobody changes it) ----

/**
 * Query of `GET /api/admin/audit`: newest first, optionally one meeting, who (part of the actor's
 * name), what (part of the action, e.g. `votes` or `POST`) and a time range; paged by `before`.
 */
export const AuditQuery = z.object({
  meetingId: Id.optional(),
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** Entries at or after this time. */
  from: DateTime.optional(),
  /** Entries before this time. */
  to: DateTime.optional(),
  /** Only entries with a smaller id (the last id of the previous page). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** Staff account (role `admin` or `staff`) or a meeting participant (role in the meeting). */
  actor: z.object({
    kind: z.enum(['staff', 'participant']),
    id: z.string(),
    name: z.string(),
    role: z.string(),
    memberId: z.string().nullable(),
  }),
  meetingId: z.string().nullable(),
  /** `METHOD /route/pattern`, e.g. `POST /api/meetings/:meetingId/floor`. */
  action: z.string(),
  /** Route parameters, query and body of the request (passwords and tokens redacted). */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.array(AuditEntry);
