// Strings of the staff app's participation record (theo dõi việc tham gia của đại biểu).
export const participationStrings = {
  openParticipation: {
    vi: 'Theo dõi việc tham gia của đại biểu',
    en: 'Delegates’ participation record',
  },
  partTitle: { vi: 'Việc tham gia của đại biểu', en: 'Delegates’ participation' },
  partHint: {
    vi: 'Tính từ những gì đã ghi nhận: điểm danh, đăng ký phát biểu, biểu quyết, tiếp xúc cử tri. Bỏ phiếu kín chỉ ghi "đã tham gia", không bao giờ ghi lựa chọn. Đến muộn: sau khai mạc hơn 15 phút; về sớm: rời đi trước khi bế mạc hơn 15 phút.',
    en: 'Computed from what was recorded: attendance, the floor, votes, voter meetings. A secret ballot shows only "took part", never a choice. Late: over 15 minutes after the opening; left early: gone over 15 minutes before the close.',
  },
  partFrom: { vi: 'Từ ngày', en: 'From' },
  partTo: { vi: 'Đến ngày', en: 'To' },
  partShow: { vi: 'Xem', en: 'Show' },
  partAllGroups: { vi: 'Mọi tổ đại biểu', en: 'Every delegate group' },
  partAllCommittees: { vi: 'Mọi Ban', en: 'Every committee' },
  partGroupFilter: { vi: 'Tổ đại biểu', en: 'Delegate group' },
  partCommitteeFilter: { vi: 'Ban', en: 'Committee' },
  partDownload: { vi: 'Tải bảng tổng hợp (.xlsx)', en: 'Download the table (.xlsx)' },
  partReport: {
    vi: 'Tải báo cáo gửi Thường trực (.docx)',
    en: 'Download the report for the standing committee (.docx)',
  },
  partShown: { vi: '{n} đại biểu', en: '{n} delegates' },
  partSortHint: {
    vi: 'Bấm tiêu đề cột để sắp xếp.',
    en: 'Press a column heading to sort.',
  },
} as const;
