// Every Vietnamese word the UI shows for a code of the API: statuses, channels, kinds, periods, rules, field names.
export const STATUS_LABELS = {
  MET: 'Đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ', MISSED: 'Không đạt', UPCOMING: 'Chưa đến kỳ',
  NOT_STARTED: 'Chưa áp dụng'
};
export const STATUS_ORDER = ['MET', 'ON_TRACK', 'AT_RISK', 'MISSED', 'UPCOMING', 'NOT_STARTED'];
export const TASK_STATUS_LABELS = {
  PLANNED: 'Chưa thực hiện', IN_PROGRESS: 'Đang thực hiện', DONE: 'Hoàn thành', OVERDUE: 'Quá hạn', CANCELLED: 'Đã hủy'
};
export const CHANNELS = {
  WEBSITE: 'Trang thông tin điện tử', PROVINCIAL_PORTAL: 'Cổng thông tin điện tử tỉnh', RADIO: 'Đài truyền thanh',
  ZALO_OA: 'Zalo OA', FACEBOOK: 'Facebook (fanpage)', YOUTUBE: 'YouTube', ELECTRONIC_BOARD: 'Bảng điện tử, màn hình',
  PRINT: 'Ấn phẩm in', ON_SITE: 'Tuyên truyền trực tiếp',
  NATIONAL_PUBLIC_SERVICE_PORTAL: 'Cổng Dịch vụ công quốc gia', TELEVISION: 'Truyền hình', PRESS: 'Báo chí',
  LOUDSPEAKER: 'Loa truyền thanh', BANNER: 'Băng rôn, khẩu hiệu', LEAFLET: 'Tờ rơi', MEETING: 'Hội nghị, cuộc họp'
};
export const ONLINE_CHANNELS = ['WEBSITE', 'PROVINCIAL_PORTAL', 'ZALO_OA', 'FACEBOOK', 'YOUTUBE', 'NATIONAL_PUBLIC_SERVICE_PORTAL'];
/**
 * Channels any active unit may record on (no infrastructure of its own, or run by bodies outside the unit directory);
 * the others must be operated by the unit or a unit above it (publication-service's Channel.needsOperator).
 */
export const CHANNELS_WITHOUT_OPERATOR = ['PRINT', 'ON_SITE', 'NATIONAL_PUBLIC_SERVICE_PORTAL', 'TELEVISION', 'PRESS', 'BANNER',
  'LEAFLET', 'MEETING'];
export const PUBLICATION_STATUS_LABELS = { ACTIVE: 'Đã ghi nhận', RETRACTED: 'Đã thu hồi' };
export const KINDS = {
  ARTICLE: 'Tin, bài', PHOTO_STORY: 'Ảnh, phóng sự ảnh', REPORTAGE: 'Phóng sự', VIDEO: 'Video', AUDIO: 'File âm thanh',
  INFOGRAPHIC: 'Infographic', BROADCAST: 'Chương trình phát thanh', SOCIAL_POST: 'Bài đăng mạng xã hội',
  BANNER: 'Băng rôn, pa nô', LEAFLET: 'Tờ rơi', DIALOGUE: 'Đối thoại'
};
export const FIELD_LABELS = {
  unitId: 'Đơn vị đăng, phát', channel: 'Kênh', kind: 'Loại tin bài', title: 'Tiêu đề', url: 'Đường dẫn',
  publishedAt: 'Thời gian đăng, phát', durationSeconds: 'Thời lượng'
};
export const RULE_MESSAGES = {
  'not-blank': 'Không được để trống.', 'not-null': 'Không được để trống.', required: 'Bắt buộc nhập.',
  'not-empty': 'Không được để trống.', size: 'Nội dung quá dài.', format: 'Giá trị không đúng định dạng.',
  'http-url': 'Đường dẫn phải bắt đầu bằng http:// hoặc https:// và có tên miền.',
  'not-in-future': 'Thời gian đăng, phát không được ở tương lai.',
  'unknown-unit': 'Đơn vị không có trong danh mục đơn vị.', 'inactive-unit': 'Đơn vị đã ngừng hoạt động.',
  'channel-not-operated': 'Đơn vị (và đơn vị cấp trên) không quản lý kênh này.',
  positive: 'Phải lớn hơn 0.', min: 'Giá trị quá nhỏ.', max: 'Giá trị quá lớn.',
  'public-address': 'Chỉ nhận nguồn tin từ địa chỉ công khai trên Internet.',
  'allowed-port': 'Chỉ nhận nguồn tin qua cổng 80 hoặc 443.',
  'no-control-characters': 'Có ký tự điều khiển không hợp lệ.',
  'no-such-date': 'Ngày không có trên lịch (ví dụ 30/02).',
  'unknown-plan': 'Kế hoạch không có hoặc không thuộc đơn vị của bạn.',
  'max-rows': 'Tệp có quá nhiều dòng.', 'max-columns': 'Tệp có quá nhiều cột.',
  'unpacked-size': 'Tệp quá lớn khi giải nén.'
};
/** The publication form's messages, by "field:rule" (the form's own checks and the service's rules). */
export const PUBLICATION_MESSAGES = {
  'unitId:required': 'Hãy chọn đơn vị đăng, phát.',
  'channel:required': 'Hãy chọn kênh.',
  'kind:required': 'Hãy chọn loại tin bài.',
  'title:not-blank': 'Không được để trống.',
  'url:required': 'Bắt buộc nhập đường dẫn với kênh trực tuyến.',
  'publishedDate:required': 'Bắt buộc nhập ngày đăng, phát.',
  'publishedDate:format': 'Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 02/03/2026.',
  'publishedTime:required': 'Bắt buộc nhập giờ đăng, phát.',
  'publishedTime:format': 'Giờ không hợp lệ, hãy nhập theo dạng giờ:phút (hh:mm, 24 giờ), ví dụ 08:00.',
  'durationSeconds:required': 'Bắt buộc nhập thời lượng (phút) với chương trình phát thanh.',
  'durationSeconds:positive': 'Thời lượng phải là số phút nguyên lớn hơn 0.'
};
export const REPORT_PERIODS = [
  ['Q1', 'Báo cáo quý I'], ['H1', 'Báo cáo 6 tháng'], ['Q3', 'Báo cáo quý III'], ['Y', 'Báo cáo năm']
];

