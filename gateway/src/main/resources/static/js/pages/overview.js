// The province overview (Tổng quan of a province id): every commune × every target with a traffic light for its current
// period (colour and words), counts this month and this year, the periods met and missed so far, sortable by the column
// headers and filtered by status; a commune's name opens its page; two charts show the year: how many targets stood in
// each status at each month's end, and each target's items month by month. Live events reload it (main.js → refresh).

import { apiJson, describeError, isUnauthorized } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDate, shortMonth } from '../core/format.js';
import { STATUS_COLORS, STATUS_LABELS, STATUS_ORDER, STATUS_SEVERITY } from '../core/labels.js';
import { chartFigure, drawChart } from './charts.js';

const MAX_TREND_LINES = 10;
const LINE_COLORS = ['#1d4ed8', '#b45309', '#15803d', '#7c3aed', '#be123c', '#0f766e', '#4d7c0f', '#c2410c', '#6d28d9', '#0369a1'];

/** What the table shows now: the last answer, the sort and the filter (kept across reloads and live refreshes). */
const state = { data: null, sort: 'commune', ascending: true, filter: '' };

export default {
  init(ctx) {
    $('ov-filter').replaceChildren(el('option', { value: '', text: 'Tất cả tình trạng' }),
      ...STATUS_SEVERITY.map((s) => el('option', { value: s, text: STATUS_LABELS[s] })));
    $('ov-filter').addEventListener('change', (e) => {
      state.filter = e.target.value;
      render(ctx);
    });
    for (const th of $('ov-table').tHead.rows[0].cells) {
      const key = th.dataset.sort;
      if (!key) continue;
      th.querySelector('button').addEventListener('click', () => {
        // a new column starts with what needs attention: names A→Z, statuses worst first, counts highest first
        state.ascending = state.sort === key ? !state.ascending : key === 'commune' || key === 'status';
        state.sort = key;
        render(ctx);
      });
    }
    $('ov-table').addEventListener('click', (e) => {
      const link = e.target.closest('[data-drill]');
      if (link && typeof ctx.selectUnit === 'function') ctx.selectUnit(link.dataset.drill);
    });
  },
  load
};

async function load(ctx) {
  const unitId = ctx.unitId;
  const year = ctx.year;
  $('ov-error').textContent = '';
  try {
    const data = await apiJson('/api/reports/units/' + encodeURIComponent(unitId) + '/overview?year=' + year);
    if (unitId !== ctx.unitId || year !== ctx.year) return;
    state.data = data || {};
    render(ctx);
  } catch (e) {
    if (unitId === ctx.unitId && !isUnauthorized(e)) $('ov-error').textContent = describeError(e);
  }
}

/** One row per commune target; a commune without targets keeps one row so the list of communes is complete. */
function rowsOf(data) {
  const rows = [];
  for (const commune of data.communes || []) {
    const targets = commune.targets || [];
    if (targets.length === 0) {
      rows.push({ commune, target: null, status: null });
      continue;
    }
    for (const target of targets) {
      const current = target.current || {};
      const periods = target.periods || [];
      rows.push({
        commune, target, current, status: current.status,
        met: periods.filter((p) => p.status === 'MET').length,
        missed: periods.filter((p) => p.status === 'MISSED').length
      });
    }
  }
  return rows;
}

const SORTS = {
  commune: (a, b) => communeName(a).localeCompare(communeName(b), 'vi')
    || String(a.target && a.target.description).localeCompare(String(b.target && b.target.description), 'vi'),
  status: (a, b) => severity(a) - severity(b),
  progress: (a, b) => ratio(a) - ratio(b),
  month: (a, b) => count(a, 'countThisMonth') - count(b, 'countThisMonth'),
  year: (a, b) => count(a, 'countThisYear') - count(b, 'countThisYear'),
  missed: (a, b) => (a.missed ?? -1) - (b.missed ?? -1) || (b.met ?? -1) - (a.met ?? -1)
};
const communeName = (row) => row.commune.name || row.commune.unitId;
const severity = (row) => (row.status ? STATUS_SEVERITY.indexOf(row.status) : STATUS_SEVERITY.length);
const ratio = (row) => (row.current && row.current.minimum ? row.current.count / row.current.minimum : -1);
const count = (row, key) => (row.target ? Number(row.target[key] || 0) : -1);

