// Words of the side panel's meeting view, Vietnamese first, English second, switched with the
// briefcase's language button (extension/ui/i18n.ts): the words every meeting client shares
// (shared/meeting-words.ts) and the panel's own. Domain labels (roles, hand kinds) come from
// shared/ through `label`.
import { meetingWords } from '../../shared/meeting-words';
import { format, locale, type Bilingual } from '../ui/i18n';

const strings = {
  ...meetingWords,
  title: { vi: 'Họp trực tuyến', en: 'Online meeting' },
  language: { vi: 'English', en: 'Tiếng Việt' },
  languageLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  intro: {
    vi: 'Dán liên kết mời họp trong thư mời của văn phòng HĐND. Bảng này giữ cuộc họp bên cạnh tài liệu bạn đang đọc.',
    en: 'Paste the meeting invitation link from the secretariat. This panel keeps the meeting next to the document you are reading.',
  },
  linkLabel: { vi: 'Liên kết mời họp', en: 'Invitation link' },
  notALink: {
    vi: 'Đây không phải liên kết mời họp (dạng https://…/j/…). Hãy sao chép đúng liên kết trong thư mời.',
    en: 'This is not an invitation link (https://…/j/…). Copy the exact link from your invitation.',
  },
  remembered: { vi: 'Liên kết mời đã lưu', en: 'Saved invitation' },
  joinedAs: { vi: '{name} — {role}', en: '{name} — {role}' },
  forget: { vi: 'Dùng liên kết khác', en: 'Use another link' },
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  documents: { vi: 'Tài liệu của nội dung này', en: 'Documents for this item' },
  openDocument: { vi: 'Mở', en: 'Open' },
  openDocumentOf: { vi: 'Mở tài liệu: {title}', en: 'Open the document: {title}' },
  outdated: { vi: '(có bản mới chưa tải)', en: '(a newer version is not downloaded)' },
  noDocuments: {
    vi: 'Cặp tài liệu không có tài liệu nào của nội dung này.',
    en: 'The briefcase has no documents for this item.',
  },
  noPackage: {
    vi: 'Cặp tài liệu chưa có bộ tài liệu của cuộc họp này.',
    en: 'The briefcase does not have this meeting’s package yet.',
  },
  openPackages: { vi: 'Bộ tài liệu kỳ họp', en: 'Session packages' },
  micFailed: {
    vi: 'Không bật được micro. Cho phép tiện ích dùng micro (biểu tượng ổ khóa trên thanh địa chỉ, hoặc chrome://settings/content/microphone) rồi bấm "Bật micro".',
    en: 'Could not turn on the microphone. Allow the extension to use it (the lock icon, or chrome://settings/content/microphone), then press "Unmute".',
  },
  otherPlace: {
    vi: 'Bạn đã vào cuộc họp ở một cửa sổ hoặc thiết bị khác, nên bảng này đã rời phòng. Bấm "Vào lại cuộc họp" để dùng bảng này.',
    en: 'You joined the meeting in another window or device, so this panel left the room. Press "Rejoin the meeting" to use this panel.',
  },
  sessionLost: {
    vi: 'Phiên tham gia đã hết hạn. Bấm "Vào lại cuộc họp".',
    en: 'Your session has expired. Press "Rejoin the meeting".',
  },
  refreshFailed: {
    vi: 'Không gia hạn được phiên tham gia: {reason} Bảng sẽ thử lại sau ít phút.',
    en: 'Could not renew your session: {reason} The panel will try again in a few minutes.',
  },
} as const satisfies Record<string, Bilingual>;

export type MeetingStringKey = keyof typeof strings;

export function mt(key: MeetingStringKey, params?: Record<string, string | number>): string {
  return format(strings[key][locale.value], params);
}

/** A bilingual label from shared/ (roles, hand kinds) in the current language. */
export const label = (l: Bilingual): string => l[locale.value];
