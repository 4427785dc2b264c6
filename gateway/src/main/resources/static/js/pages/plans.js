// Kế hoạch: the plan list of the selected unit and year, and a plan's page laid out like the document, with the
// actions its status allows (issue, amend, close, track a duty as a task).

import { api, ApiError, apiCall, apiJson, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { can, ctx, refName, unitName } from '../core/context.js';
import { $, el, nextId } from '../core/dom.js';
import { formatDate, formatDateTime, pad2 } from '../core/format.js';
import {
  KINDS, LEGAL_KINDS, MILESTONE_KINDS, PLAN_CHANNELS, PLAN_STATUS_LABELS, REPORT_PERIOD_LABELS, TARGET_PERIOD_SHORT,
  TIME_FRAME_TYPES
} from '../core/labels.js';
import { planStatusBadge, setPlansMessage, showErrorIn, showPlansView } from './plan-common.js';
import { openPlanForm } from './plan-form.js';

let listShown = false;

export default {
  tab: 'plans',
  init() {
    for (const button of document.querySelectorAll('.back-to-plans')) button.addEventListener('click', () => showPlansList());
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
  },
  signedIn() {
    // a role that may not manage plans (EDITOR, VIEWER) reads them only: no create, no import, no actions
    const allowed = can('MANAGE_PLANS_AND_TASKS');
    $('plan-new-button').hidden = !allowed;
    $('import-form').hidden = !allowed;
  },
  show() {
    if (listShown) return;
    listShown = true;
    showPlansList();
  },
  unitChanged() {
    if (listShown) showPlansList();
  }
};

/** Shows a plan just loaded or changed (with its ETag) on the plan page. */
export function showPlanDocument(doc, etag, message) {
  ctx.plan = { doc, etag };
  showPlansView('plan-view');
  renderPlan();
  loadRevisions(doc.id);
  if (message !== undefined) setPlansMessage(message);
}

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

export async function showPlansList(message) {
  showPlansView('plans-list-view');
  ctx.plan = null;
  setPlansMessage(message || '');
  const unitId = ctx.unitId;
  const year = ctx.year;
  if (!unitId) return;
  try {
    const page = await apiJson(`/api/plans?unitId=${encodeURIComponent(unitId)}&subtree=true&year=${year}&page=0&size=200`);
    if (unitId !== ctx.unitId || year !== ctx.year) return;
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
    if (!isUnauthorized(e)) setPlansMessage(describeError(e), true);
  }
}

// --- the plan page

export async function openPlan(id, message) {
  setPlansMessage('');
  $('plan-action-error').textContent = '';
  try {
    const { body, etag } = await apiCall('/api/plans/' + encodeURIComponent(id));
    showPlanDocument(body, etag);
    // announced once the page shows what it says (a reader of the message finds the plan already redrawn)
    setPlansMessage(message || '');
  } catch (e) {
    if (!isUnauthorized(e)) setPlansMessage(describeError(e), true);
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
  const doc = ctx.plan.doc;
  const p = doc.plan || {};
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
          else if (d.id && doc.status !== 'CLOSED' && can('MANAGE_PLANS_AND_TASKS')) {
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
  if (!ctx.plan || !ctx.plan.doc.revision) return;
  try {
    const list = await apiJson(`/api/plans/${encodeURIComponent(id)}/revisions`);
    if (!ctx.plan || ctx.plan.doc.id !== id || !$('plan-revisions')) return;
    $('plan-revisions').replaceChildren(...(list || []).map((r) => el('li', { 'data-revision': String(r.revision) },
      el('strong', { text: `Lần ${r.revision}: ${PLAN_STATUS_LABELS[r.status] || r.status}` }),
      ` — ${formatDateTime(r.at)}`, r.note ? ` — ${r.note}` : '')));
  } catch (e) {
    // the page stays usable without its history
  }
}

function renderPlanActions() {
  const doc = ctx.plan.doc;
  const buttons = [];
  const button = (action, text, cls) => el('button', { type: 'button', class: cls || '', 'data-plan-action': action, text });
  const manage = can('MANAGE_PLANS_AND_TASKS');
  if (manage && doc.status === 'DRAFT') {
    buttons.push(button('edit', 'Sửa dự thảo', 'secondary'), button('issue', 'Ban hành'));
  } else if (manage && (doc.status === 'ISSUED' || doc.status === 'AMENDED')) {
    buttons.push(button('amend', 'Sửa đổi kế hoạch', 'secondary'), button('close', 'Kết thúc kế hoạch', 'secondary'));
  }
  buttons.push(button('reload', 'Tải lại', 'secondary'));
  $('plan-actions').replaceChildren(...buttons);
}

async function planAction(action) {
  const box = $('plan-action-error');
  box.textContent = '';
  const current = ctx.plan;
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
    ctx.plan = { doc: body, etag };
    renderPlan();
    loadRevisions(id);
    setPlansMessage(action === 'issue' ? 'Đã ban hành kế hoạch.' : 'Đã kết thúc kế hoạch.');
    ctx.refreshFigures();
  } catch (e) {
    if (!isUnauthorized(e)) showErrorIn(box, e, reload);
  }
  return undefined;
}

/** A lettered duty of "Tổ chức thực hiện" becomes a tracked task (POST …/duties/{dutyId}/task, If-Match). */
async function dutyToTask(dutyId, button) {
  const box = $('plan-action-error');
  box.textContent = '';
  const id = ctx.plan.doc.id;
  button.disabled = true;
  try {
    const response = await api(`/api/plans/${encodeURIComponent(id)}/duties/${encodeURIComponent(dutyId)}/task`, {
      method: 'POST', headers: { 'If-Match': ctx.plan.etag }
    });
    if (!response.ok) throw new ApiError(response.status, await jsonOf(response));
    await openPlan(id, 'Đã chuyển nội dung thành nhiệm vụ theo dõi.');
    ctx.refreshFigures();
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 404) box.textContent = 'Máy chủ chưa hỗ trợ chuyển nội dung thành nhiệm vụ, hoặc nội dung không còn trong kế hoạch.';
    else if (!isUnauthorized(e)) showErrorIn(box, e, () => openPlan(id));
  }
}
