// The commune page (Tổng quan of a commune or of a unit beneath one): each target with its progress bar and a monthly
// chart, the tasks with the overdue ones first, the upcoming scheduled broadcasts of the year's plans, the latest
// publications, the PAR score estimate with how each point was earned, and the periodic reports named by period.
// Each block loads on its own: one that fails says so in its place and the others still show.

import { apiJson, describeError, isUnauthorized } from '../core/api.js';
import { unitName } from '../core/context.js';
import { $, el, setMessage } from '../core/dom.js';
import { formatDate, formatDateTime, formatNumber, periodLabel, shortMonth, vietnamToday } from '../core/format.js';
import { CHANNELS, KINDS, STATUS_LABELS, STATUS_ORDER, TASK_STATUS_LABELS } from '../core/labels.js';
import { chartFigure, drawChart } from './charts.js';
import { downloadReport, reportItems } from './reports.js';

const TASKS_SHOWN = 8;
const SCHEDULE_SHOWN = 5;

export default {
  init(ctx) {
    $('commune-reports').addEventListener('click', (e) => {
      const button = e.target.closest('[data-report]');
      if (button) downloadReport(ctx.unitId, button.dataset.report, setMessage);
    });
    $('commune-up-button').addEventListener('click', () => {
      const province = $('commune-up-button').dataset.unitId;
      if (province && typeof ctx.selectUnit === 'function') ctx.selectUnit(province);
    });
  },
  load
};

function badge(status, label) {
  return el('span', { class: `badge status-${(status || 'none').toLowerCase()}`, text: label || STATUS_LABELS[status] || status || '—' });
}

/** Loads every block of the selected unit and year; a block whose answer comes after a change of selection is dropped. */
function load(ctx) {
  const unitId = ctx.unitId;
  const year = ctx.year;
  const current = () => unitId === ctx.unitId && year === ctx.year;
  const base = '/api/reports/units/' + encodeURIComponent(unitId);
  $('commune-error').textContent = '';
  showUp(ctx, unitId);
  // the report buttons change only with the year (a live refresh keeps the focus where it is)
  if ($('commune-reports').dataset.year !== String(year)) {
    $('commune-reports').replaceChildren(...reportItems(year, 'report'));
    $('commune-reports').dataset.year = String(year);
  }
  const blocks = [
    [apiJson(base + '/compliance?year=' + year), renderTargets],
    [apiJson(base + '/tasks'), (p) => renderTaskProgress((p && (p.all || p)) || {})],
    [apiJson('/api/tasks?unit=' + encodeURIComponent(unitId)), (list) => renderTasks(list, year)],
    [apiJson(`/api/plans?unitId=${encodeURIComponent(unitId)}&subtree=true&year=${year}&page=0&size=200`),
      (page) => renderSchedule(page, unitId)],
    [apiJson('/api/publications?unit=' + encodeURIComponent(unitId) + '&page=0&size=5'), renderPublications],
    [apiJson(base + '/score?year=' + year), renderScore]
  ];
  for (const [call, render] of blocks) {
    call.then((body) => {
      if (current()) render(body || {});
    }).catch((e) => {
      if (current() && !isUnauthorized(e)) $('commune-error').textContent = describeError(e);
    });
  }
}

/** "← Tổng quan Tỉnh Vĩnh Long" when the user may see the province the unit lies in. */
function showUp(ctx, unitId) {
  const province = unitId.split('.')[0];
  const visible = ctx.units.some((u) => u.unitId === province);
  $('commune-up').hidden = !visible;
  $('commune-up-button').dataset.unitId = province;
  $('commune-up-button').textContent = '← Tổng quan ' + unitName(province);
}

// ---------- targets: progress bars and a monthly chart each

function renderTargets(c) {
  const targets = c.targets || [];
  $('compliance-asof').textContent = c.asOf ? 'Số liệu tính đến ngày ' + formatDate(c.asOf) : '';
  const summary = c.summary || {};
  // badges only above targets they summarise: no figures next to "no targets"
  $('compliance-summary').replaceChildren(...(targets.length === 0 ? [] : STATUS_ORDER.filter((s) => summary[s]).map((s) =>
    el('span', { class: 'summary-item' }, badge(s), ' ' + summary[s]))));
  $('targets-table').tBodies[0].replaceChildren(...targets.map(targetRow));
  $('targets-empty').hidden = targets.length > 0;
  renderTargetCharts(targets, c.year);
}

