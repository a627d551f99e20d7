// Words of the notes page and panel, Vietnamese first, English second.
import { format, locale, type Bilingual } from '../ui/i18n';

export const notesStrings = {
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
} satisfies Record<string, Bilingual>;

export type NotesMessageKey = keyof typeof notesStrings;

export function nt(key: NotesMessageKey, params?: Record<string, string | number>): string {
  return format(notesStrings[key][locale.value], params);
}
