// One recorded item: what it is, how each version came about (when, by whom) and who changed what (its audit);
// Đính chính (PUT with If-Match = the ETag read) and Thu hồi (a required reason, confirmed in a second step).
// Both actions are shown only to those who may record for the item's unit.

import { api, apiCall, apiJson, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx, unitName, unitOptions } from '../core/context.js';
import { $, el, labelled } from '../core/dom.js';
import { clearErrors, fillSelect, INVALID_DATE, makeDateInput, showError } from '../core/forms.js';
import { parseDate, parseTime } from '../core/format.js';
import {
  CHANNELS, KINDS, ONLINE_CHANNELS, PUBLICATION_CHANGE_LABELS, PUBLICATION_SOURCE_LABELS, PUBLICATION_STATUS_LABELS,
  THEME_LABELS
} from '../core/labels.js';
import { canWrite, fieldName, formatStamp, parseStamp, pubsMessage, showFieldErrors, showView } from './publication-common.js';

export const STALE_MESSAGE = 'Tin bài đã được người khác thay đổi, hãy tải lại.';

/** The item shown and its ETag (If-Match of the next change). */
const shown = { item: null, etag: null };

export default {
  tab: 'publications'
};

/** Opens the detail page of publication {@code id}. */
export async function openPublication(id) {
  showView('pubs-detail-view');
  $('pub-action-error').textContent = '';
  try {
    const { body, etag } = await apiCall('/api/publications/' + encodeURIComponent(id));
    shown.item = body;
    shown.etag = etag || `"${body.revision}"`;
    renderItem();
    renderActions();
    closeForms();
    loadTrail(id);
    $('pub-detail-title').focus();
  } catch (e) {
    if (!isUnauthorized(e)) pubsMessage(describeError(e), true);
  }
}

const reload = () => openPublication(shown.item.id);

function row(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return [el('dt', { text: label }), el('dd', {}, value)];
}

function renderItem() {
  const p = shown.item;
  const status = el('span', { class: 'badge pub-' + String(p.status || '').toLowerCase(), text: PUBLICATION_STATUS_LABELS[p.status] || p.status });
  const link = p.url ? el('a', { href: p.url, rel: 'noopener noreferrer', target: '_blank', text: p.url }) : null;
  const engagement = p.engagement ? `${p.engagement.views ?? 0} lượt xem, ${p.engagement.interactions ?? 0} lượt tương tác` : null;
  const rows = [
    row('Trạng thái', status),
    row('Đơn vị đăng, phát', unitName(p.unitId)),
    row('Kênh', CHANNELS[p.channel] || p.channel),
    row('Loại tin bài', KINDS[p.kind] || p.kind),
    row('Thời gian đăng, phát', formatStamp(p.publishedAt)),
    row('Thời lượng', p.durationSeconds ? `${Math.round(p.durationSeconds / 60)} phút` : null),
    row('Đường dẫn', link),
    row('Tóm tắt', p.summary),
    row('Chủ đề', (p.themes || []).map((t) => THEME_LABELS[t] || t).join('; ')),
    row('Tác giả', p.author),
    row('Lượt xem, tương tác', engagement),
    row('Nguồn', PUBLICATION_SOURCE_LABELS[p.source] || p.source),
    row('Ghi nhận lúc', p.recordedAt ? `${formatStamp(p.recordedAt)}${p.recordedBy ? ' — ' + p.recordedBy : ''}` : null),
    row('Thay đổi gần nhất', p.changedAt && p.revision > 1 ? `${formatStamp(p.changedAt)}${p.changedBy ? ' — ' + p.changedBy : ''}` : null),
    row('Lý do thu hồi', p.retractionReason),
    row('Thu hồi lúc', formatStamp(p.retractedAt)),
    row('Phiên bản', String(p.revision))
  ].filter(Boolean).flat();
  $('pub-detail').replaceChildren(
    el('h3', { id: 'pub-detail-title', tabindex: '-1', text: p.title }),
    el('dl', { class: 'pub-facts' }, ...rows));
  $('pub-detail').dataset.status = p.status;
  $('pub-detail').dataset.publicationId = p.id;
}

