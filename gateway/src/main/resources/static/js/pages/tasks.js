// Nhiệm vụ: the unit's tasks of the selected year (overdue first, then by due date), a status filter, the task page
// (task-detail.js) and the calendar: the token-protected .ics download and the user's calendar subscriptions
// (secret addresses that calendar apps poll without a token; the key is shown once, at creation).

import { api, ApiError, apiJson, describeError, isUnauthorized } from '../core/api.js';
import { ctx, unitName } from '../core/context.js';
import { $, el, setMessage } from '../core/dom.js';
import { formatDate, formatDateTime } from '../core/format.js';
import { TASK_STATUS_LABELS } from '../core/labels.js';
import { canWriteAny, closeTask, openTask } from './task-detail.js';

let allTasks = [];

export default {
  tab: 'tasks',
  init() {
    const filter = $('tasks-status-filter');
    filter.replaceChildren(el('option', { value: '', text: 'Tất cả trạng thái' }),
      ...Object.entries(TASK_STATUS_LABELS).map(([value, text]) => el('option', { value, text })));
    filter.addEventListener('change', render);
    $('task-calendar-download').addEventListener('click', downloadCalendar);
    $('task-calendar-create').addEventListener('click', createSubscription);
    $('task-calendar-copy').addEventListener('click', copyAddress);
  },
  signedIn(c) {
    // a subscription is created with a POST: a writing role (viewers download the file instead)
    $('task-calendar-create').hidden = !canWriteAny();
  },
  show: (c) => { closeTask(); load(c); loadSubscriptions(); },
  unitChanged: (c) => { closeTask(); $('task-calendar-new').hidden = true; load(c); },
  refresh: (c) => { if ($('task-detail').hidden) load(c); }
};

async function load(c) {
  const unitId = c.unitId;
  try {
    const tasks = await apiJson('/api/tasks?unit=' + encodeURIComponent(unitId));
    if (unitId !== c.unitId) return;
    const year = c.year;
    allTasks = (Array.isArray(tasks) ? tasks : (tasks && tasks.items) || []).filter((t) => taskInYear(t, year));
    allTasks.sort(byUrgency);
    render();
  } catch (e) {
    if (unitId === c.unitId && !isUnauthorized(e)) setMessage(describeError(e), true);
  }
}

/** Overdue first, then by due date (air time for programmes); tasks without a due date last. */
function byUrgency(a, b) {
  const overdue = Number(b.status === 'OVERDUE') - Number(a.status === 'OVERDUE');
  if (overdue) return overdue;
  const due = String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999'));
  if (due) return due;
  const start = String((a.window && a.window.start) || '').localeCompare(String((b.window && b.window.start) || ''));
  return start || String(a.title).localeCompare(String(b.title), 'vi');
}

function render() {
  const status = $('tasks-status-filter').value;
  const list = status ? allTasks.filter((t) => t.status === status) : allTasks;
  $('tasks-table').tBodies[0].replaceChildren(...list.map((t) => el('tr', { 'data-task-id': t.id, 'data-plan-id': t.planId },
    el('td', { 'data-label': 'Nhiệm vụ' },
      el('button', { type: 'button', class: 'link task-open', 'data-task-id': t.id, text: t.title,
        'aria-label': 'Xem nhiệm vụ: ' + t.title })),
    el('td', { 'data-label': 'Thời hạn', text: dueText(t) }),
    el('td', { 'data-label': 'Trạng thái' },
      el('span', { class: `badge task-${String(t.status || '').toLowerCase()}`, text: TASK_STATUS_LABELS[t.status] || t.status })),
    el('td', { 'data-label': 'Tài liệu kiểm chứng', class: 'count', text: String((t.evidence || []).length) }))));
  for (const button of $('tasks-table').querySelectorAll('button.task-open')) {
    button.addEventListener('click', () => openTask(ctx, button.dataset.taskId, () => load(ctx)));
  }
  $('tasks-empty').hidden = list.length > 0;
  $('tasks-empty').textContent = allTasks.length ? 'Không có nhiệm vụ nào ở trạng thái này.' : 'Chưa có nhiệm vụ nào.';
  $('tasks-count').textContent = status
    ? `${list.length} / ${allTasks.length} nhiệm vụ`
    : `${allTasks.length} nhiệm vụ, ${allTasks.filter((t) => t.status === 'OVERDUE').length} quá hạn`;
}

function dueText(t) {
  if (t.dueDate) return formatDate(t.dueDate);
  return (t.timeFrame && t.timeFrame.text) || 'Chưa xác định';
}