function sorted(rows) {
  const compare = SORTS[state.sort] || SORTS.commune;
  const direction = state.ascending ? 1 : -1;
  // ties keep the communes in name order, whatever the direction
  return rows.slice().sort((a, b) => direction * compare(a, b) || SORTS.commune(a, b));
}

function render(ctx) {
  const data = state.data || {};
  const all = rowsOf(data);
  const targetRows = all.filter((r) => r.target);
  const communes = data.communes || [];
  const hasTargets = targetRows.length > 0;
  $('ov-asof').textContent = [data.name, data.asOf ? 'số liệu tính đến ngày ' + formatDate(data.asOf) : null]
    .filter(Boolean).join(', ');
  // summary, filter and charts only when there are targets: never figures above an empty state
  const summary = data.summary || {};
  // the current period of each target, then the periods met and missed so far this year (not only the current one)
  $('ov-summary').replaceChildren(...(hasTargets ? [
    ...STATUS_ORDER.filter((s) => summary[s]).map((s) =>
      el('span', { class: 'summary-item' }, light(s), badge(s, (data.statusLabels || {})[s]), ' ' + summary[s])),
    el('span', { class: 'summary-item so-far', id: 'ov-so-far' },
      `Từ đầu năm đến nay: Đạt ${data.metPeriods ?? 0} kỳ · Không đạt ${data.missedPeriods ?? 0} kỳ`)] : []));
  $('ov-tools').hidden = !hasTargets;
  $('ov-trends').hidden = !hasTargets;

  const shown = sorted(state.filter ? targetRows.filter((r) => r.status === state.filter) : all);
  $('ov-table').tBodies[0].replaceChildren(...shown.map((r) => row(r, data, ctx)));
  $('ov-table').hidden = shown.length === 0;
  showSort();

  const empty = $('ov-empty');
  if (communes.length === 0) {
    empty.textContent = 'Chưa có xã, phường nào trong phạm vi theo dõi của bạn.';
  } else if (!hasTargets) {
    empty.textContent = `Chưa có chỉ tiêu nào cho các xã, phường trong năm ${data.year || ctx.year}.`;
  } else if (shown.length === 0) {
    empty.textContent = `Không có chỉ tiêu nào đang ở tình trạng “${STATUS_LABELS[state.filter]}”.`;
  } else {
    empty.textContent = '';
  }
  empty.hidden = !empty.textContent;
  $('ov-shown').textContent = hasTargets
    ? `Đang hiển thị ${shown.filter((r) => r.target).length} / ${targetRows.length} chỉ tiêu của ${communes.length} xã, phường.` : '';
  if (hasTargets) renderCharts(data, shown.filter((r) => r.target));
}

function light(status) {
  return el('span', { class: `light light-${(status || 'none').toLowerCase()}`, 'aria-hidden': 'true' });
}

function badge(status, label) {
  return el('span', { class: `badge status-${(status || 'none').toLowerCase()}`, text: label || STATUS_LABELS[status] || status || '—' });
}

function row(r, data, ctx) {
  const drillable = ctx.units.some((u) => u.unitId === r.commune.unitId);
  const name = drillable
    ? el('button', { type: 'button', class: 'link', 'data-drill': r.commune.unitId, text: r.commune.name || r.commune.unitId,
      'aria-label': `Mở trang của ${r.commune.name || r.commune.unitId}` })
    : el('span', { text: r.commune.name || r.commune.unitId });
  const communeCell = el('td', { 'data-label': 'Xã, phường' }, name,
    el('span', { class: 'muted small block commune-so-far',
      text: `Từ đầu năm: đạt ${r.commune.metPeriods ?? 0} kỳ, không đạt ${r.commune.missedPeriods ?? 0} kỳ` }));
  if (!r.target) {
    return el('tr', { 'data-commune-id': r.commune.unitId, class: 'no-targets' }, communeCell,
      el('td', { 'data-label': 'Chỉ tiêu', colspan: '6', class: 'muted', text: 'Chưa có chỉ tiêu trong năm.' }));
  }
  const t = r.target;
  const c = r.current;
  const statusLabel = c.statusLabel || (data.statusLabels || {})[c.status] || STATUS_LABELS[c.status] || '—';
  return el('tr', { 'data-commune-id': r.commune.unitId, 'data-plan-id': t.planId, 'data-target-id': t.targetId, 'data-status': c.status || '' },
    communeCell,
    el('td', { 'data-label': 'Chỉ tiêu' }, el('div', {}, el('span', { text: t.description || t.targetId }),
      el('span', { class: 'muted small', text: [t.periodKindLabel, t.planNumber ? 'KH ' + t.planNumber : t.planTitle].filter(Boolean).join(' · ') }))),
    el('td', { 'data-label': 'Tình trạng kỳ hiện tại', class: 'status-cell' },
      el('span', { class: 'traffic' }, light(c.status), badge(c.status, statusLabel)),
      el('span', { class: 'muted small block', text: c.label || '' })),
    el('td', { 'data-label': 'Kỳ hiện tại: đã thực hiện / tối thiểu', class: 'count', 'data-col': 'progress', text: `${c.count ?? 0}/${c.minimum ?? t.minimum}` }),
    el('td', { 'data-label': 'Tháng này', class: 'count', 'data-col': 'month', text: String(t.countThisMonth ?? 0) }),
    el('td', { 'data-label': 'Năm nay', class: 'count', 'data-col': 'year', text: String(t.countThisYear ?? 0) }),
    el('td', { 'data-label': 'Số kỳ đạt / không đạt', class: 'count', 'data-col': 'periods', text: `${r.met} / ${r.missed}` }));
}

