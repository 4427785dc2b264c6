// The task page inside Nhiệm vụ: what the plan asks (lead, time frame as written, due date, products), how it goes
// (status, evidence, notes, the audit trail) and what the signed-in person may do to it: change the status
// (coordinators and province admins: the allowed transitions only), add a note (editors too), set the due date of a
// task due "when results are published". Every change sends If-Match with the task's ETag.

import { apiCall, apiJson, describeError, isUnauthorized } from '../core/api.js';
import { can, unitName } from '../core/context.js';
import { $, el, labelled, nextId } from '../core/dom.js';
import { formatDate, formatDateTime, formatTime } from '../core/format.js';
import { clearErrors, INVALID_DATE, makeDateInput, readDate, showError } from '../core/forms.js';
import {
  CHANNELS, RULE_MESSAGES, TASK_AUDIT_ACTIONS, TASK_FIELD_LABELS, TASK_STATUS_ACTIONS, TASK_STATUS_LABELS
} from '../core/labels.js';

/** What a person may ask for from each status (task-service's rules; OVERDUE is set by the service only). */
const TRANSITIONS = {
  PLANNED: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'CANCELLED'],
  OVERDUE: ['DONE', 'CANCELLED'],
  DONE: ['PLANNED', 'CANCELLED'],
  CANCELLED: ['PLANNED']
};

const STALE_MESSAGE = 'Nhiệm vụ vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi thực hiện lại.';

// ---------- who may do what (the token's roles and units, as task-service decides; it checks again)

function withinUnits(ctx, unitId) {
  const units = ctx.claims && Array.isArray(ctx.claims.units) ? ctx.claims.units : [];
  return Boolean(unitId) && units.some((scope) => unitId === scope || unitId.startsWith(scope + '.'));
}

/** Status changes and triggers: PROVINCE_ADMIN, COORDINATOR within the task's unit. */
export function canManage(ctx, unitId) {
  return can('MANAGE_PLANS_AND_TASKS') && withinUnits(ctx, unitId);
}

/** Notes: any writing role (editors report progress) within the task's unit. */
export function canNote(ctx, unitId) {
  return can('RECORD_PUBLICATIONS') && withinUnits(ctx, unitId);
}

/** Whether the person may write at all (e.g. create a calendar subscription: a POST, refused to viewers). */
export function canWriteAny() {
  return can('RECORD_PUBLICATIONS');
}

// ---------- opening and closing

let currentCtx = null;
let current = null; // { id, task, etag, audit, publications, onBack }

export function closeTask() {
  current = null;
  const box = $('task-detail');
  if (box) {
    box.hidden = true;
    box.replaceChildren();
  }
  const list = $('tasks-list-view');
  if (list) list.hidden = false;
}

export async function openTask(ctx, id, onBack) {
  currentCtx = ctx;
  current = { id, onBack };
  $('tasks-list-view').hidden = true;
  const box = $('task-detail');
  box.hidden = false;
  box.replaceChildren(el('p', { class: 'muted', role: 'status', text: 'Đang tải nhiệm vụ…' }));
  await reload();
  const title = $('task-detail-title');
  if (title) title.focus();
}

async function reload(message) {
  const opened = current;
  if (!opened) return;
  try {
    const { body, etag } = await apiCall('/api/tasks/' + encodeURIComponent(opened.id));
    const [audit, publications] = await Promise.all([
      apiJson('/api/tasks/' + encodeURIComponent(opened.id) + '/audit'),
      loadEvidence(body.evidence || [])
    ]);
    if (current !== opened) return;
    Object.assign(opened, { task: body, etag, audit: Array.isArray(audit) ? audit : [], publications });
    render(message);
  } catch (e) {
    if (current !== opened || isUnauthorized(e)) return;
    $('task-detail').replaceChildren(backButton(),
      el('p', { class: 'message error', role: 'alert', text: e.status === 404
        ? 'Không tìm thấy nhiệm vụ này trong phạm vi đơn vị của bạn.' : describeError(e) }));
  }
}

/** The linked publications (evidence); one that cannot be read is shown by its id. */
async function loadEvidence(ids) {
  const results = await Promise.allSettled(ids.map((id) => apiJson('/api/publications/' + encodeURIComponent(id))));
  return results.map((r, i) => (r.status === 'fulfilled' && r.value ? r.value : { id: ids[i], unreadable: true }));
}

function backButton() {
  const button = el('button', { type: 'button', class: 'secondary task-back', text: '← Danh sách nhiệm vụ' });
  button.addEventListener('click', () => {
    const onBack = current && current.onBack;
    closeTask();
    if (onBack) onBack();
  });
  return button;
}

