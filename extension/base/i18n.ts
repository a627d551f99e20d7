// The extension's user-facing words, Vietnamese first with English as the second language, in one
// place: the words every meeting client shares (shared/meeting-words.ts) and the briefcase's and
// side panel's own. `t(key, params)` returns the text in the current language; `lang` is a signal
// the pages switch with the language button (remembered in localStorage). Plain module: usable in
// Node tests.
import { signal } from '@preact/signals';
import { fill, meetingWords, type Lang } from '../../shared/meeting-words';
import { leaveMessages } from './i18n-leave';
import { recordMessages } from './i18n-record';

export type { Lang };
export interface Bilingual {
  vi: string;
  en: string;
}

const STORAGE_KEY = 'hdnd-briefcase-locale';

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
  if (globalThis.document) globalThis.document.documentElement.lang = next;
}

export const messages = {
  ...meetingWords,
  ...leaveMessages,
  ...recordMessages,
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
  'viewer.sidePanel': { vi: 'Trang và mục lục', en: 'Pages and outline' },
  'viewer.pages': { vi: 'Trang', en: 'Pages' },
  'viewer.goToPage': { vi: 'Đến trang {n}', en: 'Go to page {n}' },
  'viewer.documentPanel': {
    vi: 'Đánh dấu, ghi chú và xuất tệp',
    en: 'Highlights, notes and export',
  },
  'viewer.tab.annotations': { vi: 'Đánh dấu', en: 'Highlights' },
  'viewer.tab.notes': { vi: 'Ghi chú', en: 'Notes' },
  'viewer.tab.export': { vi: 'Xuất tệp', en: 'Export' },
  'viewer.replaced': {
    vi: 'Đã có bản mới của tài liệu này; ghi chú và đánh dấu đã được chuyển sang bản mới.',
    en: 'A new version of this document has arrived; your notes and highlights were moved onto it.',
  },
  'viewer.openNew': { vi: 'Mở bản mới', en: 'Open the new version' },
  'viewer.movedAway': {
    vi: 'Mục này đã được chuyển sang bản mới nên không sửa được ở bản cũ. Hãy mở bản mới để sửa.',
    en: 'This was moved onto the new version, so it cannot be changed in the old one. Open the new version to edit it.',
  },
  'viewer.changedElsewhere': {
    vi: 'Mục này vừa được sửa ở thẻ khác; đang hiện bản đã lưu. Hãy sửa lại nếu cần.',
    en: 'This was just changed in another tab; the saved version is shown. Edit it again if needed.',
  },
  'viewer.changedOnNew': {
    vi: 'Mục này đã chuyển sang bản mới và vừa được sửa ở đó; để không ghi đè, thay đổi ở bản cũ không được lưu. Hãy mở bản mới và sửa ở đó.',
    en: 'This was moved onto the new version and changed there; so as not to overwrite it, the change in the old version was not saved. Open the new version and edit it there.',
  },
  'viewer.deletedElsewhere': {
    vi: 'Mục này vừa bị xoá ở thẻ khác nên thay đổi không được lưu.',
    en: 'This was just deleted in another tab, so the change was not saved.',
  },
  'viewer.notSaved': {
    vi: 'Nội dung bạn vừa gõ (chưa lưu, hãy sao chép nếu cần): “{body}”',
    en: 'What you typed (not saved; copy it if you need it): “{body}”',
  },
  'viewer.annotationGone': {
    vi: 'Không còn đánh dấu này trong tài liệu (có thể đã bị xoá).',
    en: 'This highlight is no longer in the document (it may have been deleted).',
  },
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
  'ann.oldPage': { vi: 'Trang {n} ở bản cũ', en: 'Page {n} in the old version' },
  'ann.openOld': { vi: 'Xem đoạn này ở bản cũ', en: 'See this passage in the old version' },
  'ann.placeOnSelection': { vi: 'Đặt vào đoạn đã chọn', en: 'Place on the selection' },
  'ann.placeNote': { vi: 'Đặt lên trang', en: 'Place on a page' },
  'ann.unplacedHint': {
    vi: 'Mục này chưa có chỗ trong bản này. Bôi chọn đoạn văn tương ứng rồi bấm “Đặt vào đoạn đã chọn” (ghi chú dán: bấm “Đặt lên trang” rồi bấm vào trang).',
    en: 'This has no place in this version yet. Select the matching passage, then press “Place on the selection” (sticky note: press “Place on a page”, then click on the page).',
  },
  'ann.placeSelectFirst': {
    vi: 'Hãy bôi chọn đoạn văn trong bản này trước, rồi bấm “Đặt vào đoạn đã chọn”.',
    en: 'Select the passage in this version first, then press “Place on the selection”.',
  },
  'ann.placeNoteMode': {
    vi: 'Bấm vào trang để đặt ghi chú dán vào đó (Esc để thôi)',
    en: 'Click on the page to place the sticky note there (Esc to stop)',
  },
  'ann.movedHeading': { vi: 'Đã chuyển sang bản mới', en: 'Moved onto the new version' },
  'ann.movedExplain': {
    vi: 'Ở bản cũ này chỉ xem được. Muốn sửa hoặc xoá, bấm “Sửa ở bản mới”.',
    en: 'Read-only in this old version. To edit or delete, press “Edit in the new version”.',
  },
  'ann.editOnNew': { vi: 'Sửa ở bản mới', en: 'Edit in the new version' },
  'ann.saving': { vi: 'Đang lưu…', en: 'Saving…' },
  'ann.saved': { vi: 'Đã lưu', en: 'Saved' },
  'ann.saveFailed': {
    vi: 'Chưa lưu được đánh dấu; sẽ thử lại. Đừng đóng trang.',
    en: 'Annotations not saved yet; retrying. Keep the page open.',
  },

  // Search (extension/search)
  'search.label': {
    vi: 'Tìm trong tất cả tài liệu, góp ý và ghi chú (gõ có dấu hoặc không dấu)',
    en: 'Search all documents, comments and notes (with or without accents)',
  },
  'search.placeholder': {
    vi: 'Tìm kiếm, ví dụ: nghi quyet ngan sach',
    en: 'Search, e.g. budget resolution',
  },
  'search.button': { vi: 'Tìm', en: 'Search' },
  'search.heading': { vi: 'Kết quả tìm kiếm', en: 'Search results' },
  'search.summary': {
    vi: '{hits} kết quả trong {groups} nhóm cho “{q}” ({ms} ms)',
    en: '{hits} results in {groups} groups for “{q}” ({ms} ms)',
  },
  'search.none': {
    vi: 'Không tìm thấy “{q}”. Thử bỏ bớt từ, kiểm tra chính tả, hoặc gõ không dấu.',
    en: 'Nothing found for “{q}”. Try fewer words, check the spelling, or type without accents.',
  },
  'search.empty': {
    vi: 'Gõ từ cần tìm vào ô tìm kiếm. Có thể gõ không dấu: “dai bieu” tìm được “đại biểu”.',
    en: 'Type words to search. Accents are optional: “dai bieu” finds “đại biểu”.',
  },
  'search.indexing': {
    vi: 'Đang lập chỉ mục tìm kiếm: {done}/{total}… Kết quả có thể chưa đủ.',
    en: 'Building the search index: {done}/{total}… Results may be incomplete.',
  },
  'search.indexError': {
    vi: 'Lập chỉ mục tìm kiếm bị lỗi ({detail}). Hãy tải lại trang.',
    en: 'Building the search index failed ({detail}). Reload the page.',
  },
  'search.page': { vi: 'Trang {n}', en: 'Page {n}' },
  'search.annotation': { vi: 'Đánh dấu / góp ý, trang {n}', en: 'Highlight / comment, page {n}' },
  'search.note': { vi: 'Ghi chú', en: 'Note' },
  'search.sessionNotes': { vi: 'Ghi chú kỳ họp', en: 'Session notes' },
  'search.morePages': { vi: 'Các trang khác:', en: 'Other pages:' },
  'search.hitsInDoc': { vi: '{n} kết quả', en: '{n} results' },
  'search.moreGroups': {
    vi: 'Xem thêm {n} tài liệu (còn {left})',
    en: 'Show {n} more documents ({left} left)',
  },
  'search.failed': {
    vi: 'Không tìm được ({detail}). Hãy thử lại.',
    en: 'The search failed ({detail}). Try again.',
  },
  'search.docTools': { vi: 'Ghi chú và xuất tệp', en: 'Notes and export' },
  'nav.notes': { vi: 'Ghi chú', en: 'Notes' },
  'nav.backup': { vi: 'Sao lưu', en: 'Backup' },

  // Notes (extension/notes)
  'notes.heading': { vi: 'Ghi chú', en: 'Notes' },
  'notes.new': { vi: 'Ghi chú mới', en: 'New note' },
  'notes.empty': {
    vi: 'Chưa có ghi chú nào. Bấm “Ghi chú mới” để ghi ý kiến chuẩn bị cho kỳ họp.',
    en: 'No notes yet. Press “New note” to write down what to raise at the session.',
  },
  'notes.title': { vi: 'Tiêu đề', en: 'Title' },
  'notes.body': { vi: 'Nội dung', en: 'Text' },
  'notes.formatHint': {
    vi: 'Định dạng: **đậm**, *nghiêng*, dòng bắt đầu bằng “- ” hoặc “1. ” thành danh sách.',
    en: 'Formatting: **bold**, *italic*, lines starting with “- ” or “1. ” make a list.',
  },
  'notes.preview': { vi: 'Xem trước', en: 'Preview' },
  'notes.attachTo': { vi: 'Gắn với', en: 'Belongs to' },
  'notes.document': { vi: 'Tài liệu', en: 'Document' },
  'notes.session': { vi: 'Kỳ họp', en: 'Session' },
  'notes.none': { vi: '(không)', en: '(none)' },
  'notes.links': { vi: 'Liên kết tới đánh dấu / góp ý', en: 'Linked highlights / comments' },
  'notes.noAnnotations': {
    vi: 'Tài liệu này chưa có đánh dấu hay góp ý nào để liên kết.',
    en: 'This document has no highlights or comments to link yet.',
  },
  'notes.chooseDocFirst': {
    vi: 'Chọn một tài liệu để liên kết tới đánh dấu của nó.',
    en: 'Choose a document to link to its highlights.',
  },
  'notes.page': { vi: 'Trang {n}', en: 'Page {n}' },
  'notes.save': { vi: 'Lưu ghi chú', en: 'Save note' },
  'notes.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'notes.edit': { vi: 'Sửa', en: 'Edit' },
  'notes.delete': { vi: 'Xoá', en: 'Delete' },
  'notes.conflict': {
    vi: 'Ghi chú này vừa được sửa hoặc xoá ở một thẻ khác nên chưa lưu thay đổi của bạn. Hãy đóng trình sửa, xem bản hiện tại rồi sửa lại.',
    en: 'This note was just changed or deleted in another tab, so your change was not saved. Close the editor, look at the current note and edit it again.',
  },
  'notes.deleteConfirm': { vi: 'Xoá ghi chú “{title}”?', en: 'Delete the note “{title}”?' },
  'notes.untitled': { vi: '(chưa có tiêu đề)', en: '(untitled)' },
  'notes.titleRequired': {
    vi: 'Hãy nhập tiêu đề hoặc nội dung cho ghi chú.',
    en: 'Enter a title or some text for the note.',
  },
  'notes.sessionNotes': { vi: 'Ghi chú kỳ họp', en: 'Session notes' },
  'notes.documentNotes': { vi: 'Ghi chú theo tài liệu', en: 'Notes on documents' },
  'notes.otherNotes': { vi: 'Ghi chú khác', en: 'Other notes' },
  'notes.updated': { vi: 'Sửa lúc {when}', en: 'Edited {when}' },
  'notes.missingAnnotation': {
    vi: '(đánh dấu này đã bị xoá)',
    en: '(this highlight was deleted)',
  },
  'notes.panelHeading': { vi: 'Ghi chú về tài liệu này', en: 'Notes on this document' },
  'notes.allNotes': { vi: 'Tất cả ghi chú', en: 'All notes' },

  // Export (extension/export)
  'export.heading': { vi: 'Xuất tài liệu', en: 'Export' },
  'export.annotated': { vi: 'Tải bản PDF có ghi chú', en: 'Download the annotated PDF' },
  'export.annotatedHint': {
    vi: 'Bản sao kèm đánh dấu và góp ý, mở được bằng mọi trình đọc PDF. Tệp gốc (và chữ ký số của nó) giữ nguyên.',
    en: 'A copy with your highlights and comments for any PDF reader. The original (and its digital signature) stays unchanged.',
  },
  'export.sheetDocx': { vi: 'Phiếu góp ý (.docx)', en: 'Comment sheet (.docx)' },
  'export.sheetPdf': { vi: 'Phiếu góp ý (.pdf)', en: 'Comment sheet (.pdf)' },
  'export.delegateName': {
    vi: 'Họ tên đại biểu (in trên phiếu)',
    en: 'Delegate’s name (on the sheet)',
  },
  'export.working': { vi: 'Đang tạo tệp…', en: 'Creating the file…' },
  'export.done': { vi: 'Đã tạo “{file}”.', en: 'Created “{file}”.' },
  'export.noComments': {
    vi: 'Tài liệu chưa có góp ý dự thảo nào: phiếu sẽ trống. Đánh dấu “Góp ý dự thảo” khi viết góp ý.',
    en: 'No draft comments yet: the sheet will be empty. Tick “Draft comment” when writing a comment.',
  },
  'export.error.encrypted': {
    vi: 'Tệp có mật khẩu nên không ghi thêm ghi chú vào được. Phiếu góp ý vẫn xuất được.',
    en: 'The file is password-protected, so annotations cannot be written into it. The comment sheet still works.',
  },
  'export.error.notFound': {
    vi: 'Không tìm thấy tài liệu hoặc tệp gốc. Hãy nhập lại tài liệu.',
    en: 'The document or its file was not found. Import the document again.',
  },
  'export.error.broken': {
    vi: 'Không ghi được ghi chú vào tệp PDF này (cấu trúc tệp lạ). Hãy dùng phiếu góp ý.',
    en: 'Annotations could not be written into this PDF (unusual file structure). Use the comment sheet.',
  },
  'export.error.unknown': {
    vi: 'Không xuất được ({detail}). Hãy thử lại.',
    en: 'Export failed ({detail}). Try again.',
  },

  // Backup (extension/backup)
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

  // Session packages (extension/packages)
  'packages.title': { vi: 'Bộ tài liệu kỳ họp', en: 'Session packages' },
  'packages.intro': {
    vi: 'Dán liên kết bộ tài liệu văn phòng HĐND gửi cho bạn. Tài liệu được tải về cặp tài liệu để đọc cả khi không có mạng, và tự cập nhật khi có bản mới.',
    en: 'Paste the package link the council secretariat sent you. The documents are downloaded into your briefcase to read offline, and updated when a new version is published.',
  },
  'packages.linkLabel': { vi: 'Liên kết bộ tài liệu', en: 'Package link' },
  'packages.add': { vi: 'Thêm vào cặp tài liệu', en: 'Add to briefcase' },
  'packages.notALink': {
    vi: 'Đây không phải liên kết bộ tài liệu (dạng https://…/p/…). Hãy sao chép đúng liên kết trong thư mời.',
    en: 'This is not a package link (https://…/p/…). Copy the exact link from your invitation.',
  },
  'packages.downloading': {
    vi: 'Đang tải {title} ({done}/{total})… {percent}%',
    en: 'Downloading {title} ({done}/{total})… {percent}%',
  },
  'packages.upToDate': {
    vi: 'Đã có đủ tài liệu, bản mới nhất.',
    en: 'All documents, latest versions.',
  },
  'packages.checkNow': { vi: 'Kiểm tra cập nhật', en: 'Check for updates' },
  'packages.update': { vi: 'Tải bản mới', en: 'Download updates' },
  'packages.pending': { vi: 'Có {n} thay đổi chưa tải về:', en: '{n} changes not yet downloaded:' },
  'packages.documents': { vi: 'Tài liệu', en: 'Documents' },
  'packages.open': { vi: 'Mở', en: 'Open' },
  'packages.version': { vi: 'bản {n}', en: 'version {n}' },
  'packages.oldVersions': { vi: 'Bản cũ:', en: 'Older versions:' },
  'packages.changesTitle': { vi: 'Những gì đã thay đổi', en: 'What changed' },
  'packages.added': { vi: 'Thêm: {title}', en: 'Added: {title}' },
  'packages.newVersion': {
    vi: 'Bản mới của {title}: bản {to} (thay bản {from}). Lý do: {reason}',
    en: 'New version of {title}: version {to} (replaces {from}). Reason: {reason}',
  },
  'packages.removed': { vi: 'Rút khỏi bộ tài liệu: {title}', en: 'Withdrawn: {title}' },
  'packages.unplacedTitle': {
    vi: 'Đánh dấu, góp ý, ghi chú không đặt được vào bản mới (vẫn giữ nguyên). Bấm “Đặt lại bằng tay”, rồi trong bản mới bôi chọn đoạn văn và bấm “Đặt vào đoạn đã chọn”:',
    en: 'Highlights, comments and notes that could not be placed on the new version (kept). Press “Place it by hand”, then select the passage in the new version and press “Place on the selection”:',
  },
  'packages.unplacedPage': { vi: 'trang {n} ở bản cũ', en: 'page {n} in the old version' },
  'packages.unplacedPlace': { vi: 'Đặt lại bằng tay', en: 'Place it by hand' },
  'packages.unplacedPlaced': { vi: 'Đã đặt lại — mở', en: 'Placed again — open' },
  'packages.unplacedDeleted': { vi: '(đã xoá)', en: '(deleted)' },
  'packages.agendaItem': { vi: 'Mục {n} “{title}”:', en: 'Item {n} “{title}”:' },
  'packages.offline': {
    vi: 'Không kết nối được máy chủ ({detail}). Tài liệu đã tải vẫn đọc được; sẽ thử lại khi có mạng.',
    en: 'Could not reach the server ({detail}). Downloaded documents still open; will retry when online.',
  },
  'packages.checkedAt': { vi: 'Kiểm tra lần cuối: {time}', en: 'Last checked: {time}' },
  'packages.none': { vi: 'Chưa có bộ tài liệu nào.', en: 'No packages yet.' },
  'packages.library': { vi: 'Về thư viện', en: 'Back to the library' },
  'packages.badgeUpdated': {
    vi: 'Đã tự tải về {n} thay đổi:',
    en: '{n} changes downloaded in the background:',
  },
  'packages.badgeDownloading': {
    vi: 'Đang tải về {n} thay đổi:',
    en: 'Downloading {n} changes:',
  },
  'packages.newInBackground': {
    vi: 'Mới — đã tự tải về khi bạn chưa mở trang này',
    en: 'New — downloaded in the background',
  },

  // The meeting side panel (on top of the words every meeting client shares)
  'panel.title': { vi: 'Họp trực tuyến', en: 'Online meeting' },
  'panel.intro': {
    vi: 'Dán liên kết mời họp trong thư mời của văn phòng HĐND. Bảng này giữ cuộc họp bên cạnh tài liệu bạn đang đọc.',
    en: 'Paste the meeting invitation link from the secretariat. This panel keeps the meeting next to the document you are reading.',
  },
  'panel.linkLabel': { vi: 'Liên kết mời họp', en: 'Invitation link' },
  'panel.notALink': {
    vi: 'Đây không phải liên kết mời họp (dạng https://…/j/…). Hãy sao chép đúng liên kết trong thư mời.',
    en: 'This is not an invitation link (https://…/j/…). Copy the exact link from your invitation.',
  },
  'panel.remembered': { vi: 'Liên kết mời đã lưu', en: 'Saved invitation' },
  'panel.joinedAs': { vi: '{name} — {role}', en: '{name} — {role}' },
  'panel.forget': { vi: 'Dùng liên kết khác', en: 'Use another link' },
  'panel.connecting': { vi: 'Đang kết nối…', en: 'Connecting…' },
  'panel.documents': { vi: 'Tài liệu của nội dung này', en: 'Documents for this item' },
  'panel.openDocumentOf': { vi: 'Mở tài liệu: {title}', en: 'Open the document: {title}' },
  'panel.outdated': { vi: '(có bản mới chưa tải)', en: '(a newer version is not downloaded)' },
  'panel.noDocuments': {
    vi: 'Cặp tài liệu không có tài liệu nào của nội dung này.',
    en: 'The briefcase has no documents for this item.',
  },
  'panel.noPackage': {
    vi: 'Cặp tài liệu chưa có bộ tài liệu của cuộc họp này.',
    en: 'The briefcase does not have this meeting’s package yet.',
  },
  'panel.openPackages': { vi: 'Bộ tài liệu kỳ họp', en: 'Session packages' },
  'panel.micFailed': {
    vi: 'Không bật được micro. Cho phép tiện ích dùng micro (biểu tượng ổ khóa trên thanh địa chỉ, hoặc chrome://settings/content/microphone) rồi bấm "Bật micro".',
    en: 'Could not turn on the microphone. Allow the extension to use it (the lock icon, or chrome://settings/content/microphone), then press "Unmute".',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;

/** Both languages of a message, with parameters filled in. */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): Bilingual {
  const m = messages[key];
  return { vi: fill(m.vi, params), en: fill(m.en, params) };
}

/** The message in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(messages[key][lang.value], params);
}

/** A bilingual label from shared/ (roles, hand kinds) in the current language. */
export const tr = (label: Bilingual): string => label[lang.value];
