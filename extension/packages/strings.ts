// Words of the session-package page, Vietnamese first, English second.
import { format, locale } from '../ui/i18n';

const strings = {
  title: { vi: 'Bộ tài liệu kỳ họp', en: 'Session packages' },
  intro: {
    vi: 'Dán liên kết bộ tài liệu văn phòng HĐND gửi cho bạn. Tài liệu được tải về cặp tài liệu để đọc cả khi không có mạng, và tự cập nhật khi có bản mới.',
    en: 'Paste the package link the council secretariat sent you. The documents are downloaded into your briefcase to read offline, and updated when a new version is published.',
  },
  linkLabel: { vi: 'Liên kết bộ tài liệu', en: 'Package link' },
  add: { vi: 'Thêm vào cặp tài liệu', en: 'Add to briefcase' },
  notALink: {
    vi: 'Đây không phải liên kết bộ tài liệu (dạng https://…/p/…). Hãy sao chép đúng liên kết trong thư mời.',
    en: 'This is not a package link (https://…/p/…). Copy the exact link from your invitation.',
  },
  downloading: {
    vi: 'Đang tải {title} ({done}/{total})… {percent}%',
    en: 'Downloading {title} ({done}/{total})… {percent}%',
  },
  upToDate: { vi: 'Đã có đủ tài liệu, bản mới nhất.', en: 'All documents, latest versions.' },
  checkNow: { vi: 'Kiểm tra cập nhật', en: 'Check for updates' },
  update: { vi: 'Tải bản mới', en: 'Download updates' },
  pending: { vi: 'Có {n} thay đổi chưa tải về:', en: '{n} changes not yet downloaded:' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  open: { vi: 'Mở', en: 'Open' },
  version: { vi: 'bản {n}', en: 'version {n}' },
  oldVersions: { vi: 'Bản cũ:', en: 'Older versions:' },
  changesTitle: { vi: 'Những gì đã thay đổi', en: 'What changed' },
  added: { vi: 'Thêm: {title}', en: 'Added: {title}' },
  newVersion: {
    vi: 'Bản mới của {title}: bản {to} (thay bản {from}). Lý do: {reason}',
    en: 'New version of {title}: version {to} (replaces {from}). Reason: {reason}',
  },
  removed: { vi: 'Rút khỏi bộ tài liệu: {title}', en: 'Withdrawn: {title}' },
  unplacedTitle: {
    vi: 'Đánh dấu, góp ý không đặt được vào bản mới (vẫn giữ, xem trong danh sách của tài liệu):',
    en: 'Highlights and comments that could not be placed on the new version (kept; listed with the document):',
  },
  offline: {
    vi: 'Không kết nối được máy chủ ({detail}). Tài liệu đã tải vẫn đọc được; sẽ thử lại khi có mạng.',
    en: 'Could not reach the server ({detail}). Downloaded documents still open; will retry when online.',
  },
  checkedAt: { vi: 'Kiểm tra lần cuối: {time}', en: 'Last checked: {time}' },
  none: { vi: 'Chưa có bộ tài liệu nào.', en: 'No packages yet.' },
  library: { vi: 'Về thư viện', en: 'Back to the library' },
  language: { vi: 'English', en: 'Tiếng Việt' },
} as const;

export type PackageStringKey = keyof typeof strings;

export function pt(key: PackageStringKey, params?: Record<string, string | number>): string {
  return format(strings[key][locale.value], params);
}