// ---------- the page

function render(message) {
  const ctx = currentCtx;
  const t = current.task;
  const box = $('task-detail');
  const status = el('p', { id: 'task-detail-message', class: 'message', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  // the forms the person may use (null: not offered) between the facts and the record
  box.replaceChildren(...[
    backButton(),
    el('h3', { id: 'task-detail-title', class: 'task-detail-title', tabindex: '-1', text: t.title }),
    status,
    facts(t),
    canManage(ctx, t.unitId) ? statusForm(t) : null,
    canManage(ctx, t.unitId) && t.timeFrame && t.timeFrame.type === 'ON_RESULTS' ? triggerForm(t) : null,
    canNote(ctx, t.unitId) ? noteForm(ctx) : null,
    evidenceSection(),
    notesSection(t),
    auditSection()].filter(Boolean));
  if (message) {
    status.textContent = message;
    status.focus();
  }
}

function fact(term, ...value) {
  return [el('dt', { text: term }), el('dd', {}, ...value)];
}

function facts(t) {
  const coordinators = [...(t.coordinatingUnitIds || []).map(unitName), ...(t.coordinatorNames || [])];
  const products = t.products || [];
  return el('dl', { class: 'task-facts' },
    ...fact('Đơn vị chủ trì', t.leadName || unitName(t.unitId)),
    ...(t.leadName ? fact('Đơn vị theo dõi', unitName(t.unitId)) : []),
    ...(coordinators.length ? fact('Đơn vị phối hợp', coordinators.join('; ')) : []),
    ...fact('Thời gian thực hiện (theo kế hoạch)', (t.timeFrame && t.timeFrame.text) || 'Không ghi'),
    ...fact('Hạn hoàn thành', dueText(t)),
    ...fact('Trạng thái', el('span', { class: `badge task-${String(t.status || '').toLowerCase()}`,
      text: TASK_STATUS_LABELS[t.status] || t.status })),
    ...fact('Sản phẩm', products.length ? el('ul', { class: 'plain' }, ...products.map((p) => el('li', { text: p }))) : 'Không ghi'),
    ...(t.channel ? fact('Kênh', CHANNELS[t.channel] || t.channel) : []),
    ...fact('Kế hoạch', t.planId || ''));
}

function dueText(t) {
  if (t.dueDate) {
    const air = t.window && t.window.start && t.window.end
      ? `, ${formatTime(t.window.start)}–${formatTime(t.window.end)}` : '';
    return formatDate(t.dueDate) + air;
  }
  if (t.timeFrame && t.timeFrame.type === 'ON_RESULTS') return 'Chưa xác định (khi có kết quả công bố)';
  if (t.reviewBy) return `Không có hạn cố định; rà soát trước ngày ${formatDate(t.reviewBy)}`;
  return 'Chưa xác định';
}

// ---------- forms

/** A form: fields, a form-level error line, the submit button. */
function form(id, title, fields, submitText, onSubmit) {
  const formError = el('p', { class: 'field-error', id: id + '-error', role: 'alert' });
  const button = el('button', { type: 'submit', text: submitText });
  const node = el('form', { id, class: 'task-form', novalidate: 'novalidate', 'aria-labelledby': id + '-title' },
    el('h4', { id: id + '-title', text: title }), ...fields, formError, button);
  node.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(node);
    button.disabled = true;
    try {
      await onSubmit(node, formError);
    } finally {
      button.disabled = false;
    }
  });
  return node;
}

function textarea(id) {
  return el('textarea', { id, rows: '3' });
}

function statusForm(t) {
  const select = el('select', { id: 'task-status', name: 'status' },
    el('option', { value: '', text: '— Chọn trạng thái —' }),
    ...(TRANSITIONS[t.status] || []).map((s) => el('option', { value: s, text: TASK_STATUS_ACTIONS[s] || TASK_STATUS_LABELS[s] })));
  const note = textarea('task-status-note');
  return form('task-status-form', 'Cập nhật trạng thái',
    [labelled('Trạng thái mới', select), labelled('Ghi chú kèm theo (không bắt buộc)', note)],
    'Cập nhật trạng thái', async (node, formError) => {
      const errors = [];
      if (!select.value) errors.push([select, 'Hãy chọn trạng thái mới.']);
      if (note.value.length > 4000) errors.push([note, RULE_MESSAGES.size]);
      if (showAll(node, errors)) return;
      const body = { status: select.value };
      if (note.value.trim()) Object.assign(body, { note: note.value.trim(), author: authorName() });
      await write('/status', 'PUT', body, node, formError, { status: select, note, author: note },
        `Đã chuyển nhiệm vụ sang “${TASK_STATUS_LABELS[select.value]}”.`, (e) => statusConflict(t, select.value, e));
    });
}

