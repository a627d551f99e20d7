// Strings of the council's public page (trang công khai), Vietnamese first, English second; the
// language choice is the meeting pages' own (one signal kept in localStorage).
import { fill } from '../../../../shared/meeting-words';
import { lang } from '../i18n';

export { lang, setLang } from '../i18n';

const strings = {
  title: { vi: 'Trang công khai', en: 'Public page' },
  titleOf: { vi: 'Trang công khai — {council}', en: 'Public page — {council}' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  chooseCouncil: { vi: 'Chọn Hội đồng nhân dân', en: 'Choose a People’s Council' },
  noCouncils: {
    vi: 'Chưa có Hội đồng nào trên máy chủ này.',
    en: 'No council on this server yet.',
  },
  allCouncils: { vi: '‹ Mọi Hội đồng', en: '‹ All councils' },
  sections: { vi: 'Các mục', en: 'Sections' },
  // Reference lookup
  trackTitle: {
    vi: 'Tra cứu kiến nghị theo số tham chiếu',
    en: 'Follow a petition by its reference',
  },
  trackLabel: {
    vi: 'Số tham chiếu (dạng KN-XXXX-XXXX)',
    en: 'Reference number (like KN-XXXX-XXXX)',
  },
  trackButton: { vi: 'Tra cứu', en: 'Look up' },
  trackHint: {
    vi: 'Số tham chiếu hiện ra sau khi bạn gửi kiến nghị trong buổi tiếp xúc cử tri.',
    en: 'The reference number is shown after you send a petition in a voter meeting.',
  },
  trackStatus: { vi: 'Trạng thái: {status}', en: 'Status: {status}' },
  trackSent: { vi: 'Gửi ngày {date}, tại {meeting}', en: 'Sent on {date}, at {meeting}' },
  trackNotPublished: {
    vi: 'Nội dung và câu trả lời sẽ hiện ở đây khi được công khai.',
    en: 'The text and the answer appear here once published.',
  },
  // Meetings
  upcomingTitle: { vi: 'Lịch họp sắp tới', en: 'Upcoming meetings' },
  upcomingNone: { vi: 'Chưa có cuộc họp nào sắp tới.', en: 'No upcoming meetings.' },
  meetingOpen: { vi: 'Đang họp', en: 'In progress' },
  agenda: { vi: 'Chương trình', en: 'Agenda' },
  joinVoter: { vi: 'Tham gia buổi tiếp xúc cử tri', en: 'Join the voter meeting' },
  qrAlt: {
    vi: 'Mã QR để tham gia buổi tiếp xúc cử tri {title}',
    en: 'QR code to join the voter meeting {title}',
  },
  // Petitions
  petitionsTitle: { vi: 'Kiến nghị của cử tri và trả lời', en: 'Voters’ petitions and answers' },
  petitionsSearch: {
    vi: 'Tìm kiến nghị (có dấu hoặc không dấu)',
    en: 'Search (with or without accents)',
  },
  search: { vi: 'Tìm', en: 'Search' },
  petitionsCount: { vi: '{n} kiến nghị đã công khai', en: '{n} published petitions' },
  petitionsNone: { vi: 'Không có kiến nghị nào khớp.', en: 'No petition matches.' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  authority: { vi: 'Cơ quan trả lời', en: 'Answered by' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  // Packages
  packagesTitle: {
    vi: 'Tài liệu, nghị quyết đã công bố',
    en: 'Published documents and resolutions',
  },
  packagesNone: { vi: 'Chưa có tài liệu công bố.', en: 'No published documents yet.' },
  readPdf: { vi: '{title} (PDF, mở trong trình duyệt)', en: '{title} (PDF, opens in the browser)' },
  // Votes
  votesTitle: {
    vi: 'Kết quả biểu quyết, bầu cử, lấy phiếu tín nhiệm',
    en: 'Results of votes, elections and confidence ratings',
  },
  votesNone: { vi: 'Chưa có kết quả biểu quyết.', en: 'No vote results yet.' },
  privacy: {
    vi: 'Trang này không hiện họ tên, địa chỉ hay số điện thoại của cử tri.',
    en: 'This page never shows voters’ names, addresses or phone numbers.',
  },
} as const;

export type Key = keyof typeof strings;
export const t = (key: Key): string => strings[key][lang.value];
export const tf = (key: Key, values: Record<string, string | number>): string =>
  fill(strings[key][lang.value], values);
