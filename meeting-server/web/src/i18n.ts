// Vietnamese-first UI strings of the meeting web client, with English as the second language:
// the words every meeting client shares (shared/meeting-words.ts) and the web client's own.
// Strings with `{name}` placeholders are filled by `tf`; labels from shared/ go through `tr`.
import { signal } from '@preact/signals';
import {
  fill,
  localeOf,
  meetingWords,
  timeText as timeIn,
  type Lang,
} from '../../../shared/meeting-words';
import { leaveStrings } from './i18n-leave';

export type { Lang };
export const lang = signal<Lang>((localStorage.getItem('lang') as Lang | null) ?? 'vi');
document.documentElement.lang = lang.value;

export function setLang(l: Lang) {
  lang.value = l;
  localStorage.setItem('lang', l);
  document.documentElement.lang = l;
}

const strings = {
  ...meetingWords,
  ...leaveStrings,
  appTitle: { vi: 'Họp trực tuyến HĐND', en: 'Council online meeting' },
  noInvitation: {
    vi: 'Hãy mở liên kết mời hoặc quét mã QR trong thư mời để tham gia cuộc họp.',
    en: 'Open the invitation link or scan the QR code from your invitation to join a meeting.',
  },
  yourName: { vi: 'Họ và tên', en: 'Your name' },
  ward: {
    vi: 'Xã/phường, thôn/tổ dân phố (không bắt buộc)',
    en: 'Ward / neighbourhood (optional)',
  },
  rejoining: { vi: 'Đang vào lại cuộc họp…', en: 'Rejoining the meeting…' },
  participants: { vi: 'Người tham gia', en: 'Participants' },
  joinedAs: { vi: 'Bạn tham gia với tư cách', en: 'You are joining as' },
  listenOnly: {
    vi: 'Bạn đang theo dõi cuộc họp. Chủ tọa sẽ mời bạn phát biểu khi đến lượt.',
    en: 'You are following the meeting. The chair will give you the floor when it is your turn.',
  },
  mediaError: {
    vi: 'Không bật được micro/camera. Kiểm tra quyền truy cập của trình duyệt rồi thử lại.',
    en: 'Could not turn on the microphone/camera. Check the browser permissions and try again.',
  },
  micRefused: {
    vi: 'Chủ tọa chưa mở micrô của bạn. Hãy đăng ký phát biểu; micrô sẽ mở khi chủ tọa mời bạn phát biểu hoặc mở thảo luận tự do.',
    en: 'The chair has not opened your microphone. Ask for the floor; it opens when the chair gives you the floor or opens free discussion.',
  },
  cameraRefused: {
    vi: 'Bạn chỉ được dùng micrô khi phát biểu; camera không được bật.',
    en: 'You may use only your microphone while speaking; the camera is not allowed.',
  },
  micByChairNote: {
    vi: 'Micrô do chủ tọa điều khiển: micrô của bạn mở khi được mời phát biểu hoặc khi chủ tọa mở thảo luận tự do.',
    en: 'The chair controls the microphones: yours opens when you are given the floor or the chair opens free discussion.',
  },
  micTakenBack: {
    vi: 'Chủ tọa đã đóng micrô của bạn.',
    en: 'The chair has closed your microphone.',
  },
  openFreeDiscussion: { vi: 'Mở thảo luận tự do', en: 'Open free discussion' },
  closeFreeDiscussion: { vi: 'Đóng thảo luận tự do', en: 'Close free discussion' },
  freeDiscussionOpened: {
    vi: 'Đã mở thảo luận tự do: các đại biểu bật được micrô.',
    en: 'Free discussion is open: members can turn their microphones on.',
  },
  freeDiscussionClosed: {
    vi: 'Đã đóng thảo luận tự do: chỉ người được mời phát biểu có micrô.',
    en: 'Free discussion is closed: only the speaker has a microphone.',
  },
  muteAll: { vi: 'Tắt tất cả micrô', en: 'Mute all microphones' },
  allMuted: { vi: 'Đã tắt micrô của mọi người.', en: 'Every microphone is muted.' },
  muteOne: { vi: 'Tắt micrô', en: 'Mute' },
  muteOneLabel: { vi: 'Tắt micrô: {name}', en: 'Mute {name}' },
  oneMuted: { vi: 'Đã tắt micrô của {name}.', en: '{name} is muted.' },
  micsByFloor: {
    vi: 'Chỉ người được mời phát biểu có micrô.',
    en: 'Only the speaker has a microphone.',
  },
  micsFreeNow: {
    vi: 'Thảo luận tự do: các đại biểu tự bật micrô.',
    en: 'Free discussion: members turn their own microphones on.',
  },
  micsFree: {
    vi: 'Các đại biểu tự bật, tắt micrô trong cuộc họp này.',
    en: 'Members turn their own microphones on and off in this meeting.',
  },
  langSwitch: { vi: 'English', en: 'Tiếng Việt' },
  langLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  // Lobby devices
  joinWithMic: { vi: 'Bật micro khi vào họp', en: 'Microphone on when joining' },
  joinWithCamera: { vi: 'Bật camera khi vào họp', en: 'Camera on when joining' },
  // Media bar
  microphone: { vi: 'Micro', en: 'Microphone' },
  camera: { vi: 'Camera', en: 'Camera' },
  speakerOut: { vi: 'Loa', en: 'Speaker' },
  micOff: { vi: 'Micro đang tắt', en: 'Microphone off' },
  camOn: { vi: 'Camera đang bật', en: 'Camera on' },
  camOff: { vi: 'Camera đang tắt', en: 'Camera off' },
  turnCamOn: { vi: 'Bật camera', en: 'Start camera' },
  turnCamOff: { vi: 'Tắt camera', en: 'Stop camera' },
  chooseMic: { vi: 'Chọn micro', en: 'Choose microphone' },
  chooseCamera: { vi: 'Chọn camera', en: 'Choose camera' },
  defaultDevice: { vi: 'Mặc định', en: 'Default' },
  deviceSwitched: { vi: 'Đã chuyển thiết bị.', en: 'Device switched.' },
  // Stage
  stage: { vi: 'Sân khấu', en: 'Stage' },
  // Hand
  raiseHandAs: { vi: 'Đăng ký', en: 'Register to' },
  // Queue and floor
  giveFloor: { vi: 'Mời phát biểu', en: 'Give the floor' },
  moveUp: { vi: 'Lên', en: 'Up' },
  moveDown: { vi: 'Xuống', en: 'Down' },
  moveUpOf: { vi: 'Đưa {name} lên trước', en: 'Move {name} up' },
  moveDownOf: { vi: 'Đưa {name} xuống sau', en: 'Move {name} down' },
  giveFloorTo: { vi: 'Mời phát biểu: {name}', en: 'Give the floor: {name}' },
  extend: { vi: 'Thêm {min} phút', en: 'Add {min} min' },
  endFloor: { vi: 'Kết thúc phát biểu', en: 'End speech' },
  floorGiven: { vi: 'Đã mời {name} phát biểu.', en: 'Floor given to {name}.' },
  floorEndedYou: {
    vi: 'Lượt phát biểu của bạn đã kết thúc.',
    en: 'Your time to speak has ended.',
  },
  floorEnded: { vi: 'Đã kết thúc lượt phát biểu.', en: 'Speech ended.' },
  floorExtended: { vi: 'Đã thêm thời gian.', en: 'Time added.' },
  queueReordered: { vi: 'Đã đổi thứ tự.', en: 'Order changed.' },
  // Attendance
  quorum: { vi: 'Số đại biểu có mặt', en: 'Attendance' },
  quorumLine: {
    vi: 'Có mặt {present} / cần {required} / tổng số {total} đại biểu',
    en: 'Present {present} / required {required} / all {total} members',
  },
  quorumOk: { vi: 'Đủ số đại biểu để tiến hành', en: 'Quorum reached' },
  quorumMissing: { vi: 'Chưa đủ số đại biểu', en: 'No quorum yet' },
  present: { vi: 'Có mặt', en: 'Present' },
  absent: { vi: 'Vắng', en: 'Absent' },
  online: { vi: 'trực tuyến', en: 'online' },
  inHall: { vi: 'tại hội trường', en: 'in the hall' },
  byRollCall: { vi: 'đã xác nhận điểm danh', en: 'confirmed at the roll-call' },
  checkIn: { vi: 'Ghi có mặt tại hội trường', en: 'Check in at the hall' },
  checkOut: { vi: 'Bỏ ghi có mặt', en: 'Undo check-in' },
  checkedIn: { vi: 'Đã cập nhật điểm danh.', en: 'Attendance updated.' },
  members: { vi: 'Đại biểu', en: 'Members' },
  othersOnline: { vi: 'Người khác đang trực tuyến', en: 'Others online' },
  // Roll-call
  startRollCall: { vi: 'Bắt đầu điểm danh', en: 'Start roll-call' },
  endRollCall: { vi: 'Kết thúc điểm danh', en: 'End roll-call' },
  rollCallOpen: {
    vi: 'Đang điểm danh: {n} đại biểu đã xác nhận.',
    en: 'Roll-call open: {n} members confirmed.',
  },
  // Agenda
  agenda: { vi: 'Chương trình', en: 'Agenda' },
  makeCurrent: { vi: 'Chuyển sang nội dung này', en: 'Make current' },
  current: { vi: 'đang thảo luận', en: 'current' },
  agendaChanged: { vi: 'Đã chuyển nội dung.', en: 'Agenda item changed.' },
  // Meeting status
  openMeeting: { vi: 'Khai mạc', en: 'Open the meeting' },
  closeMeeting: { vi: 'Bế mạc', en: 'Close the meeting' },
  confirmCloseMeeting: {
    vi: 'Bế mạc cuộc họp? Mọi người sẽ không vào lại được.',
    en: 'Close the meeting? Nobody will be able to rejoin.',
  },
  statusChanged: { vi: 'Đã cập nhật trạng thái cuộc họp.', en: 'Meeting status updated.' },
  // Motions
  votes: { vi: 'Biểu quyết', en: 'Votes' },
  newMotion: { vi: 'Tạo nội dung biểu quyết', en: 'New motion' },
  motionTitle: { vi: 'Tên nội dung biểu quyết', en: 'Motion title' },
  motionText: { vi: 'Nội dung (không bắt buộc)', en: 'Text (optional)' },
  motionItem: { vi: 'Thuộc nội dung chương trình', en: 'Agenda item' },
  noItem: { vi: '(không gắn nội dung)', en: '(none)' },
  voteKind: { vi: 'Hình thức', en: 'Kind' },
  confidenceVote: { vi: 'Lấy phiếu tín nhiệm (bỏ phiếu kín)', en: 'Confidence vote (secret)' },
  officials: {
    vi: 'Người được lấy phiếu tín nhiệm (mỗi dòng một người)',
    en: 'Officials to rate (one per line)',
  },
  electionVote: { vi: 'Bầu (bỏ phiếu kín)', en: 'Election (secret)' },
  dismissalVote: {
    vi: 'Miễn nhiệm, bãi nhiệm (bỏ phiếu kín)',
    en: 'Dismissal or removal (secret)',
  },
  noConfidenceVote: {
    vi: 'Bỏ phiếu tín nhiệm (bỏ phiếu kín)',
    en: 'No-confidence vote (secret)',
  },
  candidates: {
    vi: 'Danh sách người ứng cử (mỗi dòng một người)',
    en: 'Candidates (one per line)',
  },
  posts: { vi: 'Số người được bầu', en: 'Posts to fill' },
  dismissedPerson: { vi: 'Người bị miễn nhiệm, bãi nhiệm', en: 'Person dismissed or removed' },
  dismissalTarget: { vi: 'Miễn nhiệm hay bãi nhiệm', en: 'Dismissal or removal' },
  passRule: { vi: 'Điều kiện thông qua', en: 'Pass rule' },
  meetingRule: {
    vi: 'Theo thiết lập của cuộc họp: {rule}',
    en: "The meeting's rule: {rule}",
  },
  allowChange: {
    vi: 'Cho phép đổi lựa chọn đến khi kết thúc',
    en: 'Allow changing the ballot until closed',
  },
  duration: {
    vi: 'Thời gian biểu quyết (giây, không bắt buộc)',
    en: 'Time limit (seconds, optional)',
  },
  create: { vi: 'Tạo', en: 'Create' },
  motionCreated: {
    vi: 'Đã tạo nội dung biểu quyết. Bấm "Bắt đầu biểu quyết" khi sẵn sàng.',
    en: 'Motion created. Press "Open the vote" when ready.',
  },
  startVote: { vi: 'Bắt đầu biểu quyết', en: 'Open the vote' },
  endVote: { vi: 'Kết thúc biểu quyết', en: 'Close the vote' },
  showResult: { vi: 'Công bố kết quả', en: 'Show the result' },
  resultShown: {
    vi: 'Kết quả đang hiển thị cho mọi người.',
    en: 'The result is shown to everyone.',
  },
  voteOpened: { vi: 'Đã bắt đầu biểu quyết.', en: 'The vote is open.' },
  voteClosed: { vi: 'Đã kết thúc biểu quyết.', en: 'The vote is closed.' },
  statusDraft: { vi: 'Chưa biểu quyết', en: 'Draft' },
  statusVoting: { vi: 'Đang biểu quyết', en: 'Voting' },
  statusDone: { vi: 'Đã kết thúc', en: 'Closed' },
  castCount: {
    vi: 'Đã bỏ phiếu: {cast} / {eligible}',
    en: 'Ballots cast: {cast} / {eligible}',
  },
  secretNote: {
    vi: 'Bỏ phiếu kín: chỉ hiển thị số người đã bỏ phiếu.',
    en: 'Secret ballot: only the number of ballots is shown.',
  },
  noMotions: { vi: 'Chưa có nội dung biểu quyết.', en: 'No motions yet.' },
  // Vote panel
  votePanel: { vi: 'Biểu quyết', en: 'Vote' },
  // Result
  viewResult: { vi: 'Xem kết quả', en: 'View the result' },
  // Petitions
  petition: { vi: 'Gửi kiến nghị', en: 'Send a petition' },
  petitionText: { vi: 'Nội dung kiến nghị', en: 'Your petition' },
  contact: {
    vi: 'Số điện thoại hoặc địa chỉ liên hệ (không bắt buộc)',
    en: 'Phone or address for the answer (optional)',
  },
  send: { vi: 'Gửi', en: 'Send' },
  petitionSent: {
    vi: 'Đã gửi kiến nghị. Cảm ơn bạn; câu trả lời sẽ được gửi theo thông tin liên hệ.',
    en: 'Petition sent. Thank you; the answer will be sent to your contact.',
  },
  petitionRef: { vi: 'Số tham chiếu của kiến nghị:', en: 'Your petition’s reference number:' },
  petitionRefHint: {
    vi: 'Hãy ghi lại số này để theo dõi kết quả giải quyết trên',
    en: 'Write this number down to follow the answer on',
  },
  petitionRefPortal: { vi: 'trang công khai của HĐND', en: 'the council’s public page' },
  petitionEmpty: {
    vi: 'Hãy viết nội dung kiến nghị (ít nhất 10 ký tự).',
    en: 'Please write your petition (at least 10 characters).',
  },
  petitions: { vi: 'Kiến nghị của cử tri', en: 'Voter petitions' },
  noPetitions: { vi: 'Chưa có kiến nghị.', en: 'No petitions yet.' },
  reload: { vi: 'Tải lại', en: 'Reload' },
  // Minutes
  minutes: { vi: 'Biên bản', en: 'Minutes' },
  download: { vi: 'Tải {fmt}', en: 'Download {fmt}' },
  downloaded: { vi: 'Đã tải biên bản ({fmt}).', en: 'Minutes downloaded ({fmt}).' },
  // Console / hall
  console: { vi: 'Điều hành cuộc họp', en: 'Meeting console' },
  hallDisplay: { vi: 'Màn hình hội trường', en: 'Hall display' },
  openHallDisplay: { vi: 'Mở màn hình hội trường', en: 'Open the hall display' },
  backToConsole: { vi: 'Quay lại', en: 'Back' },
  scanToJoin: {
    vi: 'Quét mã để theo dõi và gửi kiến nghị',
    en: 'Scan to follow and send petitions',
  },
  lastResult: { vi: 'Kết quả biểu quyết gần nhất', en: 'Latest vote result' },
  qrAlt: { vi: 'Mã QR tham gia cuộc họp', en: 'QR code to join the meeting' },
  qrMissing: {
    vi: 'Chưa tải được mã QR.',
    en: 'The QR code could not be loaded.',
  },
  video: { vi: 'Hình ảnh của {name}', en: 'Video of {name}' },
  done: { vi: 'Xong.', en: 'Done.' },
  close: { vi: 'Đóng', en: 'Close' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;
export const t = (key: StringKey): string => strings[key][lang.value];

/** A string with `{name}` placeholders filled in (values are plain text, never markup). */
export const tf = (key: StringKey, vars: Record<string, string | number>): string =>
  fill(strings[key][lang.value], vars);

/** A bilingual label from shared/ in the current language. */
export const tr = (label: { vi: string; en: string }): string => label[lang.value];

export const locale = () => localeOf(lang.value);
export const timeText = (iso: string) => timeIn(iso, lang.value);
