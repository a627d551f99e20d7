// Strings of the staff app's leave requests (xin vắng) on a meeting's page, Vietnamese first.
export const leaveStrings = {
  leaveTitle: { vi: 'Đơn xin vắng', en: 'Leave requests' },
  leaveHint: {
    vi: 'Đại biểu xin vắng kèm lý do; Văn phòng hoặc chủ tọa đồng ý hay không đồng ý. Người vắng có lý do vẫn được tính vào tổng số đại biểu khi xác định số lượng cần thiết.',
    en: 'Delegates ask for leave with a reason; the secretariat or the chair approves or declines. Excused delegates still count in the total for the quorum.',
  },
  leaveNone: { vi: 'Chưa có đơn xin vắng.', en: 'No leave requests.' },
  leaveApprove: { vi: 'Đồng ý', en: 'Approve' },
  leaveDecline: { vi: 'Không đồng ý', en: 'Decline' },
  leaveNoteLabel: {
    vi: 'Ghi chú gửi đại biểu (không bắt buộc)',
    en: 'Note to the delegate (optional)',
  },
  leaveDone: { vi: 'Đã ghi quyết định.', en: 'Decision recorded.' },
  leaveBy: { vi: 'Người duyệt: {who}', en: 'Decided by {who}' },
} as const;