function renderActions() {
  const p = shown.item;
  const buttons = [el('button', { type: 'button', class: 'secondary', id: 'pub-reload', text: 'Tải lại' })];
  if (p.status !== 'RETRACTED' && canWrite(p.unitId)) {
    buttons.unshift(el('button', { type: 'button', id: 'pub-correct', text: 'Đính chính' }),
      el('button', { type: 'button', class: 'secondary', id: 'pub-retract', text: 'Thu hồi tin bài' }));
  }
  $('pub-actions').replaceChildren(...buttons);
  $('pub-reload').addEventListener('click', reload);
  if ($('pub-correct')) $('pub-correct').addEventListener('click', openCorrection);
  if ($('pub-retract')) $('pub-retract').addEventListener('click', openRetraction);
}

function closeForms() {
  $('pub-edit-block').hidden = true;
  $('pub-edit-block').replaceChildren();
  $('pub-retract-block').hidden = true;
  $('pub-retract-block').replaceChildren();
}

/** A 412 (changed meanwhile) or 428: the message and a reload button next to it. */
function showStale(box) {
  box.replaceChildren(STALE_MESSAGE + ' ',
    el('button', { type: 'button', class: 'secondary small-button', 'data-reload': 'true', text: 'Tải lại' }));
  box.querySelector('[data-reload]').addEventListener('click', reload);
}

function describeChangeError(e, box) {
  if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
    showStale(box);
  } else if (e instanceof ApiError && e.status === 409) {
    box.textContent = shown.item && e.problem && /retract/i.test(e.problem.detail || '')
      ? 'Tin bài đã được thu hồi, không thể thay đổi nữa.'
      : 'Đường dẫn này đã thuộc một tin bài khác của đơn vị, hoặc tin bài không còn thay đổi được.';
  } else if (e instanceof ApiError && e.status === 403) {
    box.textContent = 'Bạn không có quyền thay đổi tin bài của đơn vị này.';
  } else if (!isUnauthorized(e)) {
    box.textContent = describeError(e);
  }
}

// ---------- Đính chính: the recording form's fields, filled with the item

function field(label, input, name) {
  const block = labelled(label, input);
  block.querySelector('.field-error').dataset.errorFor = name;
  return block;
}

function openCorrection() {
  const p = shown.item;
  $('pub-retract-block').hidden = true;
  const unit = el('select', { id: 'pe-unitId', required: 'required' });
  unit.replaceChildren(...unitOptions());
  unit.value = p.unitId;
  const channel = el('select', { id: 'pe-channel', required: 'required' });
  fillSelect(channel, CHANNELS);
  channel.value = p.channel;
  const kind = el('select', { id: 'pe-kind', required: 'required' });
  fillSelect(kind, KINDS);
  kind.value = p.kind;
  const title = el('input', { id: 'pe-title', maxlength: '500', required: 'required' });
  title.value = p.title || '';
  const url = el('input', { id: 'pe-url', type: 'url', inputmode: 'url', placeholder: 'https://' });
  url.value = p.url || '';
  const date = makeDateInput(el('input', { id: 'pe-publishedDate', inputmode: 'numeric' }), null);
  const time = el('input', { id: 'pe-publishedTime', inputmode: 'numeric', placeholder: 'hh:mm', maxlength: '5', autocomplete: 'off' });
  const stamp = formatStamp(p.publishedAt);
  date.value = stamp.slice(0, 10);
  time.value = stamp.slice(11, 16);
  const minutes = el('input', { id: 'pe-durationMinutes', type: 'number', min: '1', step: '1', inputmode: 'numeric' });
  minutes.value = p.durationSeconds ? String(Math.round(p.durationSeconds / 60)) : '';
  const duration = field('Thời lượng (phút, với chương trình phát thanh)', minutes, 'durationSeconds');
  const toggle = () => { duration.hidden = kind.value !== 'BROADCAST'; url.required = ONLINE_CHANNELS.includes(channel.value); };
  kind.addEventListener('change', toggle);
  channel.addEventListener('change', toggle);
  const formError = el('p', { class: 'field-error', id: 'pe-form-error', role: 'alert' });
  const form = el('form', { id: 'pub-edit-form', novalidate: 'novalidate', 'aria-labelledby': 'pe-title-h' },
    el('h4', { id: 'pe-title-h', text: 'Đính chính tin bài' }),
    el('div', { class: 'grid' },
      field('Đơn vị đăng, phát', unit, 'unitId'), field('Kênh', channel, 'channel'), field('Loại tin bài', kind, 'kind'),
      field('Ngày đăng, phát (dd/mm/yyyy)', date, 'publishedAt'), field('Giờ (hh:mm, giờ Việt Nam)', time, 'publishedTime'),
      duration),
    field('Tiêu đề', title, 'title'), field('Đường dẫn (liên kết)', url, 'url'),
    formError,
    el('div', { class: 'toolbar' },
      el('button', { type: 'submit', id: 'pe-submit', text: 'Lưu đính chính' }),
      el('button', { type: 'button', class: 'secondary', id: 'pe-cancel', text: 'Hủy' })));
  form.addEventListener('submit', (e) => { e.preventDefault(); submitCorrection(form, false); });
  form.querySelector('#pe-cancel').addEventListener('click', closeForms);
  toggle();
  $('pub-edit-block').replaceChildren(form);
  $('pub-edit-block').hidden = false;
  title.focus();
}