/** A task belongs to the selected year unless its due date or time frame says another year. */
function taskInYear(t, year) {
  if (t.dueDate) return Number(String(t.dueDate).slice(0, 4)) === year;
  const tf = t.timeFrame || {};
  if (tf.year) return Number(tf.year) === year;
  if (tf.date) return Number(String(tf.date).slice(0, 4)) === year;
  return true;
}

// ---------- calendar: download with the token, or subscribe by a secret address

function calendarMessage(text, isError) {
  const box = $('task-calendar-message');
  box.textContent = text || '';
  box.classList.toggle('error', Boolean(isError));
}

async function downloadCalendar() {
  const unitId = ctx.unitId;
  calendarMessage('');
  try {
    const response = await api('/api/tasks/calendar/' + encodeURIComponent(unitId) + '.ics', { headers: { Accept: 'text/calendar' } });
    if (!response.ok) throw new ApiError(response.status, null);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: 'nhiem-vu-' + unitId + '.ics' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    if (!isUnauthorized(e)) calendarMessage(describeError(e), true);
  }
}

async function createSubscription() {
  const unitId = ctx.unitId;
  const button = $('task-calendar-create');
  button.disabled = true;
  calendarMessage('');
  try {
    const created = await apiJson('/api/tasks/calendar/feeds', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ unitId })
    });
    $('task-calendar-url').value = window.location.origin + created.feedPath;
    $('task-calendar-new').hidden = false;
    calendarMessage(`Đã tạo địa chỉ đăng ký lịch cho ${unitName(unitId)}, hiệu lực đến ${formatDate(created.expiresAt)}. `
      + 'Hãy sao chép ngay: địa chỉ chỉ hiển thị một lần.');
    $('task-calendar-url').focus();
    $('task-calendar-url').select();
    loadSubscriptions();
  } catch (e) {
    if (!isUnauthorized(e)) {
      calendarMessage(e.status === 409 ? 'Bạn đã có quá nhiều địa chỉ đăng ký lịch; hãy thu hồi bớt địa chỉ không dùng.'
        : describeError(e), true);
      $('task-calendar-message').focus();
    }
  } finally {
    button.disabled = false;
  }
}

async function copyAddress() {
  const input = $('task-calendar-url');
  try {
    await navigator.clipboard.writeText(input.value);
    calendarMessage('Đã sao chép địa chỉ đăng ký lịch.');
  } catch (e) {
    input.focus();
    input.select();
    calendarMessage('Không sao chép tự động được; địa chỉ đã được chọn, hãy nhấn Ctrl+C (hoặc giữ để sao chép).');
  }
}

async function loadSubscriptions() {
  if (!canWriteAny()) return;
  try {
    const list = await apiJson('/api/tasks/calendar/feeds');
    const items = (Array.isArray(list) ? list : []).filter((s) => s && s.id && s.expiresAt);
    $('task-calendar-subscriptions').hidden = items.length === 0;
    $('task-calendar-list').replaceChildren(...items.map((s) => el('li', { 'data-subscription-id': s.id },
      el('span', { class: 'task-calendar-unit', text: unitName(s.unitId) }),
      el('span', { class: 'muted small', text: `Tạo: ${formatDateTime(s.createdAt)}; `
        + (s.lastUsedAt ? `ứng dụng lịch đọc lần cuối: ${formatDateTime(s.lastUsedAt)}; ` : 'chưa được ứng dụng lịch đọc; ')
        + `hết hạn ngày ${formatDate(s.expiresAt)}` }),
      el('button', { type: 'button', class: 'secondary small-button task-calendar-revoke', 'data-subscription-id': s.id,
        text: 'Thu hồi', 'aria-label': 'Thu hồi địa chỉ đăng ký lịch của ' + unitName(s.unitId) }))));
    for (const button of $('task-calendar-list').querySelectorAll('.task-calendar-revoke')) {
      button.addEventListener('click', () => revoke(button.dataset.subscriptionId));
    }
  } catch (e) {
    // the list is a convenience: the rest of the page works without it
    if (!isUnauthorized(e)) $('task-calendar-subscriptions').hidden = true;
  }
}

async function revoke(id) {
  try {
    await apiJson('/api/tasks/calendar/feeds/' + encodeURIComponent(id), { method: 'DELETE' });
    calendarMessage('Đã thu hồi địa chỉ đăng ký lịch: ứng dụng lịch dùng địa chỉ đó sẽ không nhận được nhiệm vụ nữa.');
  } catch (e) {
    if (isUnauthorized(e)) return;
    calendarMessage(e.status === 404 ? 'Địa chỉ này đã được thu hồi hoặc đã hết hạn.' : describeError(e), true);
  }
  $('task-calendar-new').hidden = true;
  $('task-calendar-message').focus();
  loadSubscriptions();
}
