// CCHC web UI: native ES modules, no framework, no build step. This module starts the page: sign-in state, the tabs,
// the unit and year pickers and the live stream; each tab's content is a page module of js/pages/ (see docs/ui.md).

import { apiJson, describeError, isUnauthorized, whenUnauthorized } from './core/api.js';
import { CALLBACK_PATH, decodeJwt, forgetToken, handleCallback, keepFresh, loadToken, login, logout, refresh } from './core/auth.js';
import { ctx, unitOptions } from './core/context.js';
import { $, el, setMessage } from './core/dom.js';
import { currentYear } from './core/format.js';
import { startStream, stopStream } from './core/live.js';
import { selectTab, tabNames, wireTabs } from './core/tabs.js';
import dashboard from './pages/dashboard.js';
import feeds from './pages/feeds.js';
import planForm from './pages/plan-form.js';
import planImport from './pages/plan-import.js';
import plans from './pages/plans.js';
import publicationDetail from './pages/publication-detail.js';
import publicationForm from './pages/publication-form.js';
import publicationImport from './pages/publication-import.js';
import publications from './pages/publications.js';
import reports from './pages/reports.js';
import tasks from './pages/tasks.js';

/** Every page module; each hook is optional (see docs/ui.md, "How to add a page"). */
const PAGES = [dashboard, plans, planForm, planImport, publicationForm, publications, publicationDetail, publicationImport, feeds,
  tasks, reports];
const YEAR_KEY = 'cchc.year';

/** Calls {@code hook} of every page that has it (only those of {@code tab} when given). */
function notify(hook, tab) {
  for (const page of PAGES) {
    if (typeof page[hook] === 'function' && (!tab || page.tab === tab)) page[hook](ctx);
  }
}

// ---------- sign-in state

function showLogin(message) {
  $('main-view').hidden = true;
  $('user-box').hidden = true;
  $('login-view').hidden = false;
  setMessage(message || '', Boolean(message));
}

function sessionExpired() {
  stopStream();
  forgetToken();
  ctx.token = null;
  showLogin('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
}

async function showMain() {
  ctx.claims = decodeJwt(ctx.token) || {};
  $('login-view').hidden = true;
  $('user-box').hidden = false;
  $('user-name').textContent = ctx.claims.name || ctx.claims.preferred_username || ctx.claims.sub || '';
  $('main-view').hidden = false;
  setMessage('Đang tải danh sách đơn vị…');
  await loadUnits();
  setMessage('');
  notify('signedIn');
  // a tab the user's role cannot use is hidden by its page; one opened from the address falls back to the dashboard
  if (!tabNames($('tablist')).includes(ctx.tab)) switchTab('dashboard', false);
  selectUnit(ctx.units.length ? ctx.units[0].unitId : null);
  // a tab opened from the address (#tab=…): dashboard and tasks loaded with the unit already
  if (ctx.unitId && ctx.tab !== 'dashboard') notify('show', ctx.tab);
}

/** The units within the token's scopes, for the unit picker (indented by depth). */
async function loadUnits() {
  const scopes = Array.isArray(ctx.claims.units) ? ctx.claims.units : [];
  const byId = new Map();
  for (const scope of scopes) {
    try {
      const page = await apiJson('/api/units?within=' + encodeURIComponent(scope) + '&status=ACTIVE&page=0&size=500');
      const items = Array.isArray(page) ? page : (page && (page.items || page.content)) || [];
      for (const unit of items) byId.set(unit.unitId, unit);
    } catch (e) {
      if (isUnauthorized(e)) throw e;
    }
    if (!byId.has(scope)) byId.set(scope, { unitId: scope, name: scope });
  }
  ctx.units = [...byId.values()].sort((a, b) => a.unitId.localeCompare(b.unitId));
  $('unit-select').replaceChildren(...unitOptions());
}

// ---------- the unit: every page follows it; the live stream is the unit's

function selectUnit(unitId) {
  ctx.unitId = unitId;
  if (!unitId) {
    setMessage('Tài khoản chưa được gán đơn vị nào.', true);
    return;
  }
  $('unit-select').value = unitId;
  notify('unitChanged');
  startStream(unitId, onServerEvent);
}

let refreshTimer = null;

function onServerEvent(event) {
  if (event.name === 'hello') return;
  // any change may move a count or a status: reload the unit's figures, at most every half second
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshFigures, 500);
}

