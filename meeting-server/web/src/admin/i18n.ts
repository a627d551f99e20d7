// Vietnamese-first strings of the secretariat's app (English second), in the domain's words
// (../shared/DOMAIN.md); the language choice is shared with the meeting pages.
import { signal } from '@preact/signals';
import { fill, type Lang } from '../../../../shared/meeting-words';

export type { Lang };
export const lang = signal<Lang>((localStorage.getItem('lang') as Lang | null) ?? 'vi');
document.documentElement.lang = lang.value;

export function setLang(l: Lang) {
  lang.value = l;
  localStorage.setItem('lang', l);
  document.documentElement.lang = l;
}

const strings = {
  appTitle: { vi: 'Văn phòng HĐND', en: 'Council secretariat' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  signInTitle: { vi: 'Đăng nhập văn phòng', en: 'Secretariat sign-in' },
  email: { vi: 'E-mail', en: 'E-mail' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Đang đăng nhập: {name}', en: 'Signed in: {name}' },
  forgotHint: {
    vi: 'Quên mật khẩu? Nhờ quản trị viên của văn phòng tạo lại tài khoản cho bạn.',
    en: 'Forgot the password? Ask your office’s administrator to set up your account again.',
  },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  setupTitle: { vi: 'Cài đặt lần đầu', en: 'First-run setup' },
  setupIntro: {
    vi: 'Tạo tài khoản quản trị viên đầu tiên. Người này sẽ tạo tài khoản cho các cán bộ văn phòng khác.',
    en: 'Create the first administrator account. This person then creates the other secretariat accounts.',
  },
  setupExpires: { vi: 'Liên kết này dùng được đến {time}.', en: 'This link works until {time}.' },
  setupNoToken: {
    vi: 'Trang này chỉ mở được từ liên kết cài đặt mà máy chủ in ra khi khởi động (npm start).',
    en: 'This page opens only from the setup link the server prints when it starts (npm start).',
  },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  repeatPassword: { vi: 'Nhập lại mật khẩu', en: 'Repeat the password' },
  passwordsDiffer: { vi: 'Hai mật khẩu chưa giống nhau.', en: 'The two passwords differ.' },
  createAdmin: { vi: 'Tạo tài khoản quản trị', en: 'Create the administrator' },
  setupDone: {
    vi: 'Đã tạo tài khoản quản trị. Bạn đã đăng nhập.',
    en: 'The administrator account is created. You are signed in.',
  },
  strength: { vi: 'Độ mạnh mật khẩu', en: 'Password strength' },
  strength0: { vi: 'Rất yếu', en: 'Very weak' },
  strength1: { vi: 'Yếu', en: 'Weak' },
  strength2: { vi: 'Tạm được', en: 'Fair' },
  strength3: { vi: 'Mạnh', en: 'Strong' },
  strength4: { vi: 'Rất mạnh', en: 'Very strong' },
  navCouncils: { vi: 'Hội đồng', en: 'Councils' },
  navAccount: { vi: 'Tài khoản', en: 'Accounts' },
  mainNav: { vi: 'Các mục', en: 'Sections' },
  councilsTitle: { vi: 'Hội đồng nhân dân', en: 'People’s Councils' },
  councilsEmpty: {
    vi: 'Chưa có Hội đồng nào. Tạo Hội đồng đầu tiên bằng biểu mẫu bên dưới.',
    en: 'No council yet. Create the first one with the form below.',
  },
  councilName: { vi: 'Tên Hội đồng', en: 'Council name' },
  councilNameHint: { vi: 'Ví dụ: HĐND xã Minh Khai', en: 'For example: HĐND xã Minh Khai' },
  level: { vi: 'Cấp', en: 'Level' },
  levelProvince: { vi: 'Tỉnh, thành phố', en: 'Province' },
  levelCommune: { vi: 'Xã, phường, đặc khu', en: 'Commune / ward' },
  totalMembers: { vi: 'Số đại biểu được bầu', en: 'Delegates elected' },
  totalMembersHint: {
    vi: 'Dùng để tính số đại biểu có mặt cần thiết và tỷ lệ biểu quyết.',
    en: 'Used for the quorum and the voting thresholds.',
  },
  createCouncil: { vi: 'Tạo Hội đồng', en: 'Create council' },
  councilCreated: { vi: 'Đã tạo {name}.', en: '{name} created.' },
  edit: { vi: 'Sửa', en: 'Edit' },
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  changePasswordTitle: { vi: 'Đổi mật khẩu', en: 'Change password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  changePassword: { vi: 'Đổi mật khẩu', en: 'Change password' },
  passwordChanged: {
    vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã bị đăng xuất.',
    en: 'Password changed. Your other sessions were signed out.',
  },
  staffTitle: { vi: 'Tài khoản văn phòng', en: 'Secretariat accounts' },
  roleAdmin: { vi: 'Quản trị viên', en: 'Administrator' },
  roleOfficer: { vi: 'Cán bộ văn phòng', en: 'Secretariat officer' },
  role: { vi: 'Vai trò', en: 'Role' },
  createdAt: { vi: 'Ngày tạo', en: 'Created' },
  addStaff: { vi: 'Thêm tài khoản', en: 'Add account' },
  staffCreated: {
    vi: 'Đã tạo tài khoản cho {name}. Hãy trao mật khẩu cho họ trực tiếp.',
    en: 'Account created for {name}. Hand them the password in person.',
  },
  makeAdmin: { vi: 'Là quản trị viên', en: 'Administrator' },
  required: { vi: 'Bắt buộc', en: 'Required' },
} as const;

export type Key = keyof typeof strings;
export const t = (key: Key): string => strings[key][lang.value];
export const tf = (key: Key, values: Record<string, string | number>): string =>
  fill(strings[key][lang.value], values);