export const PLAN_STATUS_LABELS = { DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', AMENDED: 'Đã sửa đổi', CLOSED: 'Đã kết thúc' };
export const PLAN_CHANNELS = CHANNELS;
export const TARGET_PERIODS = { YEAR: 'Mỗi năm', QUARTER: 'Mỗi quý', MONTH: 'Mỗi tháng', PLAN: 'Cả kế hoạch' };
export const TARGET_PERIOD_SHORT = { YEAR: 'năm', QUARTER: 'quý', MONTH: 'tháng', PLAN: 'kế hoạch' };
export const TARGET_SCOPES = { SUBTREE: 'Đơn vị và các đơn vị trực thuộc', UNIT: 'Riêng đơn vị' };
export const REPORT_PERIOD_LABELS = { QUARTER: 'quý', HALF_YEAR: '6 tháng', YEAR: 'năm' };
export const TIME_FRAME_TYPES = {
  DATE: 'Ngày cụ thể', MONTH: 'Tháng', QUARTER: 'Quý', HALF_YEAR: '6 tháng', YEAR: 'Cả năm', RANGE: 'Từ tháng… đến tháng…',
  RECURRING: 'Định kỳ (hàng tuần, tháng, quý, năm)', ONGOING: 'Thường xuyên', ON_RESULTS: 'Khi có kết quả công bố',
  PER_HIGHER_PLAN: 'Theo kế hoạch của tỉnh'
};
export const LEGAL_KINDS = {
  RESOLUTION: 'Nghị quyết', DIRECTIVE: 'Chỉ thị', DECISION: 'Quyết định', PLAN: 'Kế hoạch', OFFICIAL_LETTER: 'Công văn',
  LAW: 'Luật', DECREE: 'Nghị định', CIRCULAR: 'Thông tư', OTHER: 'Văn bản'
};
export const MILESTONE_KINDS = {
  NATIONAL_DAY: 'Ngày lễ, kỷ niệm', CONTEST: 'Cuộc thi', TRAINING: 'Tập huấn', CONFERENCE: 'Hội nghị', DIALOGUE: 'Đối thoại',
  CAMPAIGN: 'Đợt tuyên truyền', OTHER: 'Khác'
};
export const RECURRENCES = { WEEKLY: 'Hàng tuần', MONTHLY: 'Hàng tháng', QUARTERLY: 'Hàng quý', YEARLY: 'Hàng năm' };
export const PLAN_RULE_MESSAGES = Object.assign({}, RULE_MESSAGES, {
  'unknown-unit': 'Đơn vị không có trong danh mục đơn vị.', 'retired-unit': 'Đơn vị đã ngừng hoạt động.',
  'outside-issuing-unit': 'Đơn vị phải là đơn vị ban hành hoặc đơn vị trực thuộc.',
  'plan-year': 'Ngày phải thuộc năm của kế hoạch.', 'after-start': 'Giờ kết thúc phải sau giờ bắt đầu.',
  required: 'Bắt buộc nhập (với loại thời gian đã chọn).', unique: 'Mã này bị trùng trong kế hoạch.',
  min: 'Giá trị quá nhỏ (chỉ tiêu tối thiểu phải từ 1 trở lên).', pattern: 'Giá trị không đúng định dạng.',
  json: 'Dữ liệu không đúng định dạng.', 'unknown-plan': 'Không có kế hoạch này trong hệ thống.'
});
export const TOP_LABELS = {
  number: 'Số hiệu', title: 'Tên kế hoạch', year: 'Năm kế hoạch', place: 'Địa danh', issuedOn: 'Ngày ban hành',
  issuedDate: 'Ngày ban hành (như văn bản)', issuingBody: 'Cơ quan ban hành', issuingUnitId: 'Đơn vị ban hành',
  effectiveFrom: 'Thực hiện từ ngày', parentPlan: 'Kế hoạch cấp trên', legalBases: 'Căn cứ', purposes: 'Mục đích',
  requirements: 'Yêu cầu', audiences: 'Đối tượng', themes: 'Chủ đề', forms: 'Hình thức', contents: 'Nội dung tuyên truyền',
  channels: 'Kênh tuyên truyền', budgetNote: 'Kinh phí', recipients: 'Nơi nhận', signatory: 'Người ký',
  targets: 'Chỉ tiêu', scheduledItems: 'Lịch phát sóng, hoạt động', tasks: 'Nhiệm vụ', responsibilities: 'Trách nhiệm',
  milestones: 'Sự kiện', reportingDuties: 'Chế độ báo cáo', note: 'Lý do sửa đổi'
};
export const ENTRY_LABELS = {
  legalBases: 'Căn cứ', targets: 'Chỉ tiêu', scheduledItems: 'Lịch', tasks: 'Nhiệm vụ', responsibilities: 'Trách nhiệm',
  duties: 'nội dung', milestones: 'Sự kiện', reportingDuties: 'Báo cáo', purposes: 'Mục đích', requirements: 'Yêu cầu',
  audiences: 'Đối tượng', themes: 'Chủ đề', forms: 'Hình thức', contents: 'Nội dung', recipients: 'Nơi nhận',
  coordinators: 'đơn vị phối hợp', coordinatingUnitIds: 'đơn vị phối hợp', chain: 'cấp', mandates: 'dòng',
  products: 'sản phẩm', channels: 'kênh', kinds: 'loại', periods: 'kỳ'
};
export const SUB_LABELS = {
  description: 'nội dung', minimum: 'số lượng tối thiểu', period: 'kỳ', scope: 'phạm vi', channels: 'kênh',
  kinds: 'loại tin bài', unitId: 'mã đơn vị', unit: 'đơn vị', responsible: 'đơn vị chịu trách nhiệm', subject: 'chủ đề',
  text: 'nguyên văn', title: 'tên', date: 'ngày', startTime: 'giờ bắt đầu', endTime: 'giờ kết thúc', channel: 'kênh',
  kind: 'loại', presenter: 'người trình bày', topic: 'chủ đề', number: 'số', leadUnitId: 'đơn vị chủ trì',
  lead: 'đơn vị chủ trì', coordinatingUnitIds: 'đơn vị phối hợp', coordinators: 'đơn vị phối hợp', timeFrame: 'thời gian',
  alternativeTimeFrame: 'thời gian ghi trong nội dung', products: 'sản phẩm', details: 'chi tiết',
  issuer: 'cơ quan ban hành', planId: 'mã kế hoạch', name: 'tên', position: 'chức vụ', authority: 'thẩm quyền',
  mandates: 'thẩm quyền ký', label: 'ký hiệu', requested: 'đề nghị (không trực thuộc)', recipient: 'nơi nhận',
  periods: 'các kỳ', periodic: 'định kỳ', onRequest: 'đột xuất', integrated: 'lồng ghép', deadline: 'hạn',
  reporter: 'đơn vị báo cáo', chain: 'trình tự gửi', scale: 'quy mô', day: 'ngày', month: 'tháng', quarter: 'quý',
  type: 'loại thời gian', year: 'năm', id: 'mã', taskId: 'mã nhiệm vụ', half: 'nửa năm', fromMonth: 'từ tháng',
  toMonth: 'đến tháng', recurrence: 'lặp lại', duties: 'nội dung'
};
export const CONFLICT_MESSAGE = 'Kế hoạch đã được người khác thay đổi, hãy tải lại trước khi lưu.';

/** The Vietnamese name of a field path of the plan API: "targets[0].minimum" → "Chỉ tiêu 1 — số lượng tối thiểu". */
export function fieldLabel(path) {
  const tokens = String(path).match(/[^.[\]]+/g) || [String(path)];
  const parts = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      parts.push(`${ENTRY_LABELS[t] || (i === 0 ? TOP_LABELS[t] : SUB_LABELS[t]) || t} ${Number(next) + 1}`);
      i++;
    } else {
      parts.push((i === 0 ? TOP_LABELS[t] : SUB_LABELS[t]) || t);
    }
  }
  return parts.join(' — ');
}