async function submitCorrection(form, confirmDuplicate) {
  const p = shown.item;
  const formError = $('pe-form-error');
  clearErrors(form);
  formError.replaceChildren();
  const publishedAt = parseStamp($('pe-publishedDate').value, $('pe-publishedTime').value);
  if (!publishedAt) {
    if (!parseDate($('pe-publishedDate').value.trim())) showError($('pe-publishedDate'), $('pe-publishedDate-error'), INVALID_DATE);
    if (!parseTime($('pe-publishedTime').value.trim())) {
      showError($('pe-publishedTime'), $('pe-publishedTime-error'), 'Giờ không hợp lệ, hãy nhập theo dạng giờ:phút (hh:mm, 24 giờ), ví dụ 08:00.');
    }
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  // the correction replaces the whole editable state: what the form does not show is sent back unchanged
  const body = {
    unitId: $('pe-unitId').value, channel: $('pe-channel').value, kind: $('pe-kind').value,
    title: $('pe-title').value.trim(), url: $('pe-url').value.trim() || null, publishedAt,
    durationSeconds: p.durationSeconds ?? null, summary: p.summary ?? null, themes: p.themes ?? null,
    planId: p.planId ?? null, taskId: p.taskId ?? null, author: p.author ?? null, engagement: p.engagement ?? null
  };
  if (body.kind === 'BROADCAST') {
    const minutes = Number($('pe-durationMinutes').value);
    body.durationSeconds = minutes > 0 ? Math.round(minutes * 60) : null;
  }
  if (confirmDuplicate) body.confirmDuplicate = true;
  const button = $('pe-submit');
  button.disabled = true;
  try {
    const response = await api('/api/publications/' + encodeURIComponent(p.id), {
      method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': shown.etag }, body: JSON.stringify(body)
    });
    const answer = await jsonOf(response);
    if (response.ok) {
      pubsMessage('Đã lưu đính chính tin bài “' + body.title + '”.');
      ctx.refreshFigures();
      await openPublication(p.id);
      pubsMessage('Đã lưu đính chính tin bài “' + body.title + '”.');
      return;
    }
    if (response.status === 400 && answer && Array.isArray(answer.errors) && answer.errors.length) {
      showFieldErrors(form, formError, answer.errors);
    } else if (response.status === 409 && answer && answer.duplicateOf) {
      probableDuplicate(form, formError, answer.duplicateOf);
    } else {
      describeChangeError(new ApiError(response.status, answer), formError);
    }
  } catch (e) {
    describeChangeError(e, formError);
  } finally {
    button.disabled = false;
  }
}

/** 409 probable-duplicate: name the item it looks like, and let the user confirm it is another one. */
function probableDuplicate(form, box, other) {
  box.replaceChildren(`Có thể trùng với tin bài “${other.title}” (${CHANNELS[other.channel] || other.channel}, ` +
    `${formatStamp(other.publishedAt)}). Nếu đây là tin bài khác, hãy xác nhận. `,
  el('button', { type: 'button', class: 'secondary small-button', id: 'pe-confirm-duplicate', text: 'Vẫn lưu (không trùng)' }));
  box.querySelector('#pe-confirm-duplicate').addEventListener('click', () => submitCorrection(form, true));
}

// ---------- Thu hồi: a reason, then a confirmation

function openRetraction() {
  $('pub-edit-block').hidden = true;
  const reason = el('textarea', { id: 'pr-reason', rows: '2', maxlength: '1000', required: 'required' });
  const reasonField = field('Lý do thu hồi (bắt buộc)', reason, 'reason');
  const formError = el('p', { class: 'field-error', id: 'pr-form-error', role: 'alert' });
  const confirm = el('p', { id: 'pr-confirm', class: 'warning', hidden: 'hidden' });
  const form = el('form', { id: 'pub-retract-form', novalidate: 'novalidate', 'aria-labelledby': 'pr-title' },
    el('h4', { id: 'pr-title', text: 'Thu hồi tin bài' }),
    el('p', { class: 'muted', text: 'Tin bài thu hồi vẫn được lưu để tra cứu nhưng không còn được tính vào chỉ tiêu.' }),
    reasonField, confirm, formError,
    el('div', { class: 'toolbar' },
      el('button', { type: 'submit', id: 'pr-submit', text: 'Thu hồi' }),
      el('button', { type: 'button', class: 'secondary', id: 'pr-cancel', text: 'Hủy' })));
  let confirming = false;
  reason.addEventListener('input', () => {
    confirming = false;
    confirm.hidden = true;
    form.querySelector('#pr-submit').textContent = 'Thu hồi';
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    formError.replaceChildren();
    if (!reason.value.trim()) {
      showError(reason, reasonField.querySelector('.field-error'), 'Hãy nêu lý do thu hồi.');
      reason.focus();
      return;
    }
    if (!confirming) {
      // the second step: say what will happen, the same button now confirms
      confirming = true;
      confirm.textContent = `Xác nhận thu hồi tin bài “${shown.item.title}”? Tin bài sẽ không còn được tính vào chỉ tiêu.`;
      confirm.hidden = false;
      form.querySelector('#pr-submit').textContent = 'Xác nhận thu hồi';
      form.querySelector('#pr-submit').focus();
      return;
    }
    submitRetraction(form, reason.value.trim());
  });
  form.querySelector('#pr-cancel').addEventListener('click', closeForms);
  $('pub-retract-block').replaceChildren(form);
  $('pub-retract-block').hidden = false;
  reason.focus();
}

async function submitRetraction(form, reason) {
  const p = shown.item;
  const formError = $('pr-form-error');
  const button = $('pr-submit');
  button.disabled = true;
  try {
    await apiCall('/api/publications/' + encodeURIComponent(p.id) + '/retraction', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': shown.etag }, body: JSON.stringify({ reason })
    });
    ctx.refreshFigures();
    await openPublication(p.id);
    pubsMessage('Đã thu hồi tin bài “' + p.title + '”.');
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length) showFieldErrors(form, formError, e.fieldErrors);
    else describeChangeError(e, formError);
  } finally {
    button.disabled = false;
  }
}

