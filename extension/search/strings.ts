// Words of the search box and results page, Vietnamese first, English second.
import { format, locale, type Bilingual } from '../ui/i18n';

export const searchStrings = {
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
  'search.failed': {
    vi: 'Không tìm được ({detail}). Hãy thử lại.',
    en: 'The search failed ({detail}). Try again.',
  },
  'search.docTools': { vi: 'Ghi chú và xuất tệp', en: 'Notes and export' },
  'nav.notes': { vi: 'Ghi chú', en: 'Notes' },
  'nav.backup': { vi: 'Sao lưu', en: 'Backup' },
} satisfies Record<string, Bilingual>;

export type SearchMessageKey = keyof typeof searchStrings;

export function st(key: SearchMessageKey, params?: Record<string, string | number>): string {
  return format(searchStrings[key][locale.value], params);
}