export function ruleMessage(error) {
  return PLAN_RULE_MESSAGES[error.rule] || error.message || 'Giá trị không hợp lệ.';
}

// ---------- publications list, detail, spreadsheet import and feeds (js/pages/publications.js and its neighbours)
export const PUBLICATION_SOURCE_LABELS = { MANUAL: 'Nhập tay', IMPORT: 'Nhập từ bảng tính', FEED: 'Tự động từ nguồn tin RSS' };
export const PUBLICATION_CHANGE_LABELS = {
  RECORDED: 'Ghi nhận', CORRECTED: 'Đính chính', ENGAGEMENT_UPDATED: 'Cập nhật lượt xem, tương tác', RETRACTED: 'Thu hồi'
};
export const THEME_LABELS = {
  PAR_INDEX: 'Chỉ số CCHC (PAR Index)', SIPAS: 'Chỉ số hài lòng (SIPAS)', PAPI: 'Chỉ số PAPI', PCI: 'Chỉ số PCI',
  DTI: 'Chỉ số chuyển đổi số (DTI)', ONLINE_PUBLIC_SERVICES: 'Dịch vụ công trực tuyến', DIGITAL_GOVERNMENT: 'Chính quyền số',
  ONE_STOP_SHOP: 'Một cửa, một cửa liên thông', CIVIL_SERVICE_ETHICS: 'Đạo đức công vụ',
  ADMINISTRATIVE_PROCEDURES: 'Thủ tục hành chính', OTHER: 'Khác'
};
export const IMPORT_ROW_STATUS_LABELS = {
  VALID: 'Hợp lệ, sẽ ghi nhận', IMPORTED: 'Đã ghi nhận', DUPLICATE: 'Đã có, không ghi thêm',
  PROBABLE_DUPLICATE: 'Có thể trùng, không ghi nhận', REJECTED: 'Có lỗi, không ghi nhận', NOT_IMPORTED: 'Chưa ghi nhận'
};
export const FEED_STATUS_LABELS = { ACTIVE: 'Đang theo dõi', PAUSED: 'Tạm dừng' };
export const FEED_CHANNELS = { WEBSITE: CHANNELS.WEBSITE, PROVINCIAL_PORTAL: CHANNELS.PROVINCIAL_PORTAL };
/** Field names of publications, spreadsheet rows and feed subscriptions (with FIELD_LABELS). */
export const PUBLICATION_FIELD_LABELS = Object.assign({}, FIELD_LABELS, {
  summary: 'Tóm tắt', themes: 'Chủ đề', author: 'Tác giả', planId: 'Mã kế hoạch', taskId: 'Mã nhiệm vụ',
  engagement: 'Lượt xem, tương tác', 'engagement.views': 'Lượt xem', 'engagement.interactions': 'Lượt tương tác',
  views: 'Lượt xem', interactions: 'Lượt tương tác', clientRequestId: 'Mã yêu cầu', reason: 'Lý do thu hồi',
  file: 'Tệp', row: 'Dòng', feedUrl: 'Địa chỉ nguồn tin', confirmDuplicate: 'Xác nhận không trùng', 'If-Match': 'Phiên bản'
});
export const PUBLICATION_RULE_MESSAGES = Object.assign({}, RULE_MESSAGES, {
  'unknown-value': 'Giá trị không có trong danh mục (hãy dùng mã hoặc tên tiếng Việt như trong tệp mẫu).',
  type: 'Giá trị không đúng kiểu dữ liệu.', pattern: 'Giá trị không đúng định dạng.', json: 'Dữ liệu không đúng định dạng.',
  'positive-or-zero': 'Không được là số âm.', 'probable-duplicate': 'Có thể trùng với một tin bài đã ghi nhận (cùng đơn vị, kênh, loại và thời gian).',
  'feed-channel': 'Nguồn tin chỉ dùng cho kênh Trang thông tin điện tử hoặc Cổng thông tin điện tử tỉnh.',
  'date-time': 'Thời gian phải theo dạng dd/mm/yyyy hh:mm.', etag: 'Phiên bản không hợp lệ, hãy tải lại.',
  'retired-unit': 'Đơn vị đã ngừng hoạt động.', 'outside-units': 'Đơn vị không thuộc phạm vi tài khoản của bạn.'
});

