// Leave requests (xin vắng): a delegate invited to a sitting asks to be excused with a reason; the
// chair or the secretariat approves or declines; the delegate sees the answer. An approved request
// makes an absence "vắng có lý do" (excused) in the console and the minutes; it never changes the
// total that quorum and every legal threshold count from (an excused delegate is not present).
import { typedText } from './api';
import { z } from './zod';

export const LEAVE_REASON_MAX = 1000;

export const RequestLeave = z.object({
  reason: typedText(LEAVE_REASON_MAX).refine((s) => s.length >= 3, {
    message: 'give a reason (at least 3 characters)',
    params: {
      vi: 'Hãy ghi lý do (ít nhất 3 ký tự).',
      en: 'Give a reason (at least 3 characters).',
    },
  }),
});
export type RequestLeave = z.infer<typeof RequestLeave>;

export const DecideLeave = z.object({
  approved: z.boolean(),
  /** Optional word to the delegate (why it was declined, for example). */
  note: typedText(500).optional(),
  /**
   * The request as the decider read it (its `requestedAt`): if the delegate has asked again since,
   * the decision is refused (409 `leave_changed`) so nobody decides a reason they did not read.
   */
  requestedAt: z.iso.datetime().optional(),
});
export type DecideLeave = z.infer<typeof DecideLeave>;

export const LeaveStatus = z.enum(['pending', 'approved', 'declined']);
export type LeaveStatus = z.infer<typeof LeaveStatus>;
export const leaveStatusLabel: Record<LeaveStatus, { vi: string; en: string }> = {
  pending: { vi: 'Đang chờ duyệt', en: 'Awaiting a decision' },
  approved: { vi: 'Đã đồng ý cho vắng', en: 'Leave approved' },
  declined: { vi: 'Không đồng ý', en: 'Leave declined' },
};

export const LeaveRequest = z.object({
  id: z.string(),
  meetingId: z.string(),
  memberId: z.string(),
  /** The delegate's full name. */
  name: z.string(),
  reason: z.string(),
  status: LeaveStatus,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Who decided: the chair's name or the staff user's e-mail. */
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const MyLeave = z.object({ request: LeaveRequest.nullable() });
export type MyLeave = z.infer<typeof MyLeave>;

export const LeaveRequestList = z.array(LeaveRequest);
export type LeaveRequestList = z.infer<typeof LeaveRequestList>;
