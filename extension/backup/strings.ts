// Words of the backup page and of backup/restore errors, Vietnamese first, English second.
import { format, locale, type Bilingual } from '../ui/i18n';

export const backupStrings = {
  'backup.heading': { vi: 'Sao lưu và khôi phục', en: 'Back up and restore' },
  'backup.intro': {
    vi: 'Sao lưu toàn bộ cặp tài liệu (tài liệu gốc, đánh dấu, góp ý, ghi chú, kỳ họp, cài đặt) vào một tệp. Giữ tệp ở nơi an toàn; có thể khôi phục trên máy khác.',
    en: 'Back up the whole briefcase (original documents, highlights, comments, notes, sessions, settings) into one file. Keep it safe; it can be restored on another computer.',
  },
  'backup.create': { vi: 'Tạo tệp sao lưu', en: 'Create a backup file' },
  'backup.creating': { vi: 'Đang sao lưu…', en: 'Backing up…' },
  'backup.created': {
    vi: 'Đã tạo tệp sao lưu: {docs} tài liệu, {annotations} đánh dấu/góp ý, {notes} ghi chú.',
    en: 'Backup created: {docs} documents, {annotations} highlights/comments, {notes} notes.',
  },
  'backup.restoreHeading': { vi: 'Khôi phục từ tệp sao lưu', en: 'Restore from a backup file' },
  'backup.restoreWarning': {
    vi: 'Khôi phục sẽ THAY THẾ toàn bộ nội dung hiện có của cặp tài liệu bằng nội dung của tệp sao lưu. Tệp được kiểm tra đầy đủ trước; nếu tệp hỏng, không có gì bị thay đổi.',
    en: 'Restoring REPLACES everything in the briefcase with the backup’s content. The file is fully checked first; if it is damaged, nothing changes.',
  },
  'backup.chooseFile': { vi: 'Chọn tệp sao lưu (.zip)', en: 'Choose a backup file (.zip)' },
  'backup.confirm': {
    vi: 'Thay thế toàn bộ cặp tài liệu bằng tệp “{file}”?',
    en: 'Replace the whole briefcase with “{file}”?',
  },
  'backup.restoring': { vi: 'Đang kiểm tra và khôi phục…', en: 'Checking and restoring…' },
  'backup.restored': {
    vi: 'Đã khôi phục: {docs} tài liệu, {annotations} đánh dấu/góp ý, {notes} ghi chú. Chỉ mục tìm kiếm đang được lập lại.',
    en: 'Restored: {docs} documents, {annotations} highlights/comments, {notes} notes. The search index is being rebuilt.',
  },
  'backup.error.notZip': {
    vi: 'Tệp này không phải tệp sao lưu của cặp tài liệu (không đọc được). Không có gì bị thay đổi. Hãy chọn đúng tệp .zip đã sao lưu.',
    en: 'This is not a briefcase backup (it cannot be read). Nothing was changed. Choose the .zip backup file.',
  },
  'backup.error.noManifest': {
    vi: 'Tệp sao lưu thiếu phần mô tả (manifest.json) hoặc phần mô tả không hợp lệ. Không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.',
    en: 'The backup has no valid description (manifest.json). Nothing was changed. Use another backup.',
  },
  'backup.error.newer': {
    vi: 'Tệp sao lưu được tạo bởi phiên bản mới hơn của tiện ích (lược đồ {version}). Không có gì bị thay đổi. Hãy cập nhật tiện ích rồi khôi phục lại.',
    en: 'The backup was made by a newer version of the extension (schema {version}). Nothing was changed. Update the extension, then restore again.',
  },
  'backup.error.missing': {
    vi: 'Tệp sao lưu bị hỏng: thiếu “{file}”. Không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.',
    en: 'The backup is damaged: “{file}” is missing. Nothing was changed. Use another backup.',
  },
  'backup.error.hash': {
    vi: 'Tệp sao lưu bị hỏng: mã kiểm tra SHA-256 của “{file}” không khớp. Không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.',
    en: 'The backup is damaged: the SHA-256 checksum of “{file}” does not match. Nothing was changed. Use another backup.',
  },
  'backup.error.content': {
    vi: 'Nội dung tệp sao lưu không hợp lệ ({detail}). Không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.',
    en: 'The backup’s content is invalid ({detail}). Nothing was changed. Use another backup.',
  },
  'backup.error.storage': {
    vi: 'Không ghi được vào bộ nhớ trình duyệt ({detail}). Không có gì bị thay đổi. Hãy giải phóng dung lượng đĩa rồi thử lại.',
    en: 'Could not write to the browser’s storage ({detail}). Nothing was changed. Free some disk space and try again.',
  },
} satisfies Record<string, Bilingual>;

export type BackupMessageKey = keyof typeof backupStrings;

export function backupBilingual(
  key: BackupMessageKey,
  params?: Record<string, string | number>,
): Bilingual {
  const m = backupStrings[key];
  return { vi: format(m.vi, params), en: format(m.en, params) };
}

export function bt(key: BackupMessageKey, params?: Record<string, string | number>): string {
  return format(backupStrings[key][locale.value], params);
}
