// The side panel's words for the delegate's own participation record, Vietnamese first.
export const recordMessages = {
  'record.title': { vi: 'Hồ sơ tham gia của tôi', en: 'My participation record' },
  'record.intro': {
    vi: 'Các phiên họp bạn được triệu tập, phát biểu, biểu quyết và tiếp xúc cử tri trong nhiệm kỳ, như đã được ghi nhận. Chỉ bạn xem được hồ sơ của mình; phiếu kín chỉ ghi là đã tham gia.',
    en: 'The sittings you were called to, your speeches, votes and voter meetings this term, as recorded. Only you see your own record; a secret ballot shows only that you took part.',
  },
  'record.open': { vi: 'Xem hồ sơ tham gia', en: 'Show my record' },
} as const;
