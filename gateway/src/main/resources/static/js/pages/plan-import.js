// Kế hoạch — import: upload a document, review what was extracted next to the document's numbered lines, correct it,
// save the draft (PUT + If-Match) and issue it.

import { ApiError, apiCall, apiJson, describeError, isUnauthorized } from '../core/api.js';
import { ctx, unitName } from '../core/context.js';
import { $, el, labelled, nextId, options } from '../core/dom.js';
import {
  KINDS, LEGAL_KINDS, MILESTONE_KINDS, PLAN_CHANNELS, RECURRENCES, REPORT_PERIOD_LABELS, SUB_LABELS, TARGET_PERIODS,
  TARGET_SCOPES, TIME_FRAME_TYPES, fieldLabel, ruleMessage
} from '../core/labels.js';
import { INVALID_DATE, makeDateInput, readDate } from '../core/forms.js';
import { blankToNull, setPlansMessage, showErrorIn, showPlansView } from './plan-common.js';
import { openPlan, showPlanDocument } from './plans.js';

/** The header fields always shown on the review screen, extracted or not. */
const REVIEW_CORE = ['issuingBody', 'number', 'place', 'issuedDate', 'title', 'year', 'effectiveFrom'];
const LOW_CONFIDENCE = 0.6;

export default {
  tab: 'plans',
  init() {
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
    $('import-open').addEventListener('click', () => openPlan(ctx.review.doc.id));
  }
};

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
  if (ctx.unitId) body.append('unitId', ctx.unitId);
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
    if (isUnauthorized(e)) return;
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
    if (!isUnauthorized(e)) setPlansMessage(describeError(e), true);
  }
}

function showReview(imported, doc, etag) {
  ctx.review = { imported, doc, etag };
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
    input = makeDateInput(el('input', { 'data-kind': 'date' }), value || null);
  } else if (typeof value === 'string' && value.length > 90) {
    input = el('textarea', { rows: '3', 'data-kind': 'text' });
    input.value = value;
  } else {
    input = el('input', { 'data-kind': 'text' });
    input.value = value ?? '';
  }
  input.setAttribute('data-path', path);
  input.id = nextId('rv');
  return [labelled(input.dataset.kind === 'date' ? label + ' (dd/mm/yyyy)' : label, input)];
}

function editorValue(input) {
  switch (input.dataset.kind) {
    case 'number': return input.value === '' ? null : Number(input.value);
    case 'bool': return input.checked;
    case 'enums': return [...input.selectedOptions].map((o) => o.value);
    case 'lines': return input.value.split('\n').map((s) => s.trim()).filter(Boolean);
    case 'date': return readDate(input) || null;
    case 'enum': default: return blankToNull(input.value);
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
  const plan = structuredClone(ctx.review.doc.plan);
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
  const review = ctx.review;
  const id = review.doc.id;
  // the screen's own check: a date typed must be a real dd/mm/yyyy date
  const invalid = [...document.querySelectorAll('#import-fields [data-date][data-changed]')].filter((i) => readDate(i) === undefined);
  if (invalid.length) {
    $('import-save-error').replaceChildren(el('span', { class: 'block', text: 'Dự thảo chưa lưu được: dữ liệu chưa hợp lệ.' }));
    for (const input of invalid) showReviewFieldError(input.dataset.path, INVALID_DATE);
    invalid[0].focus();
    return false;
  }
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
    if (isUnauthorized(e)) return false;
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
  const review = ctx.review;
  const button = $('import-issue');
  button.disabled = true;
  try {
    if (document.querySelector('#import-fields [data-changed]') && !(await saveReview())) return;
    clearReviewErrors();
    const { body, etag } = await apiCall(`/api/plans/${encodeURIComponent(review.doc.id)}/issue`, {
      method: 'POST', headers: { 'If-Match': review.etag }
    });
    ctx.review = null;
    showPlanDocument(body, etag, 'Đã ban hành kế hoạch.');
    ctx.refreshFigures();
  } catch (e) {
    if (isUnauthorized(e)) return;
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
