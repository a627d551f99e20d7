// Words of the export buttons, Vietnamese first, English second.
import { format, locale, type Bilingual } from '../ui/i18n';

export const exportStrings = {
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
} satisfies Record<string, Bilingual>;

export type ExportMessageKey = keyof typeof exportStrings;

export function et(key: ExportMessageKey, params?: Record<string, string | number>): string {
  return format(exportStrings[key][locale.value], params);
}
