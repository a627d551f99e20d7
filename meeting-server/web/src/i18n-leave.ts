// Strings of leave requests (xin vắng) in the meeting web client, Vietnamese first: the delegate's
// request and its answer, and the chair's list with approve and decline.
export const leaveStrings = {
  leaveTitle: { vi: 'Xin vắng mặt', en: 'Ask for leave' },
  leaveIntro: {
    vi: 'Nếu không thể dự họp, hãy gửi đơn xin vắng kèm lý do để chủ tọa hoặc Văn phòng xem xét.',
    en: 'If you cannot attend, send a leave request with a reason for the chair or the secretariat to decide.',
  },
  leaveOpen: { vi: 'Xin vắng cuộc họp này', en: 'Ask for leave from this meeting' },
  leaveReason: { vi: 'Lý do xin vắng', en: 'Reason' },
  leaveSend: { vi: 'Gửi đơn xin vắng', en: 'Send the request' },
  leaveResend: { vi: 'Gửi lại với lý do mới', en: 'Send again with a new reason' },
  leaveSent: {
    vi: 'Đã gửi đơn xin vắng. Chủ tọa hoặc Văn phòng sẽ trả lời tại đây.',
    en: 'Leave request sent. The chair or the secretariat will answer here.',
  },
  leaveReasonShort: {
    vi: 'Hãy ghi lý do (ít nhất 3 ký tự).',
    en: 'Give a reason (at least 3 characters).',
  },
  leaveYourReason: { vi: 'Lý do đã gửi', en: 'Your reason' },
  leaveNote: { vi: 'Ghi chú của người duyệt', en: 'Note from the decision' },
  leaveDecidedBy: { vi: 'Người duyệt', en: 'Decided by' },
  leaveCheck: { vi: 'Xem trả lời', en: 'Check the answer' },
  leaveRequests: { vi: 'Đơn xin vắng', en: 'Leave requests' },
  noLeaveRequests: { vi: 'Chưa có đơn xin vắng.', en: 'No leave requests.' },
  leaveApprove: { vi: 'Đồng ý', en: 'Approve' },
  leaveDecline: { vi: 'Không đồng ý', en: 'Decline' },
  leaveApproved: { vi: 'Đã đồng ý cho vắng.', en: 'Leave approved.' },
  leaveDeclined: { vi: 'Đã không đồng ý.', en: 'Leave declined.' },
  excused: { vi: 'vắng có lý do', en: 'excused' },
  excusedCount: { vi: 'Vắng có lý do: {count}', en: 'Excused: {count}' },
} as const;
