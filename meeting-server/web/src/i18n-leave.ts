// Strings of leave requests (xin vắng) in the meeting web client, Vietnamese first: the delegate's
// request and its answer, the chair's list with approve and decline, and the delegate's own record.
export const leaveStrings = {
  // The delegate's own participation record, read from the lobby.
  recordOpen: { vi: 'Xem hồ sơ tham gia của tôi', en: 'Show my participation record' },
  recordIntro: {
    vi: 'Các phiên họp bạn được triệu tập, phát biểu, biểu quyết và tiếp xúc cử tri trong nhiệm kỳ. Chỉ bạn xem được hồ sơ của mình; phiếu kín chỉ ghi là đã tham gia.',
    en: 'The sittings you were called to, your speeches, votes and voter meetings this term. Only you see your own record; a secret ballot shows only that you took part.',
  },
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
