// The words a participant reads in any meeting client (the web client and the extension's side
// panel): connection, floor and speaker queue, raising a hand, the ballot and its receipt, the
// result, roll-call. Vietnamese first, English second; `{name}` placeholders are filled by `word`
// with plain text (never markup). Each client adds its own words on top of these.
export type Lang = 'vi' | 'en';

export const meetingWords = {
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  connected: { vi: 'Đã kết nối', en: 'Connected' },
  reconnecting: { vi: 'Mất kết nối, đang kết nối lại…', en: 'Connection lost, reconnecting…' },
  disconnected: { vi: 'Đã rời cuộc họp', en: 'Left the meeting' },
  joining: { vi: 'Đang tham gia…', en: 'Joining…' },
  join: { vi: 'Tham gia cuộc họp', en: 'Join the meeting' },
  leave: { vi: 'Rời cuộc họp', en: 'Leave' },
  rejoin: { vi: 'Vào lại cuộc họp', en: 'Rejoin the meeting' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  you: { vi: '(bạn)', en: '(you)' },
  /** Read before a role badge by screen readers (the badge shows the role's word). */
  roleIs: { vi: 'Vai trò:', en: 'Role:' },
  networkError: {
    vi: 'Không kết nối được tới máy chủ họp. Kiểm tra mạng rồi thử lại.',
    en: 'Could not reach the meeting server. Check your network and try again.',
  },
  removed: {
    vi: 'Bạn đã được mời ra khỏi phòng họp. Nếu có nhầm lẫn, liên hệ văn phòng HĐND.',
    en: 'You were removed from the meeting room. If this is a mistake, contact the secretariat.',
  },
  roomEnded: { vi: 'Phòng họp đã đóng.', en: 'The meeting room has closed.' },
  otherPlace: {
    vi: 'Bạn đã vào cuộc họp ở một cửa sổ hoặc thiết bị khác nên đã rời phòng họp tại đây. Bấm "Vào lại cuộc họp" để tiếp tục tại đây.',
    en: 'You joined the meeting in another window or device, so you left the room here. Press "Rejoin the meeting" to continue here.',
  },
  sessionLost: {
    vi: 'Phiên tham gia đã hết hạn hoặc không còn hiệu lực. Hãy vào lại cuộc họp.',
    en: 'Your session has expired or is no longer valid. Join the meeting again.',
  },
  refreshFailed: {
    vi: 'Không gia hạn được phiên tham gia: {reason} Sẽ tự thử lại sau ít phút.',
    en: 'Could not renew your session: {reason} It will be tried again in a few minutes.',
  },
  // Microphone and sound
  micOn: { vi: 'Micro đang bật', en: 'Microphone on' },
  turnMicOn: { vi: 'Bật micro', en: 'Unmute' },
  turnMicOff: { vi: 'Tắt micro', en: 'Mute' },
  startAudio: {
    vi: 'Trình duyệt đang chặn âm thanh. Bấm để nghe cuộc họp',
    en: 'The browser is blocking sound. Press to hear the meeting',
  },
  youHaveFloor: {
    vi: 'Bạn đang được mời phát biểu. Micro của bạn đã bật.',
    en: 'You have the floor. Your microphone is on.',
  },
  // Stage
  nobodySpeaking: { vi: 'Chưa có ai phát biểu.', en: 'Nobody has the floor.' },
  speaking: { vi: 'Đang phát biểu', en: 'Speaking' },
  timeLeft: { vi: 'Thời gian còn lại', en: 'Time left' },
  currentItem: { vi: 'Nội dung đang thảo luận', en: 'Current agenda item' },
  noCurrentItem: { vi: 'Chưa bắt đầu nội dung nào.', en: 'No agenda item yet.' },
  statusScheduled: { vi: 'Chưa khai mạc', en: 'Not yet opened' },
  statusOpen: { vi: 'Đang họp', en: 'In session' },
  statusClosed: { vi: 'Đã bế mạc', en: 'Closed' },
  // Hand and queue
  raiseHand: { vi: 'Đăng ký phát biểu', en: 'Ask to speak' },
  lowerHand: { vi: 'Rút đăng ký', en: 'Withdraw' },
  handRaised: {
    vi: 'Bạn đã đăng ký ({kind}) — thứ tự {pos} trong danh sách.',
    en: 'You are registered ({kind}) — number {pos} in the queue.',
  },
  handSent: { vi: 'Đã đăng ký. Chủ tọa sẽ mời bạn.', en: 'Registered. The chair will call you.' },
  handLowered: { vi: 'Đã rút đăng ký.', en: 'Withdrawn.' },
  queue: { vi: 'Danh sách đăng ký phát biểu', en: 'Speaker queue' },
  queueEmpty: { vi: 'Chưa có ai đăng ký.', en: 'Nobody is waiting.' },
  // Roll-call
  rollCall: { vi: 'Điểm danh', en: 'Roll-call' },
  rollCallAsk: {
    vi: 'Chủ tọa đang điểm danh. Bấm để xác nhận bạn có mặt.',
    en: 'The chair is taking the roll. Press to confirm you are present.',
  },
  confirmPresence: { vi: 'Xác nhận có mặt', en: 'Confirm I am present' },
  presenceConfirmed: { vi: 'Bạn đã xác nhận có mặt.', en: 'You have confirmed your presence.' },
  // Ballot
  openVote: { vi: 'Biểu quyết công khai', en: 'Open (named) vote' },
  secretVote: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  encryptedVote: {
    vi: 'Bỏ phiếu kín — phiếu được mã hóa ngay trên máy của bạn',
    en: 'Secret ballot — encrypted on your own device',
  },
  ballotHash: {
    vi: 'Biên nhận phiếu: {hash} (tra trên bảng công khai của cuộc bỏ phiếu)',
    en: 'Ballot receipt: {hash} (find it on the vote’s public board)',
  },
  committeeTitle: {
    vi: 'Ban kiểm phiếu (bỏ phiếu kín mã hóa)',
    en: 'Vote-counting committee (encrypted secret ballots)',
  },
  committeeKeyReady: {
    vi: 'Khóa của ban đã sẵn sàng: cần {t} trên {n} thành viên để giải mã kết quả.',
    en: 'The committee key is ready: {t} of {n} members are needed to decrypt a result.',
  },
  committeeKeyPending: {
    vi: 'Đang tạo khóa: mỗi thành viên ban kiểm phiếu cần mở phòng họp trên máy của mình.',
    en: 'Making the key: each committee member must open the meeting on their own device.',
  },
  committeeNotMember: {
    vi: 'Bạn không thuộc ban kiểm phiếu.',
    en: 'You are not on the committee.',
  },
  committeeWaitingKeys: {
    vi: 'Máy của bạn đã tạo khóa truyền; đang chờ các thành viên khác.',
    en: 'Your device made its transport key; waiting for the other members.',
  },
  committeeWaitingDeals: {
    vi: 'Máy của bạn đã gửi phần khóa; đang chờ các thành viên khác.',
    en: 'Your device sent its part of the key; waiting for the other members.',
  },
  committeeReady: {
    vi: 'Máy của bạn giữ phần khóa giải mã (chỉ trên trình duyệt này). Hãy để trang mở khi kết thúc bỏ phiếu kín.',
    en: 'Your device holds its key share (in this browser only). Keep this page open when a secret vote closes.',
  },
  committeeShareMismatch: {
    vi: 'Một phần khóa nhận được không khớp cam kết. Báo chủ tọa để lập lại ban kiểm phiếu.',
    en: 'A key share received does not match its commitment. Tell the chair to name the committee again.',
  },
  committeeRefused: {
    vi: 'Máy của bạn không giải mã bảng phiếu này vì bảng không hợp lệ ({reason}). Báo ngay chủ tọa.',
    en: 'Your device did not decrypt this board because it does not verify ({reason}). Tell the chair now.',
  },
  committeeShareSent: {
    vi: 'Đã gửi phần giải mã của bạn cho “{title}”.',
    en: 'Your decryption share for “{title}” was sent.',
  },
  committeeNamed: { vi: 'Đã lập ban kiểm phiếu.', en: 'The committee is named.' },
  committeeName: { vi: 'Lập ban kiểm phiếu', en: 'Name the committee' },
  committeeRename: { vi: 'Lập lại ban kiểm phiếu', en: 'Name the committee again' },
  committeeSubmit: { vi: 'Lập ban gồm {n} người', en: 'Name these {n} members' },
  countingWait: {
    vi: 'Đang chờ ban kiểm phiếu giải mã kết quả…',
    en: 'Waiting for the counting committee to decrypt the result…',
  },
  voteNow: { vi: 'Mời đại biểu biểu quyết', en: 'Please vote' },
  yourBallot: { vi: 'Phiếu của bạn', en: 'Your ballot' },
  ballotRecorded: {
    vi: 'Máy chủ đã ghi nhận: {choice} (lúc {time}).',
    en: 'Recorded by the server: {choice} (at {time}).',
  },
  ballotRecordedSecret: {
    vi: 'Máy chủ đã ghi nhận phiếu kín của bạn (lúc {time}).',
    en: 'The server recorded your secret ballot (at {time}).',
  },
  ballotVoted: {
    vi: 'Máy chủ đã ghi nhận phiếu của bạn: {choice}.',
    en: 'Your ballot is recorded: {choice}.',
  },
  ballotVotedSecret: {
    vi: 'Máy chủ đã ghi nhận phiếu kín của bạn.',
    en: 'Your secret ballot is recorded.',
  },
  notVotedYet: { vi: 'Bạn chưa biểu quyết.', en: 'You have not voted yet.' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  canChange: {
    vi: 'Bạn có thể đổi lựa chọn đến khi kết thúc biểu quyết.',
    en: 'You can change your choice until the vote closes.',
  },
  submitConfidence: { vi: 'Gửi phiếu tín nhiệm', en: 'Submit the ballot' },
  confidenceIncomplete: {
    vi: 'Hãy chọn mức tín nhiệm cho tất cả những người trong danh sách.',
    en: 'Choose a level for every official on the list.',
  },
  electionKeepAtMost: {
    vi: 'Giữ lại tối đa {n} người (gạch tên những người còn lại). Đang giữ lại: {kept}.',
    en: 'Keep at most {n} (strike the others). Kept now: {kept}.',
  },
  keepCandidate: { vi: 'Giữ lại', en: 'Keep' },
  strikeCandidate: { vi: 'Gạch tên', en: 'Strike' },
  electionTooMany: {
    vi: 'Bạn đang giữ lại {kept} người, nhiều hơn {n}: phiếu sẽ KHÔNG HỢP LỆ. Hãy gạch bớt tên.',
    en: 'You keep {kept}, more than {n}: the ballot would be SPOILED. Strike more names.',
  },
  electionBlank: {
    vi: 'Bạn đã gạch tên tất cả: phiếu trắng (vẫn được tính là phiếu hợp lệ).',
    en: 'You struck every name: a blank ballot (still counted as valid).',
  },
  submitElection: { vi: 'Gửi phiếu bầu', en: 'Submit the ballot' },
  noConfidenceIncomplete: {
    vi: 'Hãy chọn Tín nhiệm hoặc Không tín nhiệm cho tất cả những người trong danh sách.',
    en: 'Choose trust or no trust for every official on the list.',
  },
  submitNoConfidence: { vi: 'Gửi phiếu tín nhiệm', en: 'Submit the ballot' },
  dismissalOf: { vi: '{target}: {person}', en: '{target}: {person}' },
  // Result
  result: { vi: 'Kết quả biểu quyết', en: 'Vote result' },
  passed: { vi: 'THÔNG QUA', en: 'PASSED' },
  notPassed: { vi: 'KHÔNG THÔNG QUA', en: 'NOT PASSED' },
  notVoted: { vi: 'Không tham gia biểu quyết', en: 'Did not vote' },
  votesCol: { vi: 'Số phiếu', en: 'Votes' },
  percentCol: { vi: '% tổng số đại biểu', en: '% of all members' },
  requiredVotes: {
    vi: 'Cần ít nhất {n} phiếu tán thành ({rule}).',
    en: 'At least {n} in favour needed ({rule}).',
  },
  namedBallots: { vi: 'Kết quả theo từng đại biểu', en: 'Ballots by member' },
  secretResult: {
    vi: 'Bỏ phiếu kín — không công bố lựa chọn của từng người.',
    en: 'Secret ballot — individual choices are never shown.',
  },
  official: { vi: 'Người được lấy phiếu', en: 'Official' },
  resultFacts: {
    vi: 'Tổng số đại biểu: {total}; có mặt khi kết thúc: {present}; cần {quorum} để đủ số lượng — {held}.',
    en: 'Serving members: {total}; present at close: {present}; quorum {quorum} — {held}.',
  },
  quorumHeld: { vi: 'đủ số lượng', en: 'quorum held' },
  quorumNotHeld: { vi: 'KHÔNG đủ số lượng', en: 'NO quorum' },
  percentShort: { vi: '% tổng số', en: '% of all' },
  flagMayResign: {
    vi: 'Quá nửa tín nhiệm thấp: có thể xin từ chức',
    en: 'Low by more than half: may resign',
  },
  flagNoConfidenceVote: {
    vi: 'Từ hai phần ba tín nhiệm thấp: đưa ra bỏ phiếu tín nhiệm',
    en: 'Low by two thirds or more: a no-confidence vote is due',
  },
  trust: { vi: 'Tín nhiệm', en: 'Trust' },
  noTrust: { vi: 'Không tín nhiệm', en: 'No trust' },
  notTrusted: { vi: 'Không được tín nhiệm', en: 'Not trusted' },
  candidate: { vi: 'Người ứng cử', en: 'Candidate' },
  elected: { vi: 'Trúng cử', en: 'Elected' },
  notElected: { vi: 'Không trúng cử', en: 'Not elected' },
  electionBallots: {
    vi: 'Số phiếu thu vào: {cast}; hợp lệ: {valid} (phiếu trắng: {blank}); không hợp lệ: {spoiled}.',
    en: 'Ballots cast: {cast}; valid: {valid} (blank: {blank}); spoiled: {spoiled}.',
  },
  electionRequired: {
    vi: 'Bầu {posts} người; trúng cử cần quá nửa tổng số đại biểu: ít nhất {n} phiếu.',
    en: '{posts} to elect; elected with more than half of all members: at least {n} votes.',
  },
  electionNewRound: {
    vi: 'Số phiếu bằng nhau ở vị trí cuối: bầu lại {posts} người trong số {names}.',
    en: 'A tie at the last post: a new round for {posts} among {names}.',
  },
  noTrustRequired: {
    vi: 'Không được tín nhiệm khi quá nửa tổng số đại biểu (ít nhất {n}) bỏ phiếu không tín nhiệm.',
    en: 'Not trusted when more than half of all members (at least {n}) vote no trust.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MeetingWord = keyof typeof meetingWords;

/** Fills `{name}` placeholders with plain-text values; unknown ones stay as they are. */
export function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** One of the meeting words in `lang`, placeholders filled. */
export const word = (lang: Lang, key: MeetingWord, vars?: Record<string, string | number>) =>
  fill(meetingWords[key][lang], vars);

export const localeOf = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A clock time (hh:mm:ss) as the people of `lang` write it. */
export const timeText = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleTimeString(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