function targetRow(t) {
  const current = t.current || (t.periods && t.periods[t.periods.length - 1]) || {};
  const minimum = current.minimum ?? t.minimum;
  const count = current.count ?? 0;
  const description = t.description || t.targetId;
  const percent = minimum ? Math.round((100 * count) / minimum) : 0;
  const progress = el('progress', {
    max: String(minimum || 1), value: String(Math.min(count, minimum || 0)),
    'aria-label': `Tiến độ kỳ hiện tại của chỉ tiêu “${description}”: ${count} trên ${minimum ?? '?'} (${percent}%)`
  });
  return el('tr', { 'data-target-id': t.targetId, 'data-plan-id': t.planId, 'data-status': current.status },
    el('td', { 'data-label': 'Chỉ tiêu' }, el('div', {}, el('span', { text: description }),
      t.planTitle ? el('span', { class: 'muted small', text: t.planTitle }) : null)),
    el('td', { 'data-label': 'Kỳ hiện tại', text: current.label || periodLabel(current) }),
    el('td', { 'data-label': 'Đã thực hiện / Tối thiểu', class: 'count', text: `${count}/${minimum ?? '?'}` }),
    el('td', { 'data-label': 'Tiến độ' }, el('div', { class: 'progress-cell' }, progress, el('span', { class: 'small', text: `${percent}%` }))),
    el('td', { 'data-label': 'Tình trạng' }, badge(current.status, current.statusLabel)));
}

function renderTargetCharts(targets, year) {
  const box = $('target-charts');
  const withMonths = targets.filter((t) => Array.isArray(t.monthly) && t.monthly.length === 12);
  box.replaceChildren();
  for (const t of withMonths) {
    const description = t.description || t.targetId;
    const { figure, canvas } = chartFigure(null, `Số tin, bài theo tháng năm ${year || ''}: ${description}`);
    figure.dataset.targetId = t.targetId;
    box.append(figure);
    const months = t.monthly.map((n, i) => `${shortMonth(i + 1)}: ${n}`).join(', ');
    const datasets = [{ type: 'bar', label: 'Số tin, bài trong tháng', data: t.monthly, backgroundColor: '#2563eb' }];
    if (t.period === 'MONTH') {
      datasets.push({ type: 'line', label: 'Tối thiểu mỗi tháng', data: t.monthly.map(() => t.minimum),
        borderColor: '#b91c1c', borderDash: [6, 4], pointRadius: 0, fill: false });
    } else if (t.period === 'YEAR' || t.period === 'PLAN') {
      let sum = 0;
      datasets.push({ type: 'line', label: 'Lũy kế trong năm', data: t.monthly.map((n) => (sum += n)), borderColor: '#15803d', fill: false });
      datasets.push({ type: 'line', label: 'Tối thiểu cả năm', data: t.monthly.map(() => t.minimum),
        borderColor: '#b91c1c', borderDash: [6, 4], pointRadius: 0, fill: false });
    }
    drawChart(canvas, {
      type: 'bar',
      data: { labels: t.monthly.map((_, i) => shortMonth(i + 1)), datasets },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } }
    }, `Biểu đồ số tin, bài theo tháng của chỉ tiêu “${description}” (tối thiểu ${t.minimum}): ${months}`)
      .catch((e) => { figure.append(el('p', { class: 'muted', text: e.message })); });
  }
}

// ---------- tasks: overdue first

function renderTaskProgress(p) {
  const items = [
    ['Tổng số', p.total], ['Hoàn thành', p.done], ['Đang thực hiện', p.inProgress],
    ['Chưa thực hiện', p.planned], ['Quá hạn', p.overdue], ['Đã hủy', p.cancelled]
  ];
  $('task-progress').replaceChildren(...items.map(([label, value]) =>
    el('div', {}, el('dt', { text: label }), el('dd', { text: String(value || 0) }))));
}

const TASK_RANK = { OVERDUE: 0, IN_PROGRESS: 1, PLANNED: 2, DONE: 3, CANCELLED: 4 };

function isOverdue(t, today) {
  return t.status === 'OVERDUE' || (!['DONE', 'CANCELLED'].includes(t.status) && t.dueDate && t.dueDate < today);
}

function taskInYear(t, year) {
  if (t.dueDate) return Number(String(t.dueDate).slice(0, 4)) === year;
  const tf = t.timeFrame || {};
  return !tf.year || Number(tf.year) === year;
}

