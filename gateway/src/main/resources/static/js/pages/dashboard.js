// Tổng quan: the selected year's targets with their current period and status, the communes of a province, task
// progress and the overdue tasks.

import { apiJson, describeError, isUnauthorized } from '../core/api.js';
import { $, el, setMessage } from '../core/dom.js';
import { formatDate, periodLabel } from '../core/format.js';
import { STATUS_LABELS, STATUS_ORDER } from '../core/labels.js';

export default {
  tab: 'dashboard',
  // coming back to the figures shows them fresh (events may have been missed while the stream reconnected)
  show: (ctx) => load(ctx),
  unitChanged: (ctx) => load(ctx),
  refresh: (ctx) => load(ctx)
};

function badge(status) {
  const label = STATUS_LABELS[status] || status || '—';
  return el('span', { class: `badge status-${(status || 'none').toLowerCase()}`, text: label });
}

async function load(ctx) {
  const unitId = ctx.unitId;
  const year = ctx.year;
  const base = '/api/reports/units/' + encodeURIComponent(unitId);
  try {
    const [compliance, tasks] = await Promise.all([
      apiJson(base + '/compliance?year=' + ctx.year),
      apiJson(base + '/tasks')
    ]);
    if (unitId !== ctx.unitId || year !== ctx.year) return;
    renderCompliance(compliance || {});
    renderTaskProgress((tasks && (tasks.all || tasks)) || {});
  } catch (e) {
    if (unitId === ctx.unitId && !isUnauthorized(e)) setMessage(describeError(e), true);
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