// ---------- history and audit

async function loadTrail(id) {
  $('pub-trail').replaceChildren();
  try {
    const [history, audit] = await Promise.all([
      apiJson('/api/publications/' + encodeURIComponent(id) + '/history'),
      apiJson('/api/publications/' + encodeURIComponent(id) + '/audit')
    ]);
    if (!shown.item || shown.item.id !== id) return;
    $('pub-trail').replaceChildren(versionsTable(history, audit), auditList(audit));
  } catch (e) {
    if (!isUnauthorized(e)) $('pub-trail').replaceChildren(el('p', { class: 'message error', text: describeError(e) }));
  }
}

/** Each version: how it came about, when and by whom; the current one last. */
function versionsTable(history, audit) {
  const p = shown.item;
  const previous = (history && (history.previousVersions || history.versions)) || [];
  const versions = previous.map((v) => ({ revision: v.revision, change: v.change, at: v.at, by: v.by, title: (v.state || {}).title }));
  const entries = (audit && audit.entries) || [];
  const last = entries.length ? entries[entries.length - 1] : null;
  const current = {
    revision: p.revision,
    change: last && last.revision === p.revision ? last.action : (p.status === 'RETRACTED' ? 'RETRACTED' : (p.revision > 1 ? null : 'RECORDED')),
    at: p.changedAt || p.recordedAt, by: p.changedBy || p.recordedBy, title: p.title, current: true
  };
  versions.push(current);
  return el('section', { class: 'pub-trail', 'aria-labelledby': 'pub-versions-title' },
    el('h4', { id: 'pub-versions-title', text: 'Các phiên bản' }),
    el('div', { class: 'table-wrap' }, el('table', { id: 'pub-versions' },
      el('thead', {}, el('tr', {}, ...['Phiên bản', 'Cách tạo ra', 'Thời điểm', 'Người thực hiện', 'Tiêu đề']
        .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...versions.map((v) => el('tr', { 'data-revision': String(v.revision) },
        el('td', { 'data-label': 'Phiên bản', text: String(v.revision) + (v.current ? ' (hiện tại)' : '') }),
        el('td', { 'data-label': 'Cách tạo ra', text: PUBLICATION_CHANGE_LABELS[v.change] || (v.current ? 'Thay đổi gần nhất' : v.change || '') }),
        el('td', { 'data-label': 'Thời điểm', text: formatStamp(v.at) }),
        el('td', { 'data-label': 'Người thực hiện', text: v.by || 'Không rõ' }),
        el('td', { 'data-label': 'Tiêu đề', text: v.title || '' })))))));
}

function valueText(field, value) {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (field === 'channel') return CHANNELS[value] || value;
  if (field === 'kind') return KINDS[value] || value;
  if (field === 'status') return PUBLICATION_STATUS_LABELS[value] || value;
  if (field === 'retracted') return value ? 'có' : 'không';
  if (/At$/.test(field)) return formatStamp(value) || String(value);
  if (field === 'unitId') return unitName(value);
  if (Array.isArray(value)) return value.map((v) => THEME_LABELS[v] || v).join('; ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${fieldName(k)}: ${v}`).join(', ');
  return String(value);
}

/** Who changed what: each entry's action, time, author and the fields that changed (from → to). */
function auditList(audit) {
  const entries = (audit && audit.entries) || [];
  return el('section', { class: 'pub-trail', 'aria-labelledby': 'pub-audit-title' },
    el('h4', { id: 'pub-audit-title', text: 'Nhật ký thay đổi' }),
    el('ol', { id: 'pub-audit', class: 'audit-list' }, ...entries.map((entry) => {
      const changes = Object.entries(entry.changes || {});
      return el('li', { 'data-action': entry.action },
        el('p', { class: 'audit-head' },
          el('strong', { text: PUBLICATION_CHANGE_LABELS[entry.action] || entry.action }),
          ` — ${formatStamp(entry.at)} — ${entry.by || 'Không rõ người thực hiện'}`),
        changes.length && entry.action !== 'RECORDED'
          ? el('ul', { class: 'small-list' }, ...changes.map(([f, c]) => el('li', {
            text: `${fieldName(f)}: ${valueText(f, c && c.from)} → ${valueText(f, c && c.to)}`
          })))
          : null);
    })));
}
