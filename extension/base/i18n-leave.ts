// The side panel's words for leave requests (xin vắng), Vietnamese first: asking to be excused
// from a meeting with a reason, and the answer of the chair or the secretariat.
export const leaveMessages = {
  'leave.title': { vi: 'Xin vắng mặt', en: 'Ask for leave' },
  'leave.intro': {
    vi: 'Không thể dự họp? Gửi đơn xin vắng kèm lý do; chủ tọa hoặc Văn phòng sẽ trả lời tại đây.',
    en: 'Cannot attend? Send a leave request with a reason; the chair or the secretariat will answer here.',
  },
  'leave.open': { vi: 'Xin vắng cuộc họp này', en: 'Ask for leave from this meeting' },
  'leave.reason': { vi: 'Lý do xin vắng', en: 'Reason' },
  'leave.send': { vi: 'Gửi đơn xin vắng', en: 'Send the request' },
  'leave.resend': { vi: 'Gửi lại với lý do mới', en: 'Send again with a new reason' },
  'leave.check': { vi: 'Xem trả lời', en: 'Check the answer' },
  'leave.short': {
    vi: 'Hãy ghi lý do (ít nhất 3 ký tự).',
    en: 'Give a reason (at least 3 characters).',
  },
  'leave.yourReason': { vi: 'Lý do đã gửi: {reason}', en: 'Your reason: {reason}' },
  'leave.note': { vi: 'Ghi chú: {note}', en: 'Note: {note}' },
} as const;