function refreshFigures() {
  if (ctx.unitId) notify('refresh');
}

// ---------- tabs: a tablist (core/tabs.js); the selected tab is kept in the address (#tab=plans&year=2026)

function switchTab(tab, remember) {
  if (!tabNames($('tablist')).includes(tab)) return;
  ctx.tab = tab;
  selectTab($('tablist'), tab);
  if (remember) writeHash('tab', tab);
  if (ctx.unitId) notify('show', tab);
}

function hashParams() {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

/** Sets one parameter of the address's hash without a new history entry. */
function writeHash(name, value) {
  const params = hashParams();
  params.set(name, value);
  window.history.replaceState(null, '', '#' + params.toString());
}

// ---------- the year: chosen once for the whole UI (dashboard, plans, tasks, reports), kept in the URL and the browser

function validYear(y) {
  return Number.isInteger(y) && y >= 2000 && y <= 2100;
}

function yearFromHash() {
  return Number(hashParams().get('year'));
}

function initialYear() {
  const fromHash = yearFromHash();
  if (validYear(fromHash)) return fromHash;
  const saved = Number(localStorage.getItem(YEAR_KEY));
  return validYear(saved) ? saved : currentYear();
}

function fillYears() {
  const now = currentYear();
  const first = Math.min(now - 3, ctx.year);
  const last = Math.max(now + 1, ctx.year);
  const list = [];
  for (let y = last; y >= first; y--) list.push(el('option', { value: String(y), text: String(y) }));
  $('year-select').replaceChildren(...list);
  $('year-select').value = String(ctx.year);
}

function showYear() {
  for (const label of document.querySelectorAll('.year-label')) label.textContent = String(ctx.year);
}

/** Changes the year everywhere; {@code remember} writes it to the URL (#year=…) and the browser's storage. */
function setYear(year, remember) {
  if (!validYear(year)) return;
  const changed = year !== ctx.year;
  ctx.year = year;
  if (remember) {
    localStorage.setItem(YEAR_KEY, String(year));
    writeHash('year', String(year));
  }
  if ($('year-select').value !== String(year)) fillYears();
  showYear();
  if (!changed || !ctx.unitId) return;
  notify('unitChanged');
}

// ---------- start

function wire() {
  $('login-button').addEventListener('click', () => login().catch(() => setMessage('Trình duyệt không hỗ trợ đăng nhập an toàn (PKCE).', true)));
  $('logout-button').addEventListener('click', () => {
    stopStream();
    ctx.token = null;
    logout();
  });
  $('unit-select').addEventListener('change', (e) => selectUnit(e.target.value));
  $('year-select').addEventListener('change', (e) => setYear(Number(e.target.value), true));
  window.addEventListener('hashchange', () => {
    const y = yearFromHash();
    if (validYear(y) && y !== ctx.year) setYear(y, true);
    const tab = hashParams().get('tab');
    if (tab && tab !== ctx.tab) switchTab(tab, false);
  });
  wireTabs($('tablist'), (tab) => switchTab(tab, true));
}

async function start() {
  ctx.refreshFigures = refreshFigures;
  // a drill-down (province overview → commune page) selects one of the user's units, as the picker does
  ctx.selectUnit = (unitId) => {
    if (ctx.units.some((u) => u.unitId === unitId)) selectUnit(unitId);
  };
  whenUnauthorized(sessionExpired);
  ctx.year = initialYear();
  if (validYear(yearFromHash())) localStorage.setItem(YEAR_KEY, String(ctx.year));
  fillYears();
  showYear();
  wire();
  notify('init');
  switchTab(hashParams().get('tab') || 'dashboard', false);
  try {
    if (window.location.pathname === CALLBACK_PATH) {
      setMessage('Đang hoàn tất đăng nhập…');
      await handleCallback();
    }
  } catch (e) {
    showLogin(e.message);
    return;
  }
  // a reload within the refresh token's life keeps the session, even when the access token itself has run out
  ctx.token = loadToken() || await refresh();
  if (!ctx.token) {
    showLogin();
    return;
  }
  keepFresh((token) => { ctx.token = token; });
  try {
    await showMain();
  } catch (e) {
    if (!isUnauthorized(e)) setMessage(describeError(e), true);
  }
}

// a module script runs after the document is parsed (like defer)
start();