function noteForm(ctx) {
  const author = el('input', { id: 'task-note-author', name: 'author', type: 'text', autocomplete: 'name',
    value: (ctx.claims && (ctx.claims.name || ctx.claims.preferred_username)) || '' });
  const text = textarea('task-note-text');
  return form('task-note-form', 'Thêm ghi chú tiến độ',
    [labelled('Người ghi', author), labelled('Nội dung ghi chú', text)],
    'Thêm ghi chú', async (node, formError) => {
      const errors = [];
      if (!author.value.trim()) errors.push([author, 'Hãy nhập tên người ghi.']);
      if (!text.value.trim()) errors.push([text, 'Hãy nhập nội dung ghi chú.']);
      if (text.value.length > 4000) errors.push([text, RULE_MESSAGES.size]);
      if (showAll(node, errors)) return;
      await write('/notes', 'POST', { author: author.value.trim(), text: text.value.trim() }, node, formError,
        { author, text }, 'Đã thêm ghi chú.', () => null);
    });
}

function triggerForm(t) {
  const date = makeDateInput(el('input', { id: 'task-trigger-date', name: 'dueDate', inputmode: 'numeric' }), t.dueDate || '');
  return form('task-trigger-form', 'Kết quả đã công bố: xác định hạn hoàn thành',
    [labelled('Hạn hoàn thành (ngày/tháng/năm, ví dụ 15/06/2026)', date)],
    'Xác định hạn', async (node, formError) => {
      const iso = readDate(date);
      if (showAll(node, iso ? [] : [[date, iso === null ? 'Hãy nhập hạn hoàn thành.' : INVALID_DATE]])) return;
      await write('/trigger', 'POST', { dueDate: iso }, node, formError, { dueDate: date },
        `Đã xác định hạn hoàn thành: ${formatDate(iso)}.`,
        () => 'Chỉ nhiệm vụ có thời hạn “Khi có kết quả công bố” mới xác định hạn được.');
    });
}

function authorName() {
  const claims = (currentCtx && currentCtx.claims) || {};
  return claims.name || claims.preferred_username || claims.sub || '';
}

/** Shows every error at once next to its field and focuses the first; true when there were any. */
function showAll(node, errors) {
  for (const [input, message] of errors) showError(input, $(input.id + '-error'), message);
  if (errors.length) errors[0][0].focus();
  return errors.length > 0;
}

/**
 * Sends a change with If-Match; on success re-reads the task (its new ETag, the audit trail) and announces the result;
 * on failure says why in Vietnamese next to the fields (400), or for the whole form (409, 412, 403, …).
 */
async function write(path, method, body, node, formError, fields, success, conflictMessage) {
  const opened = current;
  try {
    const headers = { 'Content-Type': 'application/json' };
    if (opened.etag) headers['If-Match'] = opened.etag;
    await apiCall('/api/tasks/' + encodeURIComponent(opened.id) + path, { method, headers, body: JSON.stringify(body) });
    await reload(success);
  } catch (e) {
    if (isUnauthorized(e) || current !== opened) return;
    if (e.status === 400 && e.fieldErrors.length) {
      const errors = [];
      for (const fe of e.fieldErrors) {
        const input = fields[fe.field];
        const message = RULE_MESSAGES[fe.rule] || fe.message;
        if (input) errors.push([input, message]);
        else showError(null, formError, `${TASK_FIELD_LABELS[fe.field] || fe.field}: ${message}`);
      }
      if (!showAll(node, errors)) formError.focus();
      return;
    }
    if (e.status === 412) {
      const again = el('button', { type: 'button', class: 'secondary small-button', text: 'Tải lại' });
      again.addEventListener('click', () => reload('Đã tải lại nhiệm vụ.'));
      formError.replaceChildren(STALE_MESSAGE + ' ', again);
      again.focus();
      return;
    }
    formError.textContent = (e.status === 409 && conflictMessage(e))
      || (e.status === 403 ? 'Bạn không có quyền thực hiện thao tác này với nhiệm vụ của đơn vị này.' : null)
      || (e.status === 404 ? 'Không tìm thấy nhiệm vụ này trong phạm vi đơn vị của bạn.' : null)
      || describeError(e);
    formError.setAttribute('tabindex', '-1');
    formError.focus();
  }
}