function renderTasks(body, year) {
  const today = vietnamToday();
  const list = (Array.isArray(body) ? body : body.items || []).filter((t) => taskInYear(t, year));
  const rank = (t) => (isOverdue(t, today) ? 0 : TASK_RANK[t.status] ?? 2);
  list.sort((a, b) => rank(a) - rank(b) || String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999')));
  const shown = list.slice(0, TASKS_SHOWN).map((t) => {
    const overdue = isOverdue(t, today);
    const status = overdue ? 'OVERDUE' : t.status;
    const due = t.dueDate ? 'hạn ' + formatDate(t.dueDate) : ((t.timeFrame && t.timeFrame.text) || 'chưa xác định thời hạn');
    return el('li', { class: overdue ? 'overdue' : null, 'data-task-id': t.id, 'data-status': status },
      el('span', { class: `badge task-${String(status || '').toLowerCase()}`, text: TASK_STATUS_LABELS[status] || status }),
      ' ', el('span', { text: t.title }), el('span', { class: 'muted small', text: ` (${due})` }));
  });
  if (list.length > TASKS_SHOWN) {
    shown.push(el('li', { class: 'muted', text: `… và ${list.length - TASKS_SHOWN} nhiệm vụ khác (xem thẻ Nhiệm vụ).` }));
  }
  $('commune-tasks').replaceChildren(...shown);
  $('commune-tasks-empty').hidden = list.length > 0;
}

// ---------- upcoming scheduled broadcasts of the year's issued plans

function renderSchedule(page, unitId) {
  const today = vietnamToday();
  const items = [];
  for (const doc of page.items || []) {
    if (doc.status === 'DRAFT' || doc.status === 'CLOSED') continue;
    for (const item of (doc.plan && doc.plan.scheduledItems) || []) {
      const unit = item.unitId || (doc.plan && doc.plan.issuingUnitId) || '';
      const inside = unit === unitId || unit.startsWith(unitId + '.') || unitId.startsWith(unit + '.');
      if (item.date && item.date >= today && inside) items.push(item);
    }
  }
  items.sort((a, b) => `${a.date} ${a.startTime || ''}`.localeCompare(`${b.date} ${b.startTime || ''}`));
  $('commune-schedule').replaceChildren(...items.slice(0, SCHEDULE_SHOWN).map((item) => {
    const time = item.startTime ? `, ${item.startTime}${item.endTime ? '–' + item.endTime : ''}` : '';
    const where = [CHANNELS[item.channel] || item.channel, item.unitId ? unitName(item.unitId) : null].filter(Boolean).join(' — ');
    return el('li', { 'data-date': item.date },
      el('strong', { text: formatDate(item.date) + time }), ' ', el('span', { text: item.title }),
      item.topic ? el('span', { class: 'small', text: ' — ' + item.topic }) : null,
      el('span', { class: 'muted small block', text: where }));
  }));
  $('commune-schedule-empty').hidden = items.length > 0;
}

// ---------- latest publications

function renderPublications(page) {
  const items = Array.isArray(page) ? page : page.items || [];
  $('commune-publications').replaceChildren(...items.map((p) => el('li', { 'data-publication-id': p.id },
    el('span', { text: p.title }),
    p.status === 'RETRACTED' ? el('span', { class: 'badge status-missed', text: 'Đã thu hồi' }) : null,
    el('span', { class: 'muted small block',
      text: [formatDateTime(p.publishedAt), CHANNELS[p.channel] || p.channel, KINDS[p.kind] || p.kind].filter(Boolean).join(' · ') }))));
  $('commune-publications-empty').hidden = items.length > 0;
}

// ---------- PAR score estimate, each point explained

function renderScore(score) {
  const lines = score.lines || [];
  $('commune-score-total').textContent = score.max
    ? `${formatNumber(score.points)} / ${formatNumber(score.max)} điểm` : 'Chưa tính được điểm ước tính.';
  $('commune-score').replaceChildren(...lines.map((line) => el('li', { 'data-criterion': line.criterion },
    el('strong', { text: `${line.label}: ${formatNumber(line.points)} / ${formatNumber(line.max)} điểm` }),
    line.items !== null && line.items !== undefined ? el('span', { class: 'muted small', text: ` (${line.items} tin, bài)` }) : null,
    el('span', { class: 'small block', text: line.explanation || '' }))));
}