// Nhiệm vụ: what a person may do to a task, the audit trail's actions, the task forms' fields
export const TASK_STATUS_ACTIONS = {
  IN_PROGRESS: 'Đang thực hiện (bắt đầu)', DONE: 'Hoàn thành', CANCELLED: 'Hủy nhiệm vụ', PLANNED: 'Mở lại nhiệm vụ'
};
export const TASK_AUDIT_ACTIONS = {
  STATUS_CHANGED: 'Đổi trạng thái', NOTE_ADDED: 'Thêm ghi chú', TRIGGERED: 'Xác định hạn hoàn thành'
};
export const TASK_FIELD_LABELS = {
  status: 'Trạng thái mới', note: 'Ghi chú', author: 'Người ghi', text: 'Nội dung ghi chú', dueDate: 'Hạn hoàn thành',
  unitId: 'Đơn vị'
};

// ---- overview, commune page and public page (added with them)

/** Statuses in the order that needs attention first (sorting by status). */
export const STATUS_SEVERITY = ['MISSED', 'AT_RISK', 'ON_TRACK', 'MET', 'UPCOMING', 'NOT_STARTED'];
/** Chart colours of the statuses (the badges' hues, darker so the bars stand out). */
export const STATUS_COLORS = {
  MET: '#15803d', ON_TRACK: '#1d4ed8', AT_RISK: '#b45309', MISSED: '#b91c1c', UPCOMING: '#6b7280', NOT_STARTED: '#9ca3af'
};
/** The customary name of a periodic report, as reporting-service's ReportPeriod.reportName writes it. */
export function reportName(code, year) {
  const names = { Q1: `quý I năm ${year}`, Q2: `quý II năm ${year}`, H1: `6 tháng đầu năm ${year}`, Q3: `quý III năm ${year}`,
    Q4: `quý IV năm ${year}`, Y: `năm ${year}` };
  return 'Báo cáo ' + (names[code] || `kỳ ${code} năm ${year}`);
}
/** The 34 provinces and centrally-run cities (Resolution 202/2025/QH15) by unit id, for the public page. */
export const PROVINCES = {
  'ha-noi': 'Thành phố Hà Nội', hue: 'Thành phố Huế', 'hai-phong': 'Thành phố Hải Phòng', 'da-nang': 'Thành phố Đà Nẵng',
  'ho-chi-minh': 'Thành phố Hồ Chí Minh', 'can-tho': 'Thành phố Cần Thơ', 'an-giang': 'Tỉnh An Giang',
  'bac-ninh': 'Tỉnh Bắc Ninh', 'ca-mau': 'Tỉnh Cà Mau', 'cao-bang': 'Tỉnh Cao Bằng', 'dak-lak': 'Tỉnh Đắk Lắk',
  'dien-bien': 'Tỉnh Điện Biên', 'dong-nai': 'Tỉnh Đồng Nai', 'dong-thap': 'Tỉnh Đồng Tháp', 'gia-lai': 'Tỉnh Gia Lai',
  'ha-tinh': 'Tỉnh Hà Tĩnh', 'hung-yen': 'Tỉnh Hưng Yên', 'khanh-hoa': 'Tỉnh Khánh Hòa', 'lai-chau': 'Tỉnh Lai Châu',
  'lam-dong': 'Tỉnh Lâm Đồng', 'lang-son': 'Tỉnh Lạng Sơn', 'lao-cai': 'Tỉnh Lào Cai', 'nghe-an': 'Tỉnh Nghệ An',
  'ninh-binh': 'Tỉnh Ninh Bình', 'phu-tho': 'Tỉnh Phú Thọ', 'quang-ngai': 'Tỉnh Quảng Ngãi', 'quang-ninh': 'Tỉnh Quảng Ninh',
  'quang-tri': 'Tỉnh Quảng Trị', 'son-la': 'Tỉnh Sơn La', 'tay-ninh': 'Tỉnh Tây Ninh', 'thai-nguyen': 'Tỉnh Thái Nguyên',
  'thanh-hoa': 'Tỉnh Thanh Hóa', 'tuyen-quang': 'Tỉnh Tuyên Quang', 'vinh-long': 'Tỉnh Vĩnh Long'
};
