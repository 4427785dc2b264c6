// CCHC web UI: plain JavaScript, no framework, no build step. Served by the gateway with index.html and app.css.
'use strict';

(() => {
  const YEAR = 2026;
  const CLIENT_ID = 'cchc-web';
  const SCOPE = 'openid profile';
  const CALLBACK_PATH = '/ui/callback';
  const TOKEN_KEY = 'cchc.token';
  const PKCE_KEY = 'cchc.pkce';

  const STATUS_LABELS = {
    MET: 'Đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ', MISSED: 'Không đạt', UPCOMING: 'Chưa đến kỳ'
  };
  const STATUS_ORDER = ['MET', 'ON_TRACK', 'AT_RISK', 'MISSED', 'UPCOMING'];
  const TASK_STATUS_LABELS = {
    PLANNED: 'Chưa thực hiện', IN_PROGRESS: 'Đang thực hiện', DONE: 'Hoàn thành', OVERDUE: 'Quá hạn', CANCELLED: 'Đã hủy'
  };
  const CHANNELS = {
    WEBSITE: 'Trang thông tin điện tử', PROVINCIAL_PORTAL: 'Cổng thông tin điện tử tỉnh', RADIO: 'Đài truyền thanh',
    ZALO_OA: 'Zalo OA', FACEBOOK: 'Facebook (fanpage)', YOUTUBE: 'YouTube', ELECTRONIC_BOARD: 'Bảng điện tử, màn hình',
    PRINT: 'Ấn phẩm in', ON_SITE: 'Tuyên truyền trực tiếp'
  };
  const ONLINE_CHANNELS = ['WEBSITE', 'PROVINCIAL_PORTAL', 'ZALO_OA', 'FACEBOOK', 'YOUTUBE'];
  const KINDS = {
    ARTICLE: 'Tin, bài', PHOTO_STORY: 'Ảnh, phóng sự ảnh', REPORTAGE: 'Phóng sự', VIDEO: 'Video', AUDIO: 'File âm thanh',
    INFOGRAPHIC: 'Infographic', BROADCAST: 'Chương trình phát thanh', SOCIAL_POST: 'Bài đăng mạng xã hội',
    BANNER: 'Băng rôn, pa nô', LEAFLET: 'Tờ rơi', DIALOGUE: 'Đối thoại'
  };
  const FIELD_LABELS = {
    unitId: 'Đơn vị đăng, phát', channel: 'Kênh', kind: 'Loại tin bài', title: 'Tiêu đề', url: 'Đường dẫn',
    publishedAt: 'Thời gian đăng, phát', durationSeconds: 'Thời lượng'
  };
  const RULE_MESSAGES = {
    'not-blank': 'Không được để trống.', 'not-null': 'Không được để trống.', required: 'Bắt buộc nhập.',
    'not-empty': 'Không được để trống.', size: 'Nội dung quá dài.', format: 'Giá trị không đúng định dạng.',
    'http-url': 'Đường dẫn phải bắt đầu bằng http:// hoặc https:// và có tên miền.',
    'not-in-future': 'Thời gian đăng, phát không được ở tương lai.',
    'unknown-unit': 'Đơn vị không có trong danh mục đơn vị.', 'inactive-unit': 'Đơn vị đã ngừng hoạt động.',
    'channel-not-operated': 'Đơn vị (và đơn vị cấp trên) không quản lý kênh này.',
    positive: 'Phải lớn hơn 0.', min: 'Giá trị quá nhỏ.', max: 'Giá trị quá lớn.'
  };
  const REPORT_PERIODS = [
    ['Q1', 'Báo cáo quý I'], ['H1', 'Báo cáo 6 tháng'], ['Q3', 'Báo cáo quý III'], ['Y', 'Báo cáo năm']
  ];

  const $ = (id) => document.getElementById(id);
  const state = { token: null, claims: null, units: [], unitId: null, stream: null, refreshTimer: null, tab: 'dashboard' };

  // ---------- small helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function setMessage(text, isError) {
    const box = $('status-message');
    box.textContent = text || '';
    box.classList.toggle('error', Boolean(isError));
  }

  function formatDate(iso) {
    if (!iso) return '';
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
  }

  function badge(status) {
    const label = STATUS_LABELS[status] || status || '—';
    return el('span', { class: `badge status-${(status || 'none').toLowerCase()}`, text: label });
  }

  function base64Url(bytes) {
    let binary = '';
    for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(byteCount) {
    return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
  }

  function decodeJwt(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
      const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function redirectUri() {
    return window.location.origin + CALLBACK_PATH;
  }

  // ---------- sign-in: authorization code + PKCE (S256) against the gateway's authorization server

  async function login() {
    const verifier = randomString(48);
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const oauthState = randomString(16);
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: oauthState }));
    const params = new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, scope: SCOPE, redirect_uri: redirectUri(),
      state: oauthState, code_challenge: challenge, code_challenge_method: 'S256'
    });
    window.location.assign('/oauth2/authorize?' + params.toString());
  }

  async function handleCallback() {
    const params = new URLSearchParams(window.location.search);
    const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    sessionStorage.removeItem(PKCE_KEY);
    window.history.replaceState(null, '', '/');
    if (params.get('error')) {
      throw new Error('Đăng nhập không thành công: ' + (params.get('error_description') || params.get('error')));
    }
    if (!saved || !params.get('code') || params.get('state') !== saved.state) {
      throw new Error('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.');
    }
    const response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: CLIENT_ID, code: params.get('code'),
        redirect_uri: redirectUri(), code_verifier: saved.verifier
      })
    });
    if (!response.ok) {
      throw new Error('Không lấy được mã truy cập (lỗi ' + response.status + '), vui lòng đăng nhập lại.');
    }
    const body = await response.json();
    storeToken(body.access_token, body.expires_in);
  }

  function storeToken(accessToken, expiresIn) {
    const expiresAt = Date.now() + (Number(expiresIn) || 3600) * 1000;
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken, expiresAt }));
  }

  function loadToken() {
    const saved = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    if (!saved || !saved.accessToken || saved.expiresAt <= Date.now() + 30000) {
      sessionStorage.removeItem(TOKEN_KEY);
      return null;
    }
    return saved.accessToken;
  }

  /**
   * Forgets the token here and ends the sign-in session at the gateway (POST /logout with the CSRF token of the
   * session), so the next person on this browser must type a password. fetch, not a form: the page is served with
   * Referrer-Policy no-referrer, under which a form POST carries "Origin: null" and the gateway refuses it.
   */
  async function logout() {
    stopStream();
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    try {
      const page = await fetch('/login', { credentials: 'same-origin', cache: 'no-store' });
      const match = /name="([^"]+)" value="([^"]+)"/.exec(await page.text());
      if (match) {
        await fetch('/logout', {
          method: 'POST', credentials: 'same-origin', redirect: 'manual', referrerPolicy: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ [match[1]]: match[2] })
        });
      }
    } catch (e) {
      // the token is gone already; the sign-in page comes next either way
    }
    window.location.assign('/login?logout');
  }

  // ---------- API calls with the bearer token

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, options) {
    const opts = Object.assign({}, options);
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers, { Authorization: 'Bearer ' + state.token });
    const response = await fetch(path, opts);
    if (response.status === 401) {
      sessionExpired();
      throw new ApiError(401, null);
    }
    return response;
  }

  async function apiJson(path, options) {
    const response = await api(path, options);
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function sessionExpired() {
    stopStream();
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    showLogin('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
  }

  function describeError(error) {
    if (!(error instanceof ApiError)) return 'Không kết nối được máy chủ, vui lòng thử lại.';
    switch (error.status) {
      case 401: return 'Phiên đăng nhập đã hết hạn.';
      case 403: return 'Bạn không có quyền thực hiện thao tác này với đơn vị đã chọn.';
      case 404: return 'Không tìm thấy dữ liệu.';
      case 429: return 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.';
      case 503: return 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.';
      default: return 'Có lỗi xảy ra (' + error.status + '): ' + error.message;
    }
  }

  // ---------- views

  function showLogin(message) {
    $('main-view').hidden = true;
    $('user-box').hidden = true;
    $('login-view').hidden = false;
    setMessage(message || '', Boolean(message));
  }

  async function showMain() {
    state.claims = decodeJwt(state.token) || {};
    $('login-view').hidden = true;
    $('user-box').hidden = false;
    $('user-name').textContent = state.claims.name || state.claims.preferred_username || state.claims.sub || '';
    $('main-view').hidden = false;
    setMessage('Đang tải danh sách đơn vị…');
    await loadUnits();
    setMessage('');
    selectUnit(state.units.length ? state.units[0].unitId : null);
  }

  async function loadUnits() {
    const scopes = Array.isArray(state.claims.units) ? state.claims.units : [];
    const byId = new Map();
    for (const scope of scopes) {
      try {
        const page = await apiJson('/api/units?within=' + encodeURIComponent(scope) + '&status=ACTIVE&page=0&size=500');
        const items = Array.isArray(page) ? page : (page && (page.items || page.content)) || [];
        for (const unit of items) byId.set(unit.unitId, unit);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) throw e;
      }
      if (!byId.has(scope)) byId.set(scope, { unitId: scope, name: scope });
    }
    state.units = [...byId.values()].sort((a, b) => a.unitId.localeCompare(b.unitId));
    const depthOf = (unit) => unit.unitId.split('.').length;
    const top = Math.min(...state.units.map(depthOf));
    for (const select of [$('unit-select'), $('pub-unitId')]) {
      select.replaceChildren(...state.units.map((unit) => {
        const depth = depthOf(unit) - top;
        return el('option', { value: unit.unitId, text: '\u00a0\u00a0'.repeat(depth) + (unit.name || unit.unitId) });
      }));
    }
  }

  function selectUnit(unitId) {
    state.unitId = unitId;
    if (!unitId) {
      setMessage('Tài khoản chưa được gán đơn vị nào.', true);
      return;
    }
    $('unit-select').value = unitId;
    $('pub-unitId').value = unitId;
    renderReportLinks();
    refreshAll();
    startStream();
  }

  function refreshAll() {
    loadDashboard();
    loadTasks();
  }

  function switchTab(tab) {
    state.tab = tab;
    for (const button of document.querySelectorAll('.tab')) {
      const active = button.dataset.tab === tab;
      button.setAttribute('aria-selected', String(active));
      $(button.dataset.tab).hidden = !active;
    }
  }

  // ---------- Tổng quan

  async function loadDashboard() {
    const unitId = state.unitId;
    const base = '/api/reports/units/' + encodeURIComponent(unitId);
    try {
      const [compliance, tasks] = await Promise.all([
        apiJson(base + '/compliance?year=' + YEAR),
        apiJson(base + '/tasks')
      ]);
      if (unitId !== state.unitId) return;
      renderCompliance(compliance || {});
      renderTaskProgress((tasks && (tasks.all || tasks)) || {});
    } catch (e) {
      if (unitId === state.unitId && !(e instanceof ApiError && e.status === 401)) setMessage(describeError(e), true);
    }
  }

  function renderCompliance(c) {
    $('compliance-asof').textContent = c.asOf ? 'Số liệu tính đến ngày ' + formatDate(c.asOf) : '';
    const summary = c.summary || {};
    $('compliance-summary').replaceChildren(...STATUS_ORDER.filter((s) => summary[s]).map((s) =>
      el('span', { class: 'summary-item' }, badge(s), ' ' + summary[s])));
    const targets = c.targets || c.ownTargets || [];
    const rows = targets.map((t) => {
      const current = t.current || (t.periods && t.periods[t.periods.length - 1]) || {};
      const minimum = current.minimum !== undefined ? current.minimum : t.minimum;
      return el('tr', { 'data-target-id': t.targetId },
        el('td', { 'data-label': 'Chỉ tiêu' }, el('div', {}, el('span', { text: t.description || t.targetId }),
          t.planTitle ? el('span', { class: 'muted small', text: t.planTitle }) : null)),
        el('td', { 'data-label': 'Kỳ hiện tại', text: periodLabel(current) }),
        el('td', { 'data-label': 'Đã thực hiện / Tối thiểu', class: 'count', text: `${current.count ?? 0}/${minimum ?? '?'}` }),
        el('td', { 'data-label': 'Tình trạng' }, badge(current.status)));
    });
    $('targets-table').tBodies[0].replaceChildren(...rows);
    $('targets-empty').hidden = rows.length > 0;

    const communes = c.communes || [];
    $('communes-block').hidden = communes.length === 0;
    $('communes-table').tBodies[0].replaceChildren(...communes.map((m) => {
      const s = m.summary || {};
      return el('tr', {},
        el('td', { 'data-label': 'Đơn vị', text: m.name || m.communeId }),
        el('td', { 'data-label': 'Đạt', text: String(s.MET || 0) }),
        el('td', { 'data-label': 'Đúng tiến độ', text: String(s.ON_TRACK || 0) }),
        el('td', { 'data-label': 'Có nguy cơ', text: String(s.AT_RISK || 0) }),
        el('td', { 'data-label': 'Không đạt', text: String(s.MISSED || 0) }));
    }));
  }

  function periodLabel(period) {
    const key = period.period || '';
    let m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
    m = /^(\d{4})-Q(\d)$/.exec(key);
    if (m) return `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
    m = /^(\d{4})$/.exec(key);
    if (m) return `Năm ${m[1]}`;
    if (period.start && period.end) return `${formatDate(period.start)} – ${formatDate(period.end)}`;
    return key;
  }

  function renderTaskProgress(p) {
    const items = [
      ['Tổng số', p.total], ['Hoàn thành', p.done], ['Đang thực hiện', p.inProgress],
      ['Chưa thực hiện', p.planned], ['Quá hạn', p.overdue], ['Đã hủy', p.cancelled]
    ];
    $('task-progress').replaceChildren(...items.map(([label, value]) =>
      el('div', {}, el('dt', { text: label }), el('dd', { text: String(value || 0) }))));
    const overdue = p.overdueTasks || [];
    $('overdue-block').hidden = overdue.length === 0;
    $('overdue-list').replaceChildren(...overdue.map((t) =>
      el('li', { text: `${t.title} (hạn ${formatDate(t.dueDate)})` })));
  }

  // ---------- live updates: server-sent events read with fetch, so the bearer header can be sent

  function startStream() {
    stopStream();
    const controller = new AbortController();
    state.stream = controller;
    consumeStream(state.unitId, controller, 0);
  }

  function stopStream() {
    if (state.stream) state.stream.abort();
    state.stream = null;
  }

  function setLive(text, ok) {
    const box = $('live-indicator');
    box.textContent = text;
    box.classList.toggle('ok', Boolean(ok));
  }

  async function consumeStream(unitId, controller, failures) {
    let received = false;
    try {
      const response = await fetch('/api/reports/stream?unitId=' + encodeURIComponent(unitId), {
        headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' },
        signal: controller.signal, cache: 'no-store'
      });
      if (response.status === 401) {
        sessionExpired();
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      setLive('Đang cập nhật trực tiếp', true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseEvent(block);
          if (event) {
            received = true;
            onServerEvent(event);
          }
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    if (controller.signal.aborted || state.stream !== controller) return;
    const next = received ? 0 : failures + 1;
    const delay = Math.min(30000, 2000 * Math.pow(2, Math.min(next, 4)));
    setLive('Mất kết nối cập nhật trực tiếp, đang thử lại…', false);
    setTimeout(() => {
      if (state.stream === controller && !controller.signal.aborted) consumeStream(unitId, controller, next);
    }, delay);
  }

  function parseEvent(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    return data.length || name !== 'message' ? { name, data: data.join('\n') } : null;
  }

  function onServerEvent(event) {
    if (event.name === 'hello') return;
    // any change may move a count or a status: reload the unit's figures, at most every half second
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refreshAll, 500);
  }

  // ---------- Nhiệm vụ

  async function loadTasks() {
    const unitId = state.unitId;
    try {
      const tasks = await apiJson('/api/tasks?unit=' + encodeURIComponent(unitId));
      if (unitId !== state.unitId) return;
      const list = Array.isArray(tasks) ? tasks : (tasks && tasks.items) || [];
      list.sort((a, b) => String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999')));
      $('tasks-table').tBodies[0].replaceChildren(...list.map((t) => el('tr', {},
        el('td', { 'data-label': 'Nhiệm vụ', text: t.title }),
        el('td', { 'data-label': 'Thời hạn',
          text: t.dueDate ? formatDate(t.dueDate) : ((t.timeFrame && t.timeFrame.text) || 'Chưa xác định') }),
        el('td', { 'data-label': 'Trạng thái' },
          el('span', { class: `badge task-${String(t.status || '').toLowerCase()}`, text: TASK_STATUS_LABELS[t.status] || t.status })),
        el('td', { 'data-label': 'Tài liệu kiểm chứng', class: 'count', text: String((t.evidence || []).length) }))));
      $('tasks-empty').hidden = list.length > 0;
    } catch (e) {
      if (unitId === state.unitId && !(e instanceof ApiError && e.status === 401)) setMessage(describeError(e), true);
    }
  }

  // ---------- Ghi nhận tin bài

  function fillPublicationChoices() {
    $('pub-channel').replaceChildren(...Object.entries(CHANNELS).map(([value, text]) => el('option', { value, text })));
    $('pub-kind').replaceChildren(...Object.entries(KINDS).map(([value, text]) => el('option', { value, text })));
    $('pub-publishedAt').value = vietnamNow();
    updateDurationField();
  }

  /** Now in Vietnam time as a datetime-local value (yyyy-MM-ddTHH:mm). */
  function vietnamNow() {
    return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 16);
  }

  function updateDurationField() {
    const broadcast = $('pub-kind').value === 'BROADCAST';
    $('duration-field').hidden = !broadcast;
    $('pub-durationMinutes').required = broadcast;
    $('pub-url').required = ONLINE_CHANNELS.includes($('pub-channel').value);
  }

  function clearFieldErrors() {
    for (const box of document.querySelectorAll('#publication-form .field-error')) box.textContent = '';
    for (const input of document.querySelectorAll('#publication-form [aria-invalid]')) input.removeAttribute('aria-invalid');
    $('pub-result').textContent = '';
  }

  function showFieldError(field, message) {
    const key = String(field || '').split(/[.[]/)[0];
    const box = document.querySelector(`#publication-form [data-error-for="${CSS.escape(key)}"]`);
    if (!box) {
      const formBox = $('pub-form-error');
      formBox.textContent = (formBox.textContent ? formBox.textContent + ' ' : '') +
        (FIELD_LABELS[key] ? FIELD_LABELS[key] + ': ' : '') + message;
      return;
    }
    box.textContent = box.textContent ? box.textContent + ' ' + message : message;
    const input = box.parentElement.querySelector('input, select');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', box.id);
    }
  }

  async function submitPublication(event) {
    event.preventDefault();
    clearFieldErrors();
    const kind = $('pub-kind').value;
    const local = $('pub-publishedAt').value;
    const body = {
      unitId: $('pub-unitId').value,
      channel: $('pub-channel').value,
      kind,
      title: $('pub-title').value.trim(),
      url: $('pub-url').value.trim() || null,
      // the form's time is Vietnam time whatever the device's zone
      publishedAt: local ? (local.length === 16 ? local + ':00' : local) + '+07:00' : null
    };
    if (kind === 'BROADCAST') {
      const minutes = Number($('pub-durationMinutes').value);
      body.durationSeconds = minutes > 0 ? Math.round(minutes * 60) : null;
    }
    const button = $('pub-submit');
    button.disabled = true;
    try {
      const response = await api('/api/publications', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
      const type = response.headers.get('Content-Type') || '';
      const answer = type.includes('json') ? await response.json() : null;
      if (response.status === 201) {
        $('pub-result').textContent = 'Đã ghi nhận tin bài “' + body.title + '”.';
        $('pub-title').value = '';
        $('pub-url').value = '';
      } else if (response.ok) {
        $('pub-result').textContent = 'Tin bài này đã được ghi nhận trước đó, không ghi thêm.';
      } else if (response.status === 400 && answer && Array.isArray(answer.errors) && answer.errors.length) {
        for (const error of answer.errors) {
          showFieldError(error.field, RULE_MESSAGES[error.rule] || error.message || 'Giá trị không hợp lệ.');
        }
      } else {
        $('pub-form-error').textContent = describeError(new ApiError(response.status, answer));
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) $('pub-form-error').textContent = describeError(e);
    } finally {
      button.disabled = false;
    }
  }

  // ---------- Báo cáo: downloads need the token, so fetch + blob instead of plain links

  function renderReportLinks() {
    $('report-links').replaceChildren(...REPORT_PERIODS.map(([code, label]) => {
      const period = `${YEAR}-${code}`;
      return el('li', {}, el('span', { class: 'report-name', text: `${label} ${YEAR}` }),
        el('button', { type: 'button', class: 'secondary', 'data-download': `${period}.docx`, text: 'Tải Word (.docx)' }),
        el('button', { type: 'button', class: 'secondary', 'data-download': `${period}.xlsx`, text: 'Tải phụ lục Excel (.xlsx)' }));
    }));
  }

  async function download(file) {
    setMessage('Đang tải ' + file + '…');
    try {
      const response = await api('/api/reports/units/' + encodeURIComponent(state.unitId) + '/periodic/' + file, {
        headers: { Accept: '*/*' }
      });
      if (!response.ok) {
        const type = response.headers.get('Content-Type') || '';
        throw new ApiError(response.status, type.includes('json') ? await response.json() : null);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `bao-cao-${state.unitId}-${file}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setMessage('Đã tải ' + file + '.');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setMessage(describeError(e), true);
    }
  }

  // ---------- start

  function wire() {
    $('login-button').addEventListener('click', () => login().catch(() => setMessage('Trình duyệt không hỗ trợ đăng nhập an toàn (PKCE).', true)));
    $('logout-button').addEventListener('click', logout);
    $('unit-select').addEventListener('change', (e) => selectUnit(e.target.value));
    for (const button of document.querySelectorAll('.tab')) {
      button.addEventListener('click', () => switchTab(button.dataset.tab));
    }
    $('pub-kind').addEventListener('change', updateDurationField);
    $('pub-channel').addEventListener('change', updateDurationField);
    $('publication-form').addEventListener('submit', submitPublication);
    $('report-links').addEventListener('click', (e) => {
      const button = e.target.closest('[data-download]');
      if (button) download(button.dataset.download);
    });
  }

  async function start() {
    wire();
    fillPublicationChoices();
    try {
      if (window.location.pathname === CALLBACK_PATH) {
        setMessage('Đang hoàn tất đăng nhập…');
        await handleCallback();
      }
    } catch (e) {
      showLogin(e.message);
      return;
    }
    state.token = loadToken();
    if (!state.token) {
      showLogin();
      return;
    }
    try {
      await showMain();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setMessage(describeError(e), true);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
