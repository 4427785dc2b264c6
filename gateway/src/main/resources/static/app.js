// CCHC web UI: plain JavaScript, no framework, no build step. Served by the gateway with index.html and app.css.
'use strict';

(() => {
  const YEAR_KEY = 'cchc.year';
  const CLIENT_ID = 'cchc-web';
  const SCOPE = 'openid profile';
  const CALLBACK_PATH = '/ui/callback';
  const TOKEN_KEY = 'cchc.token';
  const PKCE_KEY = 'cchc.pkce';

  const STATUS_LABELS = {
    MET: 'Đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ', MISSED: 'Không đạt', UPCOMING: 'Chưa đến kỳ',
    NOT_STARTED: 'Chưa áp dụng'
  };
  const STATUS_ORDER = ['MET', 'ON_TRACK', 'AT_RISK', 'MISSED', 'UPCOMING', 'NOT_STARTED'];
  const TASK_STATUS_LABELS = {
    PLANNED: 'Chưa thực hiện', IN_PROGRESS: 'Đang thực hiện', DONE: 'Hoàn thành', OVERDUE: 'Quá hạn', CANCELLED: 'Đã hủy'
  };
  const CHANNELS = {
    WEBSITE: 'Trang thông tin điện tử', PROVINCIAL_PORTAL: 'Cổng thông tin điện tử tỉnh', RADIO: 'Đài truyền thanh',
    ZALO_OA: 'Zalo OA', FACEBOOK: 'Facebook (fanpage)', YOUTUBE: 'YouTube', ELECTRONIC_BOARD: 'Bảng điện tử, màn hình',
    PRINT: 'Ấn phẩm in', ON_SITE: 'Tuyên truyền trực tiếp',
    NATIONAL_PUBLIC_SERVICE_PORTAL: 'Cổng Dịch vụ công quốc gia', TELEVISION: 'Truyền hình', PRESS: 'Báo chí',
    LOUDSPEAKER: 'Loa truyền thanh', BANNER: 'Băng rôn, khẩu hiệu', LEAFLET: 'Tờ rơi', MEETING: 'Hội nghị, cuộc họp'
  };
  const ONLINE_CHANNELS = ['WEBSITE', 'PROVINCIAL_PORTAL', 'ZALO_OA', 'FACEBOOK', 'YOUTUBE', 'NATIONAL_PUBLIC_SERVICE_PORTAL'];
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
  const state = {
    token: null, claims: null, units: [], unitId: null, year: null, stream: null, refreshTimer: null, tab: 'dashboard',
    plansShown: false, plan: null, form: null, review: null
  };

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
    if (state.plansShown) showPlansList();
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
    if (tab === 'plans' && !state.plansShown) {
      state.plansShown = true;
      showPlansList();
    }
    // coming back to the figures shows them fresh (events may have been missed while the stream reconnected)
    if (tab === 'dashboard' && state.unitId) loadDashboard();
    if (tab === 'tasks' && state.unitId) loadTasks();
  }

  // ---------- the year: chosen once for the whole UI (dashboard, plans, tasks, reports), kept in the URL and the browser

  function vietnamToday() {
    return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  }

  function currentYear() {
    return Number(vietnamToday().slice(0, 4));
  }

  function validYear(y) {
    return Number.isInteger(y) && y >= 2000 && y <= 2100;
  }

  function yearFromHash() {
    return Number(new URLSearchParams(window.location.hash.replace(/^#/, '')).get('year'));
  }

  function initialYear() {
    const fromHash = yearFromHash();
    if (validYear(fromHash)) return fromHash;
    const saved = Number(localStorage.getItem(YEAR_KEY));
    return validYear(saved) ? saved : currentYear();
  }

  function fillYears() {
    const now = currentYear();
    const first = Math.min(now - 3, state.year);
    const last = Math.max(now + 1, state.year);
    const options = [];
    for (let y = last; y >= first; y--) options.push(el('option', { value: String(y), text: String(y) }));
    $('year-select').replaceChildren(...options);
    $('year-select').value = String(state.year);
  }

  function showYear() {
    for (const label of document.querySelectorAll('.year-label')) label.textContent = String(state.year);
  }

  /** Changes the year everywhere; {@code remember} writes it to the URL (#year=…) and the browser's storage. */
  function setYear(year, remember) {
    if (!validYear(year)) return;
    const changed = year !== state.year;
    state.year = year;
    if (remember) {
      localStorage.setItem(YEAR_KEY, String(year));
      const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
      params.set('year', String(year));
      window.history.replaceState(null, '', '#' + params.toString());
    }
    if ($('year-select').value !== String(year)) fillYears();
    showYear();
    if (!changed || !state.unitId) return;
    renderReportLinks();
    refreshAll();
    if (state.plansShown) showPlansList();
  }

  // ---------- Tổng quan

  async function loadDashboard() {
    const unitId = state.unitId;
    const year = state.year;
    const base = '/api/reports/units/' + encodeURIComponent(unitId);
    try {
      const [compliance, tasks] = await Promise.all([
        apiJson(base + '/compliance?year=' + state.year),
        apiJson(base + '/tasks')
      ]);
      if (unitId !== state.unitId || year !== state.year) return;
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
      return el('tr', { 'data-target-id': t.targetId, 'data-plan-id': t.planId },
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
      const year = state.year;
      const list = (Array.isArray(tasks) ? tasks : (tasks && tasks.items) || []).filter((t) => taskInYear(t, year));
      list.sort((a, b) => String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999')));
      $('tasks-table').tBodies[0].replaceChildren(...list.map((t) => el('tr', { 'data-task-id': t.id, 'data-plan-id': t.planId },
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

  /** A task belongs to the selected year unless its due date or time frame says another year. */
  function taskInYear(t, year) {
    if (t.dueDate) return Number(String(t.dueDate).slice(0, 4)) === year;
    const tf = t.timeFrame || {};
    if (tf.year) return Number(tf.year) === year;
    if (tf.date) return Number(String(tf.date).slice(0, 4)) === year;
    return true;
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
      const period = `${state.year}-${code}`;
      return el('li', {}, el('span', { class: 'report-name', text: `${label} ${state.year}` }),
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

  // ---------- Kế hoạch: list, plan page, form (create / edit draft / amend), import review

  const PLAN_STATUS_LABELS = { DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', AMENDED: 'Đã sửa đổi', CLOSED: 'Đã kết thúc' };
  const PLAN_CHANNELS = CHANNELS;
  const TARGET_PERIODS = { YEAR: 'Mỗi năm', QUARTER: 'Mỗi quý', MONTH: 'Mỗi tháng', PLAN: 'Cả kế hoạch' };
  const TARGET_PERIOD_SHORT = { YEAR: 'năm', QUARTER: 'quý', MONTH: 'tháng', PLAN: 'kế hoạch' };
  const TARGET_SCOPES = { SUBTREE: 'Đơn vị và các đơn vị trực thuộc', UNIT: 'Riêng đơn vị' };
  const REPORT_PERIOD_LABELS = { QUARTER: 'quý', HALF_YEAR: '6 tháng', YEAR: 'năm' };
  const TIME_FRAME_TYPES = {
    DATE: 'Ngày cụ thể', MONTH: 'Tháng', QUARTER: 'Quý', HALF_YEAR: '6 tháng', YEAR: 'Cả năm', RANGE: 'Từ tháng… đến tháng…',
    RECURRING: 'Định kỳ (hàng tuần, tháng, quý, năm)', ONGOING: 'Thường xuyên', ON_RESULTS: 'Khi có kết quả công bố',
    PER_HIGHER_PLAN: 'Theo kế hoạch của tỉnh'
  };
  const LEGAL_KINDS = {
    RESOLUTION: 'Nghị quyết', DIRECTIVE: 'Chỉ thị', DECISION: 'Quyết định', PLAN: 'Kế hoạch', OFFICIAL_LETTER: 'Công văn',
    LAW: 'Luật', DECREE: 'Nghị định', CIRCULAR: 'Thông tư', OTHER: 'Văn bản'
  };
  const MILESTONE_KINDS = {
    NATIONAL_DAY: 'Ngày lễ, kỷ niệm', CONTEST: 'Cuộc thi', TRAINING: 'Tập huấn', CONFERENCE: 'Hội nghị', DIALOGUE: 'Đối thoại',
    CAMPAIGN: 'Đợt tuyên truyền', OTHER: 'Khác'
  };
  const RECURRENCES = { WEEKLY: 'Hàng tuần', MONTHLY: 'Hàng tháng', QUARTERLY: 'Hàng quý', YEARLY: 'Hàng năm' };
  const PLAN_RULE_MESSAGES = Object.assign({}, RULE_MESSAGES, {
    'unknown-unit': 'Đơn vị không có trong danh mục đơn vị.', 'retired-unit': 'Đơn vị đã ngừng hoạt động.',
    'outside-issuing-unit': 'Đơn vị phải là đơn vị ban hành hoặc đơn vị trực thuộc.',
    'plan-year': 'Ngày phải thuộc năm của kế hoạch.', 'after-start': 'Giờ kết thúc phải sau giờ bắt đầu.',
    required: 'Bắt buộc nhập (với loại thời gian đã chọn).', unique: 'Mã này bị trùng trong kế hoạch.',
    min: 'Giá trị quá nhỏ (chỉ tiêu tối thiểu phải từ 1 trở lên).', pattern: 'Giá trị không đúng định dạng.',
    json: 'Dữ liệu không đúng định dạng.', 'unknown-plan': 'Không có kế hoạch này trong hệ thống.'
  });
  const TOP_LABELS = {
    number: 'Số hiệu', title: 'Tên kế hoạch', year: 'Năm kế hoạch', place: 'Địa danh', issuedOn: 'Ngày ban hành',
    issuedDate: 'Ngày ban hành (như văn bản)', issuingBody: 'Cơ quan ban hành', issuingUnitId: 'Đơn vị ban hành',
    effectiveFrom: 'Thực hiện từ ngày', parentPlan: 'Kế hoạch cấp trên', legalBases: 'Căn cứ', purposes: 'Mục đích',
    requirements: 'Yêu cầu', audiences: 'Đối tượng', themes: 'Chủ đề', forms: 'Hình thức', contents: 'Nội dung tuyên truyền',
    channels: 'Kênh tuyên truyền', budgetNote: 'Kinh phí', recipients: 'Nơi nhận', signatory: 'Người ký',
    targets: 'Chỉ tiêu', scheduledItems: 'Lịch phát sóng, hoạt động', tasks: 'Nhiệm vụ', responsibilities: 'Trách nhiệm',
    milestones: 'Sự kiện', reportingDuties: 'Chế độ báo cáo', note: 'Lý do sửa đổi'
  };
  const ENTRY_LABELS = {
    legalBases: 'Căn cứ', targets: 'Chỉ tiêu', scheduledItems: 'Lịch', tasks: 'Nhiệm vụ', responsibilities: 'Trách nhiệm',
    duties: 'nội dung', milestones: 'Sự kiện', reportingDuties: 'Báo cáo', purposes: 'Mục đích', requirements: 'Yêu cầu',
    audiences: 'Đối tượng', themes: 'Chủ đề', forms: 'Hình thức', contents: 'Nội dung', recipients: 'Nơi nhận',
    coordinators: 'đơn vị phối hợp', coordinatingUnitIds: 'đơn vị phối hợp', chain: 'cấp', mandates: 'dòng',
    products: 'sản phẩm', channels: 'kênh', kinds: 'loại', periods: 'kỳ'
  };
  const SUB_LABELS = {
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
  /** The header fields always shown on the review screen, extracted or not. */
  const REVIEW_CORE = ['issuingBody', 'number', 'place', 'issuedDate', 'title', 'year', 'effectiveFrom'];
  const LOW_CONFIDENCE = 0.6;
  const CONFLICT_MESSAGE = 'Kế hoạch đã được người khác thay đổi, hãy tải lại trước khi lưu.';

  let idCounter = 0;
  const nextId = (prefix) => `${prefix}-${++idCounter}`;

  function unitName(unitId) {
    if (!unitId) return '';
    const unit = state.units.find((u) => u.unitId === unitId);
    return unit && unit.name ? unit.name : unitId;
  }

  function refName(ref) {
    if (!ref) return '';
    return ref.name || unitName(ref.unitId);
  }

  function pad2(n) {
    return n === null || n === undefined ? '' : String(n).padStart(2, '0');
  }

  function planStatusBadge(status) {
    return el('span', { class: `badge plan-${String(status || '').toLowerCase()}`, text: PLAN_STATUS_LABELS[status] || status || '—' });
  }

  /** The date line as the document writes it: "Phú Khương, ngày 15 tháng 01 năm 2026", blanks kept ("ngày … tháng 01"). */
  function dateLine(p) {
    const d = p.issuedDate;
    let text = '';
    if (d && d.text) text = d.text;
    else if (d && (d.year || d.month || d.day)) text = `ngày ${pad2(d.day) || '…'} tháng ${pad2(d.month) || '…'} năm ${d.year || '…'}`;
    else if (p.issuedOn) {
      const [y, m, day] = p.issuedOn.split('-');
      text = `ngày ${day} tháng ${m} năm ${y}`;
    }
    if (p.place && text && !text.includes(p.place)) text = `${p.place}, ${text}`;
    return text || (p.place ? `${p.place}, ngày … tháng … năm …` : '');
  }

  function shortDate(p) {
    if (p.issuedOn) return formatDate(p.issuedOn);
    const d = p.issuedDate;
    if (d && (d.year || d.month)) return `${pad2(d.day) || '…'}/${pad2(d.month) || '…'}/${d.year || '…'}`;
    return 'Chưa ban hành';
  }

  function legalBasisText(b) {
    if (b.text) return b.text;
    return [LEGAL_KINDS[b.kind] || 'Văn bản', b.number ? 'số ' + b.number : '', b.date ? 'ngày ' + formatDate(b.date) : '',
      b.issuer ? 'của ' + b.issuer : '', b.title || ''].filter(Boolean).join(' ');
  }

  function timeFrameText(tf) {
    if (!tf) return '';
    if (tf.text) return tf.text;
    if (tf.type === 'DATE' && tf.date) return 'Ngày ' + formatDate(tf.date);
    if (tf.type === 'MONTH') return `Tháng ${tf.month}/${tf.year || ''}`;
    if (tf.type === 'QUARTER') return `Quý ${tf.quarter}/${tf.year || ''}`;
    return TIME_FRAME_TYPES[tf.type] || tf.type || '';
  }

  function reportingText(r) {
    if (r.text) return r.text;
    const periods = (r.periods && r.periods.length ? r.periods : (r.period ? [r.period] : [])).map((x) => REPORT_PERIOD_LABELS[x] || x);
    const parts = [];
    if (periods.length) parts.push((r.periodic ? 'Định kỳ ' : 'Báo cáo ') + periods.join(', '));
    else if (r.periodic) parts.push('Báo cáo định kỳ');
    if (r.onRequest) parts.push('đột xuất theo yêu cầu');
    if (r.integrated) parts.push('lồng ghép trong báo cáo CCHC');
    if (r.recipient) parts.push('gửi ' + r.recipient);
    if (r.deadline) parts.push('trước ngày ' + formatDate(r.deadline));
    return parts.join(', ') || 'Báo cáo';
  }

  function setPlansMessage(text, isError) {
    const box = $('plans-message');
    box.textContent = text || '';
    box.classList.toggle('error', Boolean(isError));
  }

  function showPlansView(view) {
    for (const id of ['plans-list-view', 'plan-view', 'plan-form-view', 'import-view']) $(id).hidden = id !== view;
  }

  /** A JSON call that also returns the ETag (If-Match of the next change). */
  async function apiCall(path, options) {
    const response = await api(path, options);
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return { body, etag: response.headers.get('ETag'), status: response.status };
  }

  /** What went wrong with a change of a plan, in Vietnamese. */
  function planErrorText(e) {
    if (!(e instanceof ApiError)) return describeError(e);
    switch (e.status) {
      case 412: return CONFLICT_MESSAGE;
      case 428: return 'Thiếu phiên bản của kế hoạch (If-Match); hãy tải lại kế hoạch rồi thực hiện lại.';
      case 409: return 'Không thực hiện được với trạng thái hiện tại của kế hoạch (dự thảo chỉ có thể sửa hoặc ban hành; '
        + 'kế hoạch đã ban hành chỉ có thể sửa đổi hoặc kết thúc; kế hoạch đã kết thúc không thay đổi được nữa). Hãy tải lại kế hoạch.';
      case 403: return 'Bạn không có quyền thay đổi kế hoạch của đơn vị này.';
      case 404: return 'Không tìm thấy kế hoạch (có thể đã bị xóa hoặc bạn không có quyền xem).';
      case 400: return 'Dữ liệu chưa hợp lệ, xem các lỗi bên dưới.';
      default: return describeError(e);
    }
  }

  /** Shows an error in a box; a conflict gets a "Tải lại" button that runs {@code reload}. */
  function showErrorIn(box, e, reload) {
    box.replaceChildren(el('span', { text: planErrorText(e) }));
    if (e instanceof ApiError && (e.status === 412 || e.status === 409 || e.status === 428) && reload) {
      const button = el('button', { type: 'button', class: 'secondary inline', text: 'Tải lại' });
      button.addEventListener('click', reload);
      box.append(' ', button);
    }
  }

  // --- the list

  async function showPlansList(message) {
    showPlansView('plans-list-view');
    state.plan = null;
    setPlansMessage(message || '');
    const unitId = state.unitId;
    const year = state.year;
    if (!unitId) return;
    try {
      const page = await apiJson(`/api/plans?unitId=${encodeURIComponent(unitId)}&subtree=true&year=${year}&page=0&size=200`);
      if (unitId !== state.unitId || year !== state.year) return;
      const items = (page && page.items) || [];
      $('plans-table').tBodies[0].replaceChildren(...items.map((doc) => {
        const p = doc.plan || {};
        const open = el('button', { type: 'button', class: 'link', 'data-open-plan': doc.id, text: p.title || doc.id });
        return el('tr', { 'data-plan-id': doc.id },
          el('td', { 'data-label': 'Số hiệu', text: p.number || 'Chưa có số' }),
          el('td', { 'data-label': 'Kế hoạch' }, open),
          el('td', { 'data-label': 'Đơn vị ban hành', text: p.issuingBody || unitName(p.issuingUnitId) }),
          el('td', { 'data-label': 'Ngày ban hành', text: shortDate(p) }),
          el('td', { 'data-label': 'Trạng thái' }, planStatusBadge(doc.status)));
      }));
      $('plans-empty').hidden = items.length > 0;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setPlansMessage(describeError(e), true);
    }
  }

  // --- the plan page

  async function openPlan(id, message) {
    setPlansMessage(message || '');
    $('plan-action-error').textContent = '';
    try {
      const { body, etag } = await apiCall('/api/plans/' + encodeURIComponent(id));
      state.plan = { doc: body, etag };
      showPlansView('plan-view');
      renderPlan();
      loadRevisions(id);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setPlansMessage(describeError(e), true);
    }
  }

  function part(title, ...content) {
    const id = nextId('plan-part');
    return el('section', { class: 'plan-part', 'aria-labelledby': id }, el('h4', { id, text: title }), ...content);
  }

  function table(caption, headers, rows, attrs) {
    return el('div', { class: 'table-wrap' }, el('table', attrs || {},
      el('caption', { class: 'visually-hidden', text: caption }),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows.map((cells) => el('tr', cells.attrs || {},
        ...cells.map((c, i) => el('td', { 'data-label': headers[i] }, c)))))));
  }

  function textList(items, cls) {
    return el('ul', { class: cls || 'plain-list' }, ...items.map((t) => el('li', { text: t })));
  }

  function renderPlan() {
    const doc = state.plan.doc;
    const p = doc.plan || {};
    const live = doc.status === 'ISSUED' || doc.status === 'AMENDED';
    const out = [];

    out.push(el('div', { class: 'doc-header' },
      el('div', { class: 'doc-issuer' },
        el('p', { class: 'doc-body-name', text: (p.issuingBody || unitName(p.issuingUnitId)).toUpperCase() }),
        el('p', { 'data-part': 'number', text: 'Số: ' + (p.number || '…/KH-UBND') })),
      el('div', { class: 'doc-motto' },
        el('p', { class: 'doc-body-name', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' }),
        el('p', { text: 'Độc lập - Tự do - Hạnh phúc' }),
        el('p', { class: 'doc-date', 'data-part': 'date', text: dateLine(p) }))));
    out.push(el('h3', { class: 'doc-title', id: 'plan-title' }, el('span', { class: 'doc-kind', text: 'KẾ HOẠCH' }),
      el('span', { text: p.title || '' })));
    out.push(el('p', { class: 'doc-status' }, planStatusBadge(doc.status),
      doc.revision ? ` Lần ban hành thứ ${doc.revision}` : ' Chưa ban hành', ` · Năm ${p.year || ''}`));

    const bases = (p.legalBases && p.legalBases.length) ? p.legalBases.map(legalBasisText)
      : (p.parentPlan ? [legalBasisText(Object.assign({ kind: 'PLAN' }, p.parentPlan))] : []);
    if (bases.length) out.push(part('Căn cứ', textList(bases)));
    out.push(part('Thời gian thực hiện', el('p', { text: p.effectiveFrom ? 'Thực hiện từ ngày ' + formatDate(p.effectiveFrom)
      : (p.issuedOn ? 'Từ ngày ban hành (' + formatDate(p.issuedOn) + ')' : 'Từ ngày ban hành') })));
    for (const [key, title] of [['purposes', 'Mục đích'], ['requirements', 'Yêu cầu'], ['contents', 'Nội dung tuyên truyền']]) {
      if (p[key] && p[key].length) out.push(el('details', { class: 'plan-part' }, el('summary', { text: `${title} (${p[key].length})` }), textList(p[key])));
    }

    const targets = p.targets || [];
    out.push(part('Chỉ tiêu', targets.length ? table('Chỉ tiêu', ['Chỉ tiêu', 'Tối thiểu', 'Kênh', 'Loại', 'Đơn vị'],
      targets.map((t) => Object.assign([
        el('div', {}, el('span', { text: t.description }), t.subject ? el('span', { class: 'muted small', text: 'Chủ đề: ' + t.subject }) : null,
          t.responsible ? el('span', { class: 'muted small', text: 'Chịu trách nhiệm: ' + refName(t.responsible) }) : null),
        `${t.minimum} / ${TARGET_PERIOD_SHORT[t.period] || t.period}`,
        (t.channels || []).length ? t.channels.map((c) => PLAN_CHANNELS[c] || c).join(', ') : 'Mọi kênh',
        (t.kinds || []).length ? t.kinds.map((k) => KINDS[k] || k).join(', ') : 'Mọi loại',
        unitName(t.unitId) + (t.scope === 'SUBTREE' ? ' (cả đơn vị trực thuộc)' : '')
      ], { attrs: { 'data-target-id': t.id } })), { id: 'plan-targets' }) : el('p', { class: 'muted', text: 'Chưa có chỉ tiêu.' })));

    const items = p.scheduledItems || [];
    if (items.length) {
      out.push(part('Lịch phát sóng, hoạt động', table('Lịch', ['Ngày', 'Giờ', 'Nội dung', 'Người trình bày', 'Kênh', 'Đơn vị'],
        items.map((s) => [formatDate(s.date), [s.startTime, s.endTime].filter(Boolean).join('–'),
          el('div', {}, el('span', { text: s.title }), s.topic ? el('span', { class: 'muted small', text: s.topic }) : null),
          s.presenter || '', PLAN_CHANNELS[s.channel] || s.channel || '', unitName(s.unitId)]))));
    }

    const tasks = p.tasks || [];
    out.push(part('Danh mục nhiệm vụ', tasks.length ? table('Nhiệm vụ', ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Sản phẩm'],
      tasks.map((t) => Object.assign([
        t.number || '',
        el('div', {}, el('span', { text: t.title }), t.details ? el('span', { class: 'muted small', text: t.details }) : null),
        t.lead ? refName(t.lead) : (unitName(t.leadUnitId) || unitName(p.issuingUnitId)),
        [...(t.coordinatingUnitIds || []).map(unitName), ...(t.coordinators || []).filter((c) => !c.unitId || !(t.coordinatingUnitIds || []).includes(c.unitId)).map(refName)].join('; '),
        timeFrameText(t.timeFrame) + (t.alternativeTimeFrame ? ` (trong nội dung: ${timeFrameText(t.alternativeTimeFrame)})` : ''),
        (t.products || []).join(', ')
      ], { attrs: { 'data-task-id': t.id } })), { id: 'plan-tasks' }) : el('p', { class: 'muted', text: 'Chưa có nhiệm vụ.' })));

    const responsibilities = p.responsibilities || [];
    if (responsibilities.length) {
      const taskNumber = (id) => { const t = tasks.find((x) => x.id === id); return t ? t.number || t.id : id; };
      out.push(part('Tổ chức thực hiện', ...responsibilities.map((r, ri) => {
        const name = refName(r.unit);
        const heading = `${ri + 1}. ${r.requested && !/^Đề nghị/i.test(name) ? 'Đề nghị ' : ''}${name}`;
        return el('div', { class: 'responsibility', 'data-responsibility-id': r.id || '' }, el('h5', { text: heading }),
          el('ul', { class: 'duties' }, ...(r.duties || []).map((d) => {
            let action = null;
            if (d.taskId) action = el('span', { class: 'badge task-in_progress', text: 'Đã theo dõi: nhiệm vụ ' + taskNumber(d.taskId) });
            else if (d.id && doc.status !== 'CLOSED') {
              action = el('button', { type: 'button', class: 'secondary small-button', 'data-duty-id': d.id,
                'aria-label': `Theo dõi thành nhiệm vụ: ${name}${d.label ? ' ' + d.label : ''}`, text: 'Theo dõi thành nhiệm vụ' });
            }
            return el('li', { 'data-duty-id': d.id || '' }, d.label ? el('strong', { text: d.label + ' ' }) : null,
              el('span', { text: d.text }), action ? el('div', { class: 'duty-action' }, action) : null);
          })));
      })));
    }

    const milestones = p.milestones || [];
    if (milestones.length) {
      out.push(part('Sự kiện trong năm', table('Sự kiện', ['Sự kiện', 'Loại', 'Thời gian', 'Quy mô', 'Đơn vị'],
        milestones.map((m) => [m.title, MILESTONE_KINDS[m.kind] || m.kind || '',
          m.date ? (m.date.text || [m.date.day, m.date.month, m.date.year].filter(Boolean).map(pad2).join('/')) : '',
          m.scale || '', refName(m.unit)]))));
    }

    const duties = p.reportingDuties || [];
    if (duties.length) {
      out.push(part('Chế độ báo cáo', el('ul', { class: 'plain-list' }, ...duties.map((r) => el('li', {},
        el('span', { text: reportingText(r) }),
        r.reporter ? el('span', { class: 'muted small', text: 'Đơn vị báo cáo: ' + refName(r.reporter) }) : null,
        (r.chain || []).length ? el('span', { class: 'muted small', text: 'Trình tự: ' + r.chain.map(refName).join(' → ') }) : null)))));
    }
    if (p.budgetNote) out.push(part('Kinh phí', el('p', { text: p.budgetNote })));

    const sign = p.signatory;
    const foot = [];
    if ((p.recipients || []).length) foot.push(el('div', { class: 'doc-recipients' }, el('p', { class: 'doc-body-name', text: 'Nơi nhận:' }),
      textList(p.recipients.map((r) => '- ' + r), 'plain-list small-list')));
    if (sign && (sign.name || sign.position || (sign.mandates || []).length)) {
      foot.push(el('div', { class: 'doc-signature', 'data-part': 'signatory' },
        ...(sign.mandates || []).map((m) => el('p', { class: 'doc-body-name', text: m })),
        sign.position ? el('p', { class: 'doc-body-name', text: sign.position }) : null,
        el('p', { class: 'doc-signer', text: sign.name || '' })));
    }
    if (foot.length) out.push(el('div', { class: 'doc-footer' }, ...foot));
    out.push(part('Các lần ban hành', el('ol', { id: 'plan-revisions', class: 'plain-list' },
      el('li', { class: 'muted', text: doc.revision ? 'Đang tải…' : 'Chưa ban hành lần nào (dự thảo).' }))));

    $('plan-document').replaceChildren(...out);
    $('plan-document').dataset.planId = doc.id;
    $('plan-document').dataset.status = doc.status;
    renderPlanActions();
  }

  async function loadRevisions(id) {
    if (!state.plan || !state.plan.doc.revision) return;
    try {
      const list = await apiJson(`/api/plans/${encodeURIComponent(id)}/revisions`);
      if (!state.plan || state.plan.doc.id !== id || !$('plan-revisions')) return;
      $('plan-revisions').replaceChildren(...(list || []).map((r) => el('li', { 'data-revision': String(r.revision) },
        el('strong', { text: `Lần ${r.revision}: ${PLAN_STATUS_LABELS[r.status] || r.status}` }),
        ` — ${formatDateTime(r.at)}`, r.note ? ` — ${r.note}` : '')));
    } catch (e) {
      // the page stays usable without its history
    }
  }

  function formatDateTime(iso) {
    if (!iso) return '';
    const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString();
    return `${d.slice(11, 16)} ngày ${formatDate(d.slice(0, 10))}`;
  }

  function renderPlanActions() {
    const doc = state.plan.doc;
    const buttons = [];
    const button = (action, text, cls) => el('button', { type: 'button', class: cls || '', 'data-plan-action': action, text });
    if (doc.status === 'DRAFT') {
      buttons.push(button('edit', 'Sửa dự thảo', 'secondary'), button('issue', 'Ban hành'));
    } else if (doc.status === 'ISSUED' || doc.status === 'AMENDED') {
      buttons.push(button('amend', 'Sửa đổi kế hoạch', 'secondary'), button('close', 'Kết thúc kế hoạch', 'secondary'));
    }
    buttons.push(button('reload', 'Tải lại', 'secondary'));
    $('plan-actions').replaceChildren(...buttons);
  }

  async function planAction(action) {
    const box = $('plan-action-error');
    box.textContent = '';
    const current = state.plan;
    const id = current.doc.id;
    const reload = () => openPlan(id);
    if (action === 'reload') return reload();
    if (action === 'edit') return openPlanForm('edit', current);
    if (action === 'amend') return openPlanForm('amend', current);
    if (action === 'close' && !box.dataset.confirmClose) {
      box.dataset.confirmClose = '1';
      const confirm = el('button', { type: 'button', 'data-plan-action': 'close', text: 'Xác nhận kết thúc' });
      box.replaceChildren(el('span', { class: 'warning-text', text: 'Kết thúc kế hoạch: sau đó không thay đổi được nữa. ' }), confirm);
      confirm.focus();
      return undefined;
    }
    delete box.dataset.confirmClose;
    try {
      const { body, etag } = await apiCall(`/api/plans/${encodeURIComponent(id)}/${action}`, {
        method: 'POST', headers: { 'If-Match': current.etag }
      });
      state.plan = { doc: body, etag };
      renderPlan();
      loadRevisions(id);
      setPlansMessage(action === 'issue' ? 'Đã ban hành kế hoạch.' : 'Đã kết thúc kế hoạch.');
      refreshAll();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) showErrorIn(box, e, reload);
    }
    return undefined;
  }

  /** A lettered duty of "Tổ chức thực hiện" becomes a tracked task (POST …/duties/{dutyId}/task, If-Match). */
  async function dutyToTask(dutyId, button) {
    const box = $('plan-action-error');
    box.textContent = '';
    const id = state.plan.doc.id;
    button.disabled = true;
    try {
      const response = await api(`/api/plans/${encodeURIComponent(id)}/duties/${encodeURIComponent(dutyId)}/task`, {
        method: 'POST', headers: { 'If-Match': state.plan.etag }
      });
      const type = response.headers.get('Content-Type') || '';
      const body = type.includes('json') ? await response.json() : null;
      if (!response.ok) throw new ApiError(response.status, body);
      await openPlan(id, 'Đã chuyển nội dung thành nhiệm vụ theo dõi.');
      loadTasks();
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.status === 404) box.textContent = 'Máy chủ chưa hỗ trợ chuyển nội dung thành nhiệm vụ, hoặc nội dung không còn trong kế hoạch.';
      else if (!(e instanceof ApiError && e.status === 401)) showErrorIn(box, e, () => openPlan(id));
    }
  }

  // --- the form: create, edit a draft, amend

  function options(select, map, selected, empty) {
    const list = empty !== undefined ? [el('option', { value: '', text: empty })] : [];
    for (const [value, text] of Object.entries(map)) list.push(el('option', { value, text }));
    select.replaceChildren(...list);
    if (Array.isArray(selected)) {
      for (const option of select.options) option.selected = selected.includes(option.value);
    } else {
      select.value = selected === null || selected === undefined ? '' : selected;
      if (selected && select.value !== selected) {
        select.append(el('option', { value: selected, text: selected }));
        select.value = selected;
      }
    }
    return select;
  }

  function unitMap() {
    return Object.fromEntries(state.units.map((u) => [u.unitId, u.name || u.unitId]));
  }

  function labelled(labelText, input, cls) {
    const id = input.id || nextId('f');
    input.id = id;
    const error = el('p', { class: 'field-error', id: id + '-error' });
    return el('div', { class: 'field ' + (cls || '') }, el('label', { for: id, text: labelText }), input, error);
  }

  function openPlanForm(mode, current) {
    const base = current ? structuredClone(current.doc.plan) : {
      issuingUnitId: state.unitId, year: state.year, title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${state.year}`,
      targets: [], tasks: []
    };
    state.form = { mode, base, id: current ? current.doc.id : null, etag: current ? current.etag : null };
    $('plan-form-title').textContent = mode === 'create' ? 'Tạo kế hoạch mới'
      : (mode === 'edit' ? 'Sửa dự thảo kế hoạch' : 'Sửa đổi kế hoạch đã ban hành');
    $('pf-submit').textContent = mode === 'amend' ? 'Ban hành bản sửa đổi' : 'Lưu dự thảo';
    $('pf-note-field').hidden = mode !== 'amend';
    $('pf-note').value = '';
    options($('pf-issuingUnitId'), unitMap(), base.issuingUnitId);
    $('pf-issuingUnitId').disabled = mode === 'amend';
    for (const key of ['issuingBody', 'number', 'title', 'year', 'place', 'issuedOn', 'effectiveFrom']) {
      $('pf-' + key).value = base[key] === null || base[key] === undefined ? '' : String(base[key]);
    }
    $('pf-targets').replaceChildren(...(base.targets || []).map(targetRow));
    $('pf-tasks').replaceChildren(...(base.tasks || []).map(taskRow));
    if (mode === 'create') {
      $('pf-targets').append(targetRow(null));
      $('pf-tasks').append(taskRow(null));
    }
    clearFormErrors();
    renumberRows();
    setPlansMessage('');
    showPlansView('plan-form-view');
    $('pf-title').focus();
  }

  function targetRow(t) {
    const orig = t || {};
    const row = el('fieldset', { class: 'entry', 'data-entry': 'targets' });
    row._orig = t;
    const minimum = el('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', 'data-field': 'minimum' });
    minimum.value = orig.minimum ?? '';
    const description = el('input', { 'data-field': 'description', maxlength: '1000' });
    description.value = orig.description || '';
    const channels = options(el('select', { multiple: '', size: '4', 'data-field': 'channels' }), PLAN_CHANNELS, orig.channels || []);
    const kinds = options(el('select', { multiple: '', size: '4', 'data-field': 'kinds' }), KINDS, orig.kinds || []);
    const remove = el('button', { type: 'button', class: 'secondary small-button', 'data-remove-row': '', text: 'Xóa chỉ tiêu' });
    row.append(el('legend', { text: 'Chỉ tiêu' }),
      el('div', { class: 'grid' },
        labelled('Nội dung chỉ tiêu', description, 'wide'),
        labelled('Số lượng tối thiểu', minimum),
        labelled('Kỳ', options(el('select', { 'data-field': 'period' }), TARGET_PERIODS, orig.period || 'YEAR')),
        labelled('Phạm vi tính', options(el('select', { 'data-field': 'scope' }), TARGET_SCOPES, orig.scope || 'SUBTREE')),
        labelled('Kênh (không chọn: mọi kênh)', channels),
        labelled('Loại tin bài (không chọn: mọi loại)', kinds)),
      el('p', { class: 'field-error', 'data-row-error': '' }), remove);
    return row;
  }

  function timeValueInput(type, tf) {
    const input = el('input', { 'data-field': 'timeFrame.value' });
    const spec = { DATE: ['date', 'Ngày'], MONTH: ['number', 'Tháng (1–12)', 1, 12, 'month'], QUARTER: ['number', 'Quý (1–4)', 1, 4, 'quarter'],
      HALF_YEAR: ['number', 'Nửa năm (1 hoặc 2)', 1, 2, 'half'] }[type];
    if (!spec) return null;
    input.type = spec[0];
    if (spec[0] === 'number') {
      input.min = String(spec[2]);
      input.max = String(spec[3]);
    }
    const value = tf ? (type === 'DATE' ? tf.date : tf[spec[4]]) : null;
    input.value = value === null || value === undefined ? '' : String(value);
    return labelled(spec[1], input);
  }

  function taskRow(t) {
    const orig = t || {};
    const tf = orig.timeFrame || { type: 'ONGOING' };
    const row = el('fieldset', { class: 'entry', 'data-entry': 'tasks' });
    row._orig = t;
    const number = el('input', { 'data-field': 'number', maxlength: '20' });
    number.value = orig.number || '';
    const title = el('input', { 'data-field': 'title', maxlength: '2000' });
    title.value = orig.title || '';
    const lead = options(el('select', { 'data-field': 'leadUnitId' }), unitMap(), orig.leadUnitId || '',
      orig.lead && orig.lead.name ? orig.lead.name + ' (như văn bản)' : '— Đơn vị ban hành —');
    const type = options(el('select', { 'data-field': 'timeFrame.type' }), TIME_FRAME_TYPES, tf.type);
    const text = el('input', { 'data-field': 'timeFrame.text', maxlength: '200', placeholder: 'Tháng 4/2026' });
    text.value = tf.text || '';
    const products = el('input', { 'data-field': 'products', placeholder: 'Tin, bài; Ảnh' });
    products.value = (orig.products || []).join('; ');
    const valueSlot = el('div', { class: 'time-value' });
    const showValue = () => valueSlot.replaceChildren(...[timeValueInput(type.value, type.value === tf.type ? tf : null)].filter(Boolean));
    type.addEventListener('change', showValue);
    showValue();
    const remove = el('button', { type: 'button', class: 'secondary small-button', 'data-remove-row': '', text: 'Xóa nhiệm vụ' });
    row.append(el('legend', { text: 'Nhiệm vụ' }),
      el('div', { class: 'grid' },
        labelled('Số thứ tự', number),
        labelled('Nhiệm vụ', title, 'wide'),
        labelled('Đơn vị chủ trì', lead),
        labelled('Thời gian thực hiện', type),
        valueSlot,
        labelled('Thời gian ghi trong văn bản', text),
        labelled('Sản phẩm (cách nhau bởi dấu ;)', products)),
      el('p', { class: 'field-error', 'data-row-error': '' }), remove);
    return row;
  }

  function renumberRows() {
    for (const [container, word] of [['pf-targets', 'Chỉ tiêu'], ['pf-tasks', 'Nhiệm vụ']]) {
      [...$(container).children].forEach((row, i) => { row.querySelector('legend').textContent = `${word} ${i + 1}`; });
    }
  }

  const field = (row, name) => row.querySelector(`[data-field="${name}"]`);
  const blankToNull = (v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());

  function collectPlanForm() {
    const plan = structuredClone(state.form.base);
    const base = state.form.base;
    plan.issuingUnitId = $('pf-issuingUnitId').value;
    for (const key of ['issuingBody', 'number', 'title', 'place', 'issuedOn', 'effectiveFrom']) plan[key] = blankToNull($('pf-' + key).value);
    plan.year = $('pf-year').value ? Number($('pf-year').value) : null;
    if (plan.issuedOn !== (base.issuedOn || null)) plan.issuedDate = null; // the date as written follows the new date
    const targets = [];
    for (const row of $('pf-targets').children) {
      const description = blankToNull(field(row, 'description').value);
      const minimum = field(row, 'minimum').value;
      delete row.dataset.sentIndex;
      if (!row._orig && !description && !minimum) continue; // an untouched empty row
      row.dataset.sentIndex = String(targets.length);
      targets.push(Object.assign({}, row._orig || {}, {
        description, minimum: minimum === '' ? null : Number(minimum),
        period: field(row, 'period').value, scope: field(row, 'scope').value,
        channels: [...field(row, 'channels').selectedOptions].map((o) => o.value),
        kinds: [...field(row, 'kinds').selectedOptions].map((o) => o.value)
      }));
    }
    plan.targets = targets;
    const tasks = [];
    for (const row of $('pf-tasks').children) {
      const title = blankToNull(field(row, 'title').value);
      const number = blankToNull(field(row, 'number').value);
      delete row.dataset.sentIndex;
      if (!row._orig && !title && !number) continue;
      row.dataset.sentIndex = String(tasks.length);
      const orig = row._orig || {};
      const origTf = orig.timeFrame || {};
      const type = field(row, 'timeFrame.type').value;
      const valueInput = field(row, 'timeFrame.value');
      const value = valueInput ? valueInput.value : '';
      const tf = { type, year: type === origTf.type ? origTf.year ?? null : null };
      if (type === 'DATE') tf.date = value || null;
      if (type === 'MONTH') tf.month = value === '' ? null : Number(value);
      if (type === 'QUARTER') tf.quarter = value === '' ? null : Number(value);
      if (type === 'HALF_YEAR') tf.half = value === '' ? null : Number(value);
      if (type === 'RANGE' || type === 'RECURRING') Object.assign(tf, origTf, { type });
      let text = blankToNull(field(row, 'timeFrame.text').value);
      const sameTime = type === origTf.type && (tf.date ?? null) === (origTf.date ?? null) && (tf.month ?? null) === (origTf.month ?? null)
        && (tf.quarter ?? null) === (origTf.quarter ?? null) && (tf.half ?? null) === (origTf.half ?? null);
      if (!sameTime && text === (origTf.text || null)) text = null; // the service writes the wording of the new time
      tf.text = text;
      const lead = field(row, 'leadUnitId').value || null;
      tasks.push(Object.assign({}, orig, {
        number, title, leadUnitId: lead, timeFrame: tf,
        lead: lead && orig.lead && orig.lead.unitId !== lead ? null : (orig.lead || null),
        products: field(row, 'products').value.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)
      }));
    }
    plan.tasks = tasks;
    return plan;
  }

  function clearFormErrors() {
    for (const box of document.querySelectorAll('#plan-form .field-error')) box.textContent = '';
    for (const input of document.querySelectorAll('#plan-form [aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  /** Puts a field error of the plan API ("targets[0].minimum", "tasks[2].timeFrame.month", "number") next to its input. */
  function showPlanFormError(path, message) {
    let input = null;
    let box = null;
    const m = /^(targets|tasks)\[(\d+)\]\.?(.*)$/.exec(path);
    if (m) {
      const row = document.querySelector(`#pf-${m[1]} > [data-sent-index="${m[2]}"]`);
      if (row) {
        let name = m[3].replace(/\[\d+\].*$/, '');
        if (/^timeFrame\.(date|month|quarter|half)$/.test(name)) name = 'timeFrame.value';
        input = name ? field(row, name) : null;
        box = input ? input.parentElement.querySelector('.field-error') : row.querySelector('[data-row-error]');
      }
    } else {
      const key = path.split(/[.[]/)[0];
      input = document.querySelector(`#plan-form [data-path="${CSS.escape(key)}"]`);
      if (key === 'issuedDate') input = $('pf-issuedOn');
      box = input ? input.parentElement.querySelector('.field-error') : null;
    }
    if (!box) {
      box = $('pf-form-error');
      message = `${fieldLabel(path)}: ${message}`;
    }
    box.textContent = box.textContent ? box.textContent + ' ' + message : message;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', box.id || '');
    }
    return input;
  }

  function ruleMessage(error) {
    return PLAN_RULE_MESSAGES[error.rule] || error.message || 'Giá trị không hợp lệ.';
  }

  async function submitPlanForm(event) {
    event.preventDefault();
    clearFormErrors();
    const form = state.form;
    const plan = collectPlanForm();
    const button = $('pf-submit');
    button.disabled = true;
    try {
      let result;
      if (form.mode === 'create') {
        result = await apiCall('/api/plans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(plan) });
      } else if (form.mode === 'edit') {
        result = await apiCall('/api/plans/' + encodeURIComponent(form.id), {
          method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': form.etag }, body: JSON.stringify(plan)
        });
      } else {
        result = await apiCall(`/api/plans/${encodeURIComponent(form.id)}/amendments`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': form.etag },
          body: JSON.stringify({ plan, note: blankToNull($('pf-note').value) })
        });
      }
      state.form = null;
      state.plan = { doc: result.body, etag: result.etag };
      showPlansView('plan-view');
      renderPlan();
      loadRevisions(result.body.id);
      setPlansMessage(form.mode === 'amend' ? `Đã ban hành bản sửa đổi (lần ${result.body.revision}).` : 'Đã lưu dự thảo.');
      if (form.mode === 'amend') refreshAll();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      const errors = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
      if (e instanceof ApiError && e.status === 400 && errors.length) {
        $('pf-form-error').textContent = 'Dữ liệu chưa hợp lệ, xem các lỗi được đánh dấu.';
        let first = null;
        for (const error of errors) first = showPlanFormError(error.field || '', ruleMessage(error)) || first;
        if (first) first.focus();
      } else {
        showErrorIn($('pf-form-error'), e, form.id ? () => openPlan(form.id) : null);
      }
    } finally {
      button.disabled = false;
    }
  }

  // --- import: upload a document, review what was extracted next to its lines, save, issue

  function fieldLabel(path) {
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

  function pathTokens(path) {
    return (String(path).match(/[^.[\]]+/g) || []).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
  }

  function getPath(obj, path) {
    let cur = obj;
    for (const t of pathTokens(path)) {
      if (cur === null || cur === undefined) return undefined;
      cur = cur[t];
    }
    return cur;
  }

  function setPath(obj, path, value) {
    const tokens = pathTokens(path);
    let cur = obj;
    tokens.forEach((t, i) => {
      if (i === tokens.length - 1) {
        cur[t] = value;
      } else {
        if (cur[t] === null || cur[t] === undefined) cur[t] = typeof tokens[i + 1] === 'number' ? [] : {};
        cur = cur[t];
      }
    });
  }

  function lineRange(from, to) {
    if (!from) return '';
    return to && to !== from ? `Dòng ${from}–${to}` : `Dòng ${from}`;
  }

  async function uploadImport(event) {
    event.preventDefault();
    const box = $('import-error');
    box.textContent = '';
    const file = $('import-file').files[0];
    if (!file) {
      box.textContent = 'Hãy chọn tệp văn bản kế hoạch (.docx, .pdf, .txt hoặc .md).';
      $('import-file').focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    if (state.unitId) body.append('unitId', state.unitId);
    const button = $('import-submit');
    button.disabled = true;
    setPlansMessage('Đang đọc văn bản ' + file.name + '…');
    try {
      const { body: imported } = await apiCall('/api/plans/imports', { method: 'POST', body });
      const { body: doc, etag } = await apiCall('/api/plans/' + encodeURIComponent(imported.planId));
      $('import-file').value = '';
      setPlansMessage('');
      showReview(imported, doc, etag);
    } catch (e) {
      setPlansMessage('');
      if (e instanceof ApiError && e.status === 401) return;
      const detail = e instanceof ApiError && e.problem && e.problem.detail ? ` (${e.problem.detail})` : '';
      box.textContent = !(e instanceof ApiError) ? describeError(e) : ({
        400: 'Tệp rỗng hoặc không đọc được nội dung.',
        413: 'Tệp quá lớn, hãy chọn tệp nhỏ hơn (tối đa 10 MB).',
        415: 'Chỉ nhận tệp .docx, .pdf (có lớp chữ), .txt hoặc .md.',
        422: 'Không nhận ra nội dung kế hoạch trong văn bản này.' + detail,
        403: 'Bạn không có quyền nhập kế hoạch cho đơn vị này.'
      }[e.status] || describeError(e));
    } finally {
      button.disabled = false;
    }
  }

  async function openImport(importId) {
    try {
      const imported = await apiJson('/api/plans/imports/' + encodeURIComponent(importId));
      const { body: doc, etag } = await apiCall('/api/plans/' + encodeURIComponent(imported.planId));
      showReview(imported, doc, etag);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setPlansMessage(describeError(e), true);
    }
  }

  function showReview(imported, doc, etag) {
    state.review = { imported, doc, etag };
    showPlansView('import-view');
    $('import-view').dataset.planId = doc.id;
    $('import-view').dataset.importId = imported.id || '';
    $('import-save-error').textContent = '';
    $('import-result').textContent = '';
    const fields = imported.fields || [];
    const warnings = imported.warnings || [];
    $('import-summary').textContent = `Tệp “${imported.fileName || ''}”${imported.format ? ' (' + String(imported.format).toUpperCase() + ')' : ''}: `
      + `${fields.length} trường được trích xuất, ${warnings.length} cảnh báo. Kế hoạch được lưu ở dạng dự thảo; `
      + 'hãy kiểm tra từng trường trước khi ban hành.';

    const lines = imported.lines || [];
    $('import-lines').replaceChildren(...lines.map((line, i) => {
      const number = line && typeof line === 'object' ? (line.number || i + 1) : i + 1;
      // a table row keeps its cells apart with tabs; paragraphs and bold runs of a cell come as <p>, <b>: shown as plain text
      const raw = line && typeof line === 'object' ? (line.text || '') : String(line ?? '');
      const text = raw.replace(/<\/p>\s*<p>/g, ' / ').replace(/<\/?(p|b|i|u)>/g, '');
      return el('li', { id: 'doc-line-' + number, value: String(number), 'data-line': String(number) },
        el('span', { class: 'line-text', text: text || '\u00a0' }));
    }));

    const byField = new Map();
    for (const f of fields) if (!byField.has(f.field)) byField.set(f.field, f);
    const entries = [];
    for (const key of REVIEW_CORE) entries.push(byField.get(key) || { field: key, value: getPath(doc.plan, key), confidence: null });
    for (const f of fields) if (!REVIEW_CORE.includes(f.field)) entries.push(f);
    $('import-fields').replaceChildren(...entries.map((f) => reviewItem(f, doc.plan)));

    $('import-warnings-block').hidden = warnings.length === 0;
    $('import-warnings').replaceChildren(...warnings.map((w) => el('li', {
      class: 'review-item warning', 'data-from': w.fromLine || '', 'data-to': w.toLine || w.fromLine || '', 'data-field': w.field || ''
    },
    el('div', { class: 'review-head' }, el('span', { class: 'badge status-at_risk', text: 'Cảnh báo' }),
      w.field ? el('span', { class: 'review-label', text: fieldLabel(w.field) }) : null,
      w.fromLine ? el('button', { type: 'button', class: 'link line-link', text: lineRange(w.fromLine, w.toLine) }) : null),
    el('p', { text: w.message || '' }),
    w.text ? el('blockquote', { text: w.text }) : null)));

    const units = imported.proposedUnits || [];
    $('import-units-block').hidden = units.length === 0;
    $('import-units').replaceChildren(...units.map((u) => el('li', { class: 'review-item' },
      el('strong', { text: u.name }),
      el('span', { class: 'muted small', text: [u.suggestedParentId ? 'Thuộc: ' + unitName(u.suggestedParentId) : '',
        u.suggestedUnitId ? 'Mã đề xuất: ' + u.suggestedUnitId : ''].filter(Boolean).join(' · ') }),
      (u.usedAt || []).length ? el('span', { class: 'muted small', text: 'Xuất hiện ở: ' + u.usedAt.map(fieldLabel).join('; ') }) : null)));

    $('import-issue').disabled = doc.status !== 'DRAFT';
    $('import-save').disabled = doc.status !== 'DRAFT';
    $('import-title').focus();
  }

  function confidenceBadge(confidence) {
    if (confidence === null || confidence === undefined) {
      return el('span', { class: 'badge conf-none', text: 'Chưa trích xuất được' });
    }
    const pct = Math.round(Number(confidence) * 100);
    const level = confidence >= 0.8 ? 'high' : (confidence >= LOW_CONFIDENCE ? 'medium' : 'low');
    return el('span', { class: `badge conf-${level}`, text: `Độ tin cậy ${pct}%` });
  }

  function reviewItem(f, plan) {
    const current = getPath(plan, f.field);
    const value = current === undefined ? f.value : current;
    const low = f.confidence !== null && f.confidence !== undefined && f.confidence < LOW_CONFIDENCE;
    const item = el('li', {
      class: 'review-item' + (low ? ' low' : '') + (f.confidence === null || f.confidence === undefined ? ' missing' : ''),
      'data-field': f.field, 'data-from': f.fromLine || '', 'data-to': f.toLine || f.fromLine || ''
    });
    const labelId = nextId('rv-label');
    item.append(el('div', { class: 'review-head' },
      el('span', { class: 'review-label', id: labelId, text: fieldLabel(f.field) }),
      confidenceBadge(f.confidence),
      low ? el('span', { class: 'low-note', text: 'Cần kiểm tra' }) : null,
      f.fromLine ? el('button', { type: 'button', class: 'link line-link', 'aria-label': `Xem ${lineRange(f.fromLine, f.toLine).toLowerCase()} của văn bản`, text: lineRange(f.fromLine, f.toLine) }) : null));
    item.append(el('div', { class: 'review-editors', role: 'group', 'aria-labelledby': labelId }, ...editorsFor(f.field, value, 0, true)));
    item.append(el('p', { class: 'field-error', id: nextId('rv-error') }));
    return item;
  }

  const DATE_KEYS = ['issuedOn', 'effectiveFrom', 'date', 'deadline'];
  const NUMBER_KEYS = ['minimum', 'year', 'month', 'day', 'quarter', 'half', 'fromMonth', 'toMonth'];

  function enumFor(path) {
    const tokens = pathTokens(path).filter((t) => typeof t === 'string');
    const key = tokens[tokens.length - 1];
    const top = tokens[0];
    if (key === 'channels' || key === 'channel') return PLAN_CHANNELS;
    if (key === 'kinds' || (key === 'kind' && top === 'scheduledItems')) return KINDS;
    if (key === 'kind' && top === 'legalBases') return LEGAL_KINDS;
    if (key === 'kind' && top === 'milestones') return MILESTONE_KINDS;
    if (key === 'period' && top === 'targets') return TARGET_PERIODS;
    if (key === 'period' || key === 'periods') return REPORT_PERIOD_LABELS;
    if (key === 'scope') return TARGET_SCOPES;
    if (key === 'type' && tokens.some((t) => /timeFrame$/i.test(t))) return TIME_FRAME_TYPES;
    if (key === 'recurrence') return RECURRENCES;
    return null;
  }

  function summarize(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(summarize).filter(Boolean).join('; ');
    if (typeof value === 'object') {
      if (value.text) return value.text;
      if (value.name) return value.name;
      if (value.unitId) return unitName(value.unitId);
      return Object.entries(value).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && !v.length))
        .map(([k, v]) => `${SUB_LABELS[k] || k}: ${summarize(v)}`).join(', ');
    }
    if (typeof value === 'boolean') return value ? 'có' : 'không';
    return String(value);
  }

  /** Inputs for one extracted value: scalars and lists of words are editable; deeper structures are shown as text. */
  function editorsFor(path, value, depth, top) {
    const key = pathTokens(path).filter((t) => typeof t === 'string').pop();
    const label = top ? 'Giá trị' : (SUB_LABELS[key] || key);
    const enumMap = enumFor(path);
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) {
        if (enumMap) {
          const select = options(el('select', { multiple: '', size: '4', 'data-path': path, 'data-kind': 'enums' }), enumMap, value);
          return [labelled(label, select)];
        }
        const area = el('textarea', { rows: String(Math.min(8, Math.max(2, value.length))), 'data-path': path, 'data-kind': 'lines' });
        area.value = value.join('\n');
        return [labelled(label + ' (mỗi dòng một mục)', area)];
      }
      return [el('p', { class: 'review-summary', text: summarize(value) || '(trống)' }),
        el('p', { class: 'muted small', text: 'Sửa chi tiết trên trang kế hoạch sau khi lưu.' })];
    }
    if (value && typeof value === 'object') {
      if (depth >= 1) return [el('p', { class: 'review-summary' }, el('span', { class: 'review-sub', text: label + ': ' }), summarize(value) || '(trống)')];
      const out = [];
      for (const [k, v] of Object.entries(value)) {
        if (k === 'id') continue;
        out.push(...editorsFor(`${path}.${k}`, v, depth + 1, false));
      }
      return [el('div', { class: 'grid sub-editors' }, ...out)];
    }
    let input;
    if (enumMap) {
      input = options(el('select', { 'data-kind': 'enum' }), enumMap, value, '—');
    } else if (typeof value === 'boolean') {
      input = el('input', { type: 'checkbox', 'data-kind': 'bool', 'data-path': path, id: nextId('rv') });
      input.checked = value;
      return [el('div', { class: 'field check' }, input, el('label', { for: input.id, text: label }))];
    } else if (typeof value === 'number' || NUMBER_KEYS.includes(key)) {
      input = el('input', { type: 'number', 'data-kind': 'number' });
      input.value = value ?? '';
    } else if (DATE_KEYS.includes(key) && (value === null || value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value))) {
      input = el('input', { type: 'date', 'data-kind': 'date' });
      input.value = value || '';
    } else if (typeof value === 'string' && value.length > 90) {
      input = el('textarea', { rows: '3', 'data-kind': 'text' });
      input.value = value;
    } else {
      input = el('input', { 'data-kind': 'text' });
      input.value = value ?? '';
    }
    input.setAttribute('data-path', path);
    input.id = nextId('rv');
    return [labelled(label, input)];
  }

  function editorValue(input) {
    switch (input.dataset.kind) {
      case 'number': return input.value === '' ? null : Number(input.value);
      case 'bool': return input.checked;
      case 'enums': return [...input.selectedOptions].map((o) => o.value);
      case 'lines': return input.value.split('\n').map((s) => s.trim()).filter(Boolean);
      case 'date': case 'enum': default: return blankToNull(input.value);
    }
  }

  function highlightLines(from, to) {
    const list = $('import-lines');
    const first = Number(from);
    if (!first) return; // a field without source lines leaves the last highlight as it is
    for (const line of list.querySelectorAll('.hl')) line.classList.remove('hl');
    const last = Number(to) || first;
    for (let n = first; n <= last; n++) {
      const line = $('doc-line-' + n);
      if (line) line.classList.add('hl');
    }
    const target = $('doc-line-' + first);
    if (target) {
      list.scrollTop = Math.max(0, target.offsetTop - list.clientHeight / 4);
      $('import-lines-title').textContent = `Văn bản gốc — ${lineRange(first, last).toLowerCase()}`;
    }
  }

  function activateItem(item) {
    for (const other of document.querySelectorAll('#import-view .review-item.active')) other.classList.remove('active');
    item.classList.add('active');
    highlightLines(item.dataset.from, item.dataset.to);
  }

  /** The draft's content with the changes made on the review screen. */
  function reviewedContent() {
    const plan = structuredClone(state.review.doc.plan);
    const changed = [...document.querySelectorAll('#import-fields [data-path][data-changed]')];
    const paths = changed.map((i) => i.dataset.path);
    for (const input of changed) setPath(plan, input.dataset.path, editorValue(input));
    const touched = (prefix) => paths.some((p) => p === prefix || p.startsWith(prefix + '.'));
    // a date written differently: the full date and the wording follow the parts that were corrected
    if (touched('issuedDate') && !touched('issuedOn')) {
      plan.issuedOn = null;
      if (!paths.includes('issuedDate.text') && plan.issuedDate) plan.issuedDate.text = null;
    }
    if (touched('issuedOn') && !touched('issuedDate')) plan.issuedDate = null;
    for (const p of paths) {
      const m = /^(.*timeFrame)\.(?!text$)[^.]+$/i.exec(p);
      if (m && !paths.includes(m[1] + '.text')) setPath(plan, m[1] + '.text', null);
    }
    return plan;
  }

  function clearReviewErrors() {
    $('import-save-error').textContent = '';
    for (const box of document.querySelectorAll('#import-fields .field-error')) box.textContent = '';
    for (const item of document.querySelectorAll('#import-fields .review-item.invalid')) item.classList.remove('invalid');
    for (const input of document.querySelectorAll('#import-fields [aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  function showReviewFieldError(path, message) {
    const items = [...document.querySelectorAll('#import-fields .review-item')];
    let best = null;
    for (const item of items) {
      const f = item.dataset.field;
      if ((path === f || path.startsWith(f + '.') || path.startsWith(f + '[')) && (!best || f.length > best.dataset.field.length)) best = item;
    }
    if (!best) {
      const box = $('import-save-error');
      box.append(el('span', { class: 'block', text: `${fieldLabel(path)}: ${message}` }));
      return null;
    }
    best.classList.add('invalid');
    const box = best.querySelector(':scope > .field-error');
    box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
    const input = best.querySelector(`[data-path="${CSS.escape(path)}"]`) || best.querySelector('[data-path]');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', box.id);
    }
    return input;
  }

  /** PUT the reviewed draft with If-Match; true when saved. */
  async function saveReview() {
    clearReviewErrors();
    $('import-result').textContent = '';
    const review = state.review;
    const id = review.doc.id;
    try {
      const { body, etag } = await apiCall('/api/plans/' + encodeURIComponent(id), {
        method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': review.etag }, body: JSON.stringify(reviewedContent())
      });
      review.doc = body;
      review.etag = etag;
      for (const input of document.querySelectorAll('#import-fields [data-changed]')) delete input.dataset.changed;
      $('import-result').textContent = 'Đã lưu dự thảo.';
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return false;
      const errors = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
      if (e instanceof ApiError && e.status === 400 && errors.length) {
        $('import-save-error').replaceChildren(el('span', { class: 'block', text: 'Dự thảo chưa lưu được: dữ liệu chưa hợp lệ.' }));
        let first = null;
        for (const error of errors) first = showReviewFieldError(error.field || '', ruleMessage(error)) || first;
        if (first) first.focus();
      } else {
        showErrorIn($('import-save-error'), e, () => openImport(review.imported.id));
      }
      return false;
    }
  }

  async function issueReview() {
    const review = state.review;
    const button = $('import-issue');
    button.disabled = true;
    try {
      if (document.querySelector('#import-fields [data-changed]') && !(await saveReview())) return;
      clearReviewErrors();
      const { body, etag } = await apiCall(`/api/plans/${encodeURIComponent(review.doc.id)}/issue`, {
        method: 'POST', headers: { 'If-Match': review.etag }
      });
      state.review = null;
      state.plan = { doc: body, etag };
      showPlansView('plan-view');
      renderPlan();
      loadRevisions(body.id);
      setPlansMessage('Đã ban hành kế hoạch.');
      refreshAll();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      const errors = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
      if (e instanceof ApiError && e.status === 400 && errors.length) {
        $('import-save-error').replaceChildren(el('span', { class: 'block', text: 'Chưa ban hành được: kế hoạch còn chỗ chưa hợp lệ.' }));
        for (const error of errors) showReviewFieldError(error.field || '', ruleMessage(error));
      } else {
        showErrorIn($('import-save-error'), e, () => openImport(review.imported.id));
      }
    } finally {
      button.disabled = false;
    }
  }

  function wirePlans() {
    for (const button of document.querySelectorAll('.back-to-plans')) button.addEventListener('click', () => showPlansList());
    $('plan-new-button').addEventListener('click', () => openPlanForm('create', null));
    $('plans-table').addEventListener('click', (e) => {
      const button = e.target.closest('[data-open-plan]');
      if (button) openPlan(button.dataset.openPlan);
    });
    $('plan-actions').addEventListener('click', (e) => {
      const button = e.target.closest('[data-plan-action]');
      if (button) planAction(button.dataset.planAction);
    });
    $('plan-action-error').addEventListener('click', (e) => {
      const button = e.target.closest('[data-plan-action]');
      if (button) planAction(button.dataset.planAction);
    });
    $('plan-document').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-duty-id]');
      if (button) dutyToTask(button.dataset.dutyId, button);
    });
    $('plan-form').addEventListener('submit', submitPlanForm);
    $('pf-add-target').addEventListener('click', () => {
      const row = targetRow(null);
      $('pf-targets').append(row);
      renumberRows();
      field(row, 'description').focus();
    });
    $('pf-add-task').addEventListener('click', () => {
      const row = taskRow(null);
      $('pf-tasks').append(row);
      renumberRows();
      field(row, 'number').focus();
    });
    $('plan-form').addEventListener('click', (e) => {
      const remove = e.target.closest('[data-remove-row]');
      if (!remove) return;
      const row = remove.closest('.entry');
      const container = row.parentElement;
      row.remove();
      renumberRows();
      (container.parentElement.querySelector('button.secondary') || $('pf-submit')).focus();
    });
    $('import-form').addEventListener('submit', uploadImport);
    $('import-fields').addEventListener('input', (e) => {
      if (e.target.dataset.path) {
        e.target.dataset.changed = '1';
        $('import-result').textContent = '';
      }
    });
    $('import-fields').addEventListener('change', (e) => {
      if (e.target.dataset.path) e.target.dataset.changed = '1';
    });
    for (const list of ['import-fields', 'import-warnings']) {
      $(list).addEventListener('click', (e) => {
        const item = e.target.closest('.review-item');
        if (item) activateItem(item);
      });
      $(list).addEventListener('focusin', (e) => {
        const item = e.target.closest('.review-item');
        if (item && !item.classList.contains('active')) activateItem(item);
      });
    }
    $('import-save').addEventListener('click', async () => {
      $('import-save').disabled = true;
      try {
        await saveReview();
      } finally {
        $('import-save').disabled = false;
      }
    });
    $('import-issue').addEventListener('click', issueReview);
    $('import-open').addEventListener('click', () => openPlan(state.review.doc.id));
  }

  // ---------- start

  function wire() {
    $('login-button').addEventListener('click', () => login().catch(() => setMessage('Trình duyệt không hỗ trợ đăng nhập an toàn (PKCE).', true)));
    $('logout-button').addEventListener('click', logout);
    $('unit-select').addEventListener('change', (e) => selectUnit(e.target.value));
    $('year-select').addEventListener('change', (e) => setYear(Number(e.target.value), true));
    window.addEventListener('hashchange', () => {
      const y = yearFromHash();
      if (validYear(y) && y !== state.year) setYear(y, true);
    });
    wirePlans();
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
    state.year = initialYear();
    if (validYear(yearFromHash())) localStorage.setItem(YEAR_KEY, String(state.year));
    fillYears();
    showYear();
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
