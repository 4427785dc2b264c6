// Kế hoạch — the form: create a plan, edit a draft (PUT + If-Match) or amend an issued plan (POST …/amendments +
// If-Match). Header, targets and the task catalogue are edited; everything else is sent back unchanged.

import { ApiError, apiCall, isUnauthorized } from '../core/api.js';
import { ctx, unitMap } from '../core/context.js';
import { $, el, labelled, options } from '../core/dom.js';
import { KINDS, PLAN_CHANNELS, TARGET_PERIODS, TARGET_SCOPES, TIME_FRAME_TYPES, fieldLabel, ruleMessage } from '../core/labels.js';
import { INVALID_DATE, clearErrors, firstInDocument, makeDateInput, readDate, showError } from '../core/forms.js';
import { blankToNull, setPlansMessage, showErrorIn, showPlansView } from './plan-common.js';
import { openPlan, showPlanDocument } from './plans.js';

export default {
  tab: 'plans',
  init() {
    $('plan-new-button').addEventListener('click', () => openPlanForm('create', null));
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
  }
};

export function openPlanForm(mode, current) {
  const base = current ? structuredClone(current.doc.plan) : {
    issuingUnitId: ctx.unitId, year: ctx.year, title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${ctx.year}`,
    targets: [], tasks: []
  };
  ctx.form = { mode, base, id: current ? current.doc.id : null, etag: current ? current.etag : null };
  $('plan-form-title').textContent = mode === 'create' ? 'Tạo kế hoạch mới'
    : (mode === 'edit' ? 'Sửa dự thảo kế hoạch' : 'Sửa đổi kế hoạch đã ban hành');
  $('pf-submit').textContent = mode === 'amend' ? 'Ban hành bản sửa đổi' : 'Lưu dự thảo';
  $('pf-note-field').hidden = mode !== 'amend';
  $('pf-note').value = '';
  options($('pf-issuingUnitId'), unitMap(), base.issuingUnitId);
  $('pf-issuingUnitId').disabled = mode === 'amend';
  for (const key of ['issuingBody', 'number', 'title', 'year', 'place']) {
    $('pf-' + key).value = base[key] === null || base[key] === undefined ? '' : String(base[key]);
  }
  for (const key of ['issuedOn', 'effectiveFrom']) makeDateInput($('pf-' + key), base[key] || null);
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
  const spec = { DATE: ['text', 'Ngày (dd/mm/yyyy)'], MONTH: ['number', 'Tháng (1–12)', 1, 12, 'month'], QUARTER: ['number', 'Quý (1–4)', 1, 4, 'quarter'],
    HALF_YEAR: ['number', 'Nửa năm (1 hoặc 2)', 1, 2, 'half'] }[type];
  if (!spec) return null;
  input.type = spec[0];
  if (spec[0] === 'number') {
    input.min = String(spec[2]);
    input.max = String(spec[3]);
  }
  const value = tf ? (type === 'DATE' ? tf.date : tf[spec[4]]) : null;
  if (type === 'DATE') makeDateInput(input, value || null);
  else input.value = value === null || value === undefined ? '' : String(value);
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

function collectPlanForm() {
  const plan = structuredClone(ctx.form.base);
  const base = ctx.form.base;
  plan.issuingUnitId = $('pf-issuingUnitId').value;
  for (const key of ['issuingBody', 'number', 'title', 'place']) plan[key] = blankToNull($('pf-' + key).value);
  for (const key of ['issuedOn', 'effectiveFrom']) plan[key] = readDate($('pf-' + key)) || null;
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
    if (type === 'DATE') tf.date = readDate(valueInput) || null;
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
  clearErrors($('plan-form'));
}

/** The form's own check before sending: every date typed must be a real dd/mm/yyyy date. The invalid inputs. */
function checkDates() {
  const invalid = [];
  for (const input of $('plan-form').querySelectorAll('[data-date]')) {
    if (readDate(input) !== undefined) continue;
    const box = input.parentElement.querySelector('.field-error') || $('pf-form-error');
    showError(input, box, INVALID_DATE);
    invalid.push(input);
  }
  return invalid;
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
  showError(input, box, message);
  return input;
}

async function submitPlanForm(event) {
  event.preventDefault();
  clearFormErrors();
  const invalidDates = checkDates();
  if (invalidDates.length) {
    $('pf-form-error').textContent = 'Dữ liệu chưa hợp lệ, xem các lỗi được đánh dấu.';
    invalidDates[0].focus();
    return;
  }
  const form = ctx.form;
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
    ctx.form = null;
    showPlanDocument(result.body, result.etag,
      form.mode === 'amend' ? `Đã ban hành bản sửa đổi (lần ${result.body.revision}).` : 'Đã lưu dự thảo.');
    if (form.mode === 'amend') ctx.refreshFigures();
  } catch (e) {
    if (isUnauthorized(e)) return;
    const errors = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    if (e instanceof ApiError && e.status === 400 && errors.length) {
      $('pf-form-error').textContent = 'Dữ liệu chưa hợp lệ, xem các lỗi được đánh dấu.';
      const inputs = errors.map((error) => showPlanFormError(error.field || '', ruleMessage(error)));
      const first = firstInDocument(inputs);
      if (first) first.focus();
    } else {
      showErrorIn($('pf-form-error'), e, form.id ? () => openPlan(form.id) : null);
    }
  } finally {
    button.disabled = false;
  }
}