function showSort() {
  for (const th of $('ov-table').tHead.rows[0].cells) {
    if (!th.dataset.sort) continue;
    const active = th.dataset.sort === state.sort;
    if (active) th.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
    th.classList.toggle('sorted', active);
    th.classList.toggle('descending', active && !state.ascending);
  }
}

// ---------- charts of the year

function renderCharts(data, rows) {
  const box = $('ov-charts');
  let status = $('ov-trend-status');
  let targets = $('ov-trend-targets');
  if (!status || !targets) {
    const a = chartFigure('ov-trend-status', 'Số chỉ tiêu theo tình trạng vào cuối mỗi tháng');
    const b = chartFigure('ov-trend-targets', 'Số tin, bài theo tháng của từng chỉ tiêu (theo bộ lọc và thứ tự đang chọn)');
    box.replaceChildren(a.figure, b.figure);
    status = a.canvas;
    targets = b.canvas;
  }
  const trend = data.trend || [];
  const statuses = STATUS_ORDER.filter((s) => s !== 'NOT_STARTED' && trend.some((p) => (p.summary || {})[s]));
  const words = trend.map((p) => `${p.label}: ` + statuses.map((s) => `${STATUS_LABELS[s]} ${(p.summary || {})[s] || 0}`).join(', ')).join('; ');
  drawChart(status, {
    type: 'bar',
    data: {
      labels: trend.map((p) => shortMonth(Number(String(p.month).slice(5, 7)))),
      datasets: statuses.map((s) => ({ label: STATUS_LABELS[s], data: trend.map((p) => (p.summary || {})[s] || 0), backgroundColor: STATUS_COLORS[s] }))
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } } }
  }, 'Biểu đồ số chỉ tiêu theo tình trạng vào cuối mỗi tháng. ' + words).catch(chartFailed);

  const lines = rows.slice(0, MAX_TREND_LINES);
  const months = Math.max(1, trend.length);
  drawChart(targets, {
    type: 'line',
    data: {
      labels: Array.from({ length: 12 }, (_, i) => shortMonth(i + 1)),
      datasets: lines.map((r, i) => ({
        label: `${r.commune.name} — ${shorten(r.target.description)}`,
        data: (r.target.monthly || []).map((n, m) => (m < months ? n : null)),
        borderColor: LINE_COLORS[i % LINE_COLORS.length], backgroundColor: LINE_COLORS[i % LINE_COLORS.length], tension: 0.2
      }))
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } }
  }, 'Biểu đồ số tin, bài theo tháng của từng chỉ tiêu. ' + lines.map((r) =>
    `${r.commune.name}, ${r.target.description}: ` + (r.target.monthly || []).slice(0, months).map((n, m) => `${shortMonth(m + 1)} ${n}`).join(', ')).join('; '))
    .catch(chartFailed);
}

function shorten(text) {
  const s = String(text || '');
  return s.length > 48 ? s.slice(0, 47) + '…' : s;
}

function chartFailed(e) {
  $('ov-error').textContent = e.message;
}