function statusConflict(t, target, e) {
  const from = TASK_STATUS_LABELS[t.status] || t.status;
  const to = TASK_STATUS_LABELS[target] || target;
  if (t.status === 'CANCELLED') {
    return `Không thể chuyển từ “${from}” sang “${to}”: nhiệm vụ đã hủy phải được mở lại (“Mở lại nhiệm vụ”) trước.`;
  }
  if (target === 'PLANNED') return `Chỉ mở lại được nhiệm vụ đã hoàn thành hoặc đã hủy; nhiệm vụ đang ở trạng thái “${from}”.`;
  return `Không thể chuyển nhiệm vụ từ “${from}” sang “${to}” (${e.message}). Hãy tải lại để xem trạng thái mới nhất.`;
}

// ---------- evidence, notes, audit trail

function section(id, title, ...content) {
  return el('section', { class: 'task-section', 'aria-labelledby': id }, el('h4', { id, text: title }), ...content);
}

function evidenceSection() {
  const items = current.publications || [];
  if (!items.length) {
    return section(nextId('task-evidence'), 'Tài liệu kiểm chứng (tin, bài đã đăng, phát)',
      el('p', { class: 'muted', text: 'Chưa có tin, bài nào được liên kết với nhiệm vụ này.' }));
  }
  return section(nextId('task-evidence'), 'Tài liệu kiểm chứng (tin, bài đã đăng, phát)', el('div', { class: 'table-wrap' },
    el('table', { id: 'task-evidence-table' },
      el('thead', {}, el('tr', {}, ...['Tiêu đề', 'Kênh', 'Ngày đăng, phát', 'Đường dẫn'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...items.map((p) => el('tr', { 'data-publication-id': p.id },
        el('td', { 'data-label': 'Tiêu đề', text: p.unreadable ? `Tin, bài ${p.id} (không đọc được)`
          : p.title + (p.status === 'RETRACTED' ? ' (đã gỡ)' : '') }),
        el('td', { 'data-label': 'Kênh', text: p.channel ? (CHANNELS[p.channel] || p.channel) : '' }),
        el('td', { 'data-label': 'Ngày đăng, phát', text: p.publishedAt ? formatDateTime(p.publishedAt) : '' }),
        el('td', { 'data-label': 'Đường dẫn' }, p.url
          ? el('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer', text: 'Mở tin, bài',
            'aria-label': 'Mở tin, bài: ' + (p.title || p.id) })
          : el('span', { class: 'muted', text: 'Không có' }))))))));
}

function notesSection(t) {
  const notes = t.notes || [];
  return section('task-notes-title', 'Ghi chú tiến độ', notes.length
    ? el('ol', { id: 'task-notes', class: 'task-notes' }, ...notes.map((n) => el('li', {},
      el('p', { class: 'task-note-meta', text: `${n.author} — ${formatDateTime(n.at)}` }),
      el('p', { class: 'task-note-text', text: n.text }))))
    : el('p', { class: 'muted', text: 'Chưa có ghi chú.' }));
}

function auditSection() {
  const audit = current.audit || [];
  return section('task-audit-title', 'Lịch sử thay đổi', audit.length
    ? el('div', { class: 'table-wrap' }, el('table', { id: 'task-audit' },
      el('thead', {}, el('tr', {}, ...['Thời gian', 'Người thực hiện', 'Nội dung'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...audit.map((a) => el('tr', {},
        el('td', { 'data-label': 'Thời gian', text: formatDateTime(a.at) }),
        el('td', { 'data-label': 'Người thực hiện', text: a.by || '' }),
        el('td', { 'data-label': 'Nội dung', text: auditText(a) }))))))
    : el('p', { class: 'muted', text: 'Chưa có thay đổi nào qua hệ thống.' }));
}

function auditText(a) {
  const action = TASK_AUDIT_ACTIONS[a.action] || a.action;
  if (a.action === 'STATUS_CHANGED') {
    return `${action}: ${TASK_STATUS_LABELS[a.from] || a.from} → ${TASK_STATUS_LABELS[a.to] || a.to}`;
  }
  if (a.action === 'TRIGGERED') {
    return `${action}: ${a.from ? formatDate(a.from) + ' → ' : ''}${formatDate(a.to)}`;
  }
  if (a.action === 'NOTE_ADDED') return `${action}: “${a.note || ''}”`;
  return action;
}
