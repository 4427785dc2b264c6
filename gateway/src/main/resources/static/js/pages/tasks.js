// Nhiệm vụ: the unit's tasks of the selected year, by due date.

import { apiJson, describeError, isUnauthorized } from '../core/api.js';
import { $, el, setMessage } from '../core/dom.js';
import { formatDate } from '../core/format.js';
import { TASK_STATUS_LABELS } from '../core/labels.js';

export default {
  tab: 'tasks',
  show: (ctx) => load(ctx),
  unitChanged: (ctx) => load(ctx),
  refresh: (ctx) => load(ctx)
};

async function load(ctx) {
  const unitId = ctx.unitId;
  try {
    const tasks = await apiJson('/api/tasks?unit=' + encodeURIComponent(unitId));
    if (unitId !== ctx.unitId) return;
    const year = ctx.year;
    const list = (Array.isArray(tasks) ? tasks : (tasks && tasks.items) || []).filter((t) => taskInYear(t, year));
    list.sort((a, b) => String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999')));
    $('tasks-table').tBodies[0].replaceChildren(...list.map((t) => el('tr', { 'data-task-id': t.id, 'data-plan-id': t.planId },
      el('td', { 'data-label': 'Nhiệm vụ', text: t.title }),
      el('td', { 'data-label': 'Thời hạn',
        text: t.dueDate ? formatDate(t.dueDate) : ((t.timeFrame && t.timeFrame.text) || 'Chưa xác định') }),
      el('td', { 'data-label': 'Trạng thái' },
        el('span', { class: `badge task-${String(t.status || '').toLowerCase()}`, text: TASK_STATUS_LABELS[t.status] || t.status })),
      el('td', { 'data-label': 'Tài liệu kiểm chứng', class: 'count', text: String((t.evidence || []).length) }))));
    $('tasks-empty').hidden = list.length > 0;
  } catch (e) {
    if (unitId === ctx.unitId && !isUnauthorized(e)) setMessage(describeError(e), true);
  }
}

/** A task belongs to the selected year unless its due date or time frame says another year. */
function taskInYear(t, year) {
  if (t.dueDate) return Number(String(t.dueDate).slice(0, 4)) === year;
  const tf = t.timeFrame || {};
  if (tf.year) return Number(tf.year) === year;
  if (tf.date) return Number(String(tf.date).slice(0, 4)) === year;
  return true;
}
