// The briefcase's user-facing words, Vietnamese first with English as the second language, in one
// place. `t(key, params)` returns the text in the current locale; `locale` is a signal the pages
// switch with the language button (remembered in localStorage). Plain module: usable in Node tests.
import { signal } from '@preact/signals';

export type Locale = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}

const STORAGE_KEY = 'hdnd-briefcase-locale';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const locale = signal<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
  if (globalThis.document) globalThis.document.documentElement.lang = next;
}

export const messages = {
  'app.title': { vi: 'Cặp tài liệu HĐND', en: 'Council briefcase' },
  'app.language': { vi: 'English', en: 'Tiếng Việt' },
  'app.languageLabel': { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  'app.library': { vi: 'Thư viện tài liệu', en: 'Library' },
  'app.storageKept': {
    vi: 'Trình duyệt sẽ giữ tài liệu của bạn lâu dài.',
    en: 'The browser keeps your documents.',
  },

  // Import
  'import.heading': { vi: 'Nhập tài liệu', en: 'Import documents' },
  'import.chooseFiles': { vi: 'Chọn tệp PDF…', en: 'Choose PDF files…' },
  'import.fileInputLabel': { vi: 'Chọn tệp PDF để nhập', en: 'Choose PDF files to import' },
  'import.dropHint': {
    vi: 'hoặc kéo thả nhiều tệp PDF vào đây',
    en: 'or drop several PDF files here',
  },
  'import.urlLabel': { vi: 'Địa chỉ (URL) của tệp PDF', en: 'Address (URL) of a PDF' },
  'import.urlButton': { vi: 'Tải về và lưu', en: 'Download and save' },
  'import.saveToBriefcase': { vi: 'Lưu vào cặp tài liệu', en: 'Save to the briefcase' },
  'import.stage.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'import.stage.reading': { vi: 'Đang đọc tệp', en: 'Reading the file' },
  'import.stage.parsing': {
    vi: 'Đang đọc trang {done}/{total}',
    en: 'Reading page {done}/{total}',
  },
  'import.stage.saving': { vi: 'Đang lưu', en: 'Saving' },
  'import.stage.password': { vi: 'Cần mật khẩu', en: 'Password needed' },
  'import.done': { vi: 'Đã lưu: {pages} trang', en: 'Saved: {pages} pages' },
  'import.doneNoText': {
    vi: 'Đã lưu: {pages} trang, không có lớp chữ (bản quét) — không tìm kiếm được nội dung',
    en: 'Saved: {pages} pages, no text layer (a scan) — its content cannot be searched',
  },
  'import.duplicate': {
    vi: 'Đã có trong cặp tài liệu (cùng nội dung): {title}',
    en: 'Already in the briefcase (same content): {title}',
  },
  'import.summary': {
    vi: '{ok} tệp đã lưu, {failed} tệp không nhập được',
    en: '{ok} files saved, {failed} could not be imported',
  },
  'import.passwordPrompt': {
    vi: 'Tệp “{file}” được bảo vệ bằng mật khẩu. Nhập mật khẩu để mở:',
    en: '“{file}” is password-protected. Enter its password:',
  },
  'import.passwordWrong': {
    vi: 'Mật khẩu chưa đúng. Nhập lại mật khẩu của “{file}”:',
    en: 'Wrong password. Enter the password of “{file}” again:',
  },
  'import.passwordLabel': { vi: 'Mật khẩu', en: 'Password' },
  'import.passwordOk': { vi: 'Mở tệp', en: 'Open' },
  'import.passwordCancel': { vi: 'Bỏ qua tệp này', en: 'Skip this file' },
  'import.error.empty': {
    vi: 'Tệp rỗng (0 byte). Hãy tải lại tệp từ nguồn rồi nhập lại.',
    en: 'The file is empty (0 bytes). Download it again and re-import.',
  },
  'import.error.notPdf': {
    vi: 'Đây không phải tệp PDF. Cặp tài liệu chỉ nhận tệp PDF; hãy xuất (in) tài liệu ra PDF rồi nhập lại.',
    en: 'This is not a PDF. The briefcase takes PDF files only; export (print) the document to PDF and import it again.',
  },
  'import.error.broken': {
    vi: 'Tệp PDF bị hỏng, không đọc được. Hãy xin văn phòng gửi lại tệp khác.',
    en: 'The PDF is damaged and cannot be read. Ask the secretariat for a new copy.',
  },
  'import.error.passwordCancelled': {
    vi: 'Chưa nhập mật khẩu nên tệp chưa được lưu. Nhập lại tệp khi có mật khẩu.',
    en: 'No password was given, so the file was not saved. Import it again when you have the password.',
  },
  'import.error.timeout': {
    vi: 'Đọc tệp quá lâu nên đã dừng. Hãy thử nhập lại riêng tệp này.',
    en: 'Reading the file took too long and was stopped. Try importing this file on its own.',
  },
  'import.error.download': {
    vi: 'Không tải được tệp từ địa chỉ này ({detail}). Kiểm tra kết nối mạng và địa chỉ rồi thử lại.',
    en: 'Could not download the file ({detail}). Check the connection and the address, then try again.',
  },
  'import.error.storage': {
    vi: 'Không lưu được vào bộ nhớ trình duyệt ({detail}). Hãy giải phóng dung lượng đĩa rồi thử lại.',
    en: 'Could not save into the browser’s storage ({detail}). Free some disk space and try again.',
  },
  'import.error.quota': {
    vi: 'Bộ nhớ của trình duyệt đã đầy nên tệp này chưa được lưu; mọi tài liệu, ghi chú đã có trong cặp vẫn nguyên vẹn. Hãy xóa bớt tài liệu không còn dùng (hoặc giải phóng dung lượng ổ đĩa) rồi nhập lại.',
    en: 'The browser’s storage is full, so this file was not saved; every document and note already in the briefcase is intact. Delete documents you no longer need (or free disk space) and import it again.',
  },
  'import.error.unknown': {
    vi: 'Không nhập được tệp ({detail}). Hãy thử lại; nếu vẫn lỗi, gửi tệp cho văn phòng.',
    en: 'Could not import the file ({detail}). Try again; if it still fails, send the file to the secretariat.',
  },

  // Library
  'library.skipped': {
    vi: '{n} bản ghi trong cặp tài liệu bị hỏng nên đã được bỏ qua; các tài liệu khác vẫn dùng bình thường. Hãy nhập lại tài liệu bị thiếu, hoặc khôi phục từ bản sao lưu.',
    en: '{n} damaged records in the briefcase were skipped; the other documents work as usual. Import the missing documents again, or restore a backup.',
  },
  'library.skippedDetail': { vi: 'Chi tiết', en: 'Details' },
  'library.empty': {
    vi: 'Chưa có tài liệu nào. Hãy nhập tệp PDF hoặc đăng ký gói tài liệu kỳ họp.',
    en: 'No documents yet. Import PDF files or subscribe to a session package.',
  },
  'library.filter': { vi: 'Lọc theo tên, thẻ…', en: 'Filter by title, tag…' },
  'library.filterLabel': { vi: 'Lọc tài liệu', en: 'Filter documents' },
  'library.session': { vi: 'Kỳ họp', en: 'Session' },
  'library.allSessions': { vi: 'Tất cả kỳ họp', en: 'All sessions' },
  'library.noSession': { vi: 'Chưa xếp kỳ họp', en: 'No session' },
  'library.agendaItem': { vi: 'Nội dung chương trình', en: 'Agenda item' },
  'library.noAgendaItem': { vi: '(chưa xếp)', en: '(none)' },
  'library.tag': { vi: 'Thẻ', en: 'Tag' },
  'library.allTags': { vi: 'Tất cả thẻ', en: 'All tags' },
  'library.recent': { vi: 'Mở gần đây', en: 'Recently opened' },
  'library.col.title': { vi: 'Tên tài liệu', en: 'Title' },
  'library.col.pages': { vi: 'Số trang', en: 'Pages' },
  'library.col.size': { vi: 'Dung lượng', en: 'Size' },
  'library.col.imported': { vi: 'Ngày nhập', en: 'Imported' },
  'library.col.opened': { vi: 'Mở lần cuối', en: 'Last opened' },
  'library.col.session': { vi: 'Kỳ họp / mục', en: 'Session / item' },
  'library.col.tags': { vi: 'Thẻ', en: 'Tags' },
  'library.noText': { vi: 'bản quét, không có chữ', en: 'scan, no text' },
  'library.encrypted': { vi: 'có mật khẩu', en: 'password' },
  'library.sortBy': { vi: 'Sắp xếp theo {col}', en: 'Sort by {col}' },
  'library.count': { vi: '{n} tài liệu', en: '{n} documents' },
  'library.open': { vi: 'Mở', en: 'Open' },
  'library.edit': { vi: 'Sắp xếp', en: 'Organise' },
  'library.delete': { vi: 'Xoá', en: 'Delete' },
  'library.deleteConfirm': {
    vi: 'Xoá “{title}” cùng các ghi chú đánh dấu của nó khỏi cặp tài liệu?',
    en: 'Delete “{title}” and its annotations from the briefcase?',
  },
  'library.newSession': { vi: 'Thêm kỳ họp', en: 'Add a session' },
  'library.newSessionTitle': { vi: 'Tên kỳ họp (ví dụ: Kỳ họp thứ 7)', en: 'Session title' },
  'library.newAgendaItem': { vi: 'Thêm mục chương trình', en: 'Add an agenda item' },
  'library.tagsInput': { vi: 'Thẻ (cách nhau bởi dấu phẩy)', en: 'Tags (comma separated)' },
  'library.titleInput': { vi: 'Tên tài liệu', en: 'Title' },
  'library.save': { vi: 'Lưu', en: 'Save' },
  'library.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'library.notFound': {
    vi: 'Không tìm thấy tài liệu này (có thể đã bị xoá). Quay lại thư viện.',
    en: 'This document was not found (it may have been deleted). Back to the library.',
  },

  // Viewer
  'viewer.back': { vi: '← Thư viện', en: '← Library' },
  'viewer.loading': { vi: 'Đang mở tài liệu…', en: 'Opening the document…' },
  'viewer.prevPage': { vi: 'Trang trước', en: 'Previous page' },
  'viewer.nextPage': { vi: 'Trang sau', en: 'Next page' },
  'viewer.pageNumber': { vi: 'Số trang', en: 'Page number' },
  'viewer.ofPages': { vi: '/ {n}', en: 'of {n}' },
  'viewer.zoomIn': { vi: 'Phóng to', en: 'Zoom in' },
  'viewer.zoomOut': { vi: 'Thu nhỏ', en: 'Zoom out' },
  'viewer.fitWidth': { vi: 'Vừa chiều rộng', en: 'Fit width' },
  'viewer.find': { vi: 'Tìm trong tài liệu (có dấu hoặc không dấu)', en: 'Find in document' },
  'viewer.findNext': { vi: 'Kết quả sau', en: 'Next match' },
  'viewer.findPrev': { vi: 'Kết quả trước', en: 'Previous match' },
  'viewer.findCount': { vi: '{current}/{total} kết quả', en: '{current} of {total} matches' },
  'viewer.findNone': { vi: 'Không thấy', en: 'Not found' },
  'viewer.outline': { vi: 'Mục lục', en: 'Outline' },
  'viewer.noOutline': {
    vi: 'Tài liệu không có mục lục. Dùng ô số trang hoặc tìm kiếm để di chuyển.',
    en: 'No outline. Use the page box or find to move around.',
  },
  'viewer.openFailed': {
    vi: 'Không mở được tài liệu ({detail}). Hãy xoá và nhập lại tệp.',
    en: 'Could not open the document ({detail}). Delete and re-import the file.',
  },
  'viewer.noTextLayer': {
    vi: 'Tài liệu này là bản quét, không có lớp chữ: chỉ dán được ghi chú, không đánh dấu được đoạn văn.',
    en: 'This document is a scan without text: you can add notes, not highlight passages.',
  },
  'viewer.shortcuts': {
    vi: 'Phím tắt: ←/→ trang, +/− phóng to, Ctrl+F tìm, H đánh dấu, C góp ý, Ctrl+Z hoàn tác',
    en: 'Keys: ←/→ page, +/− zoom, Ctrl+F find, H highlight, C comment, Ctrl+Z undo',
  },

  // Annotations
  'ann.highlight': { vi: 'Đánh dấu', en: 'Highlight' },
  'ann.comment': { vi: 'Góp ý', en: 'Comment' },
  'ann.note': { vi: 'Ghi chú dán', en: 'Sticky note' },
  'ann.noteMode': {
    vi: 'Bấm vào trang để dán ghi chú (Esc để thôi)',
    en: 'Click on the page to place a note (Esc to stop)',
  },
  'ann.color': { vi: 'Màu đánh dấu', en: 'Highlight colour' },
  'ann.color.yellow': { vi: 'Vàng', en: 'Yellow' },
  'ann.color.green': { vi: 'Xanh lá', en: 'Green' },
  'ann.color.blue': { vi: 'Xanh dương', en: 'Blue' },
  'ann.color.pink': { vi: 'Hồng', en: 'Pink' },
  'ann.undo': { vi: 'Hoàn tác', en: 'Undo' },
  'ann.redo': { vi: 'Làm lại', en: 'Redo' },
  'ann.selectFirst': {
    vi: 'Hãy bôi chọn một đoạn văn trên trang trước.',
    en: 'Select a passage on the page first.',
  },
  'ann.listHeading': { vi: 'Đánh dấu và góp ý', en: 'Highlights and comments' },
  'ann.listEmpty': {
    vi: 'Chưa có. Bôi chọn đoạn văn rồi bấm “Đánh dấu” hoặc “Góp ý”.',
    en: 'None yet. Select a passage, then press “Highlight” or “Comment”.',
  },
  'ann.orphaned': {
    vi: 'Không định vị được trong tài liệu (đoạn văn đã thay đổi)',
    en: 'Could not be placed in the document (the text changed)',
  },
  'ann.draftComment': { vi: 'Góp ý dự thảo', en: 'Draft comment' },
  'ann.bodyLabel': { vi: 'Nội dung', en: 'Text' },
  'ann.commentPlaceholder': {
    vi: 'Nội dung góp ý cho dự thảo nghị quyết…',
    en: 'Your comment on the draft resolution…',
  },
  'ann.notePlaceholder': { vi: 'Ghi chú…', en: 'Note…' },
  'ann.edit': { vi: 'Sửa', en: 'Edit' },
  'ann.delete': { vi: 'Xoá', en: 'Delete' },
  'ann.save': { vi: 'Lưu', en: 'Save' },
  'ann.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'ann.page': { vi: 'Trang {n}', en: 'Page {n}' },
  'ann.saving': { vi: 'Đang lưu…', en: 'Saving…' },
  'ann.saved': { vi: 'Đã lưu', en: 'Saved' },
  'ann.saveFailed': {
    vi: 'Chưa lưu được đánh dấu; sẽ thử lại. Đừng đóng trang.',
    en: 'Annotations not saved yet; retrying. Keep the page open.',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;

export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Both languages of a message, with parameters filled in. */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): Bilingual {
  const m = messages[key];
  return { vi: format(m.vi, params), en: format(m.en, params) };
}

/** The message in the current locale. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(messages[key][locale.value], params);
}
