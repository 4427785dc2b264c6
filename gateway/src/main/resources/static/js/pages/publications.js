// Tin bài đã ghi nhận: the items recorded for the selected unit and the units beneath it (GET /api/publications),
// filtered by unit subtree, channel, kind, status and a period of Vietnam days, page by page with the total.
// Clicking a title opens its detail page (publication-detail.js).

import { apiJson, describeError, isUnauthorized } from '../core/api.js';
import { ctx, unitOptions } from '../core/context.js';
import { $, el, options } from '../core/dom.js';
import { clearErrors, INVALID_DATE, showError } from '../core/forms.js';
import { CHANNELS, KINDS, PUBLICATION_STATUS_LABELS } from '../core/labels.js';
import { openPublication } from './publication-detail.js';
import { formatStamp, isViewShown, parseDay, pubsMessage, showView } from './publication-common.js';

const PAGE_SIZE = 20;
let page = 0;
let pages = 1;

export default {
  tab: 'publications',
  init() {
    options($('pubs-f-channel'), CHANNELS, '', 'Tất cả các kênh');
    options($('pubs-f-kind'), KINDS, '', 'Tất cả các loại');
    options($('pubs-f-status'), PUBLICATION_STATUS_LABELS, '', 'Tất cả');
    for (const button of document.querySelectorAll('#publications .subtab')) {
      button.addEventListener('click', () => {
        showView(button.dataset.view);
        if (button.dataset.view === 'pubs-list-view') load(ctx);
      });
    }
    $('pubs-filter').addEventListener('submit', (e) => {
      e.preventDefault();
      page = 0;
      load(ctx);
    });
    $('pubs-f-reset').addEventListener('click', () => {
      for (const id of ['pubs-f-channel', 'pubs-f-kind', 'pubs-f-status', 'pubs-f-from', 'pubs-f-to']) $(id).value = '';
      $('pubs-f-unit').value = ctx.unitId;
      page = 0;
      load(ctx);
    });
    $('pubs-prev').addEventListener('click', () => { if (page > 0) { page--; load(ctx); } });
    $('pubs-next').addEventListener('click', () => { if (page + 1 < pages) { page++; load(ctx); } });
    $('pubs-table').addEventListener('click', (e) => {
      const link = e.target.closest('[data-open]');
      if (link) openPublication(link.dataset.open);
    });
    for (const back of document.querySelectorAll('#publications .pubs-back')) {
      back.addEventListener('click', () => { showView('pubs-list-view'); load(ctx); });
    }
  },
  signedIn() {
    $('pubs-f-unit').replaceChildren(...unitOptions());
  },
  unitChanged(c) {
    $('pubs-f-unit').value = c.unitId;
    page = 0;
    showView('pubs-list-view');
    if (c.tab === 'publications') load(c);
  },
  show(c) {
    if (!$('pubs-list-view').hidden) load(c);
  },
  refresh(c) {
    if (isViewShown('pubs-list-view')) load(c);
  }
};

/** The filter as query parameters, or null when a date is not dd/MM/yyyy (the error is shown under it). */
function query() {
  clearErrors($('pubs-filter'));
  const from = parseDay($('pubs-f-from').value);
  const to = parseDay($('pubs-f-to').value);
  let valid = true;
  for (const [value, id] of [[from, 'pubs-f-from'], [to, 'pubs-f-to']]) {
    if (value === null) {
      showError($(id), $(id + '-error'), INVALID_DATE);
      valid = false;
    }
  }
  if (valid && from && to && from > to) {
    showError($('pubs-f-to'), $('pubs-f-to-error'), '“Đến ngày” phải sau “Từ ngày”.');
    valid = false;
  }
  if (!valid) return null;
  const params = new URLSearchParams({ unit: $('pubs-f-unit').value || ctx.unitId, page: String(page), size: String(PAGE_SIZE) });
  for (const [key, id] of [['channel', 'pubs-f-channel'], ['kind', 'pubs-f-kind'], ['status', 'pubs-f-status']]) {
    if ($(id).value) params.set(key, $(id).value);
  }
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}

async function load(c) {
  const params = query();
  if (!params) return;
  const unitId = c.unitId;
  try {
    const answer = await apiJson('/api/publications?' + params.toString());
    if (unitId !== c.unitId) return;
    const items = Array.isArray(answer) ? answer : (answer && answer.items) || [];
    const total = answer && Number.isFinite(answer.total) ? answer.total : items.length;
    pages = answer && Number.isFinite(answer.totalPages) ? answer.totalPages : Math.max(1, Math.ceil(total / PAGE_SIZE));
    render(items, total);
  } catch (e) {
    if (unitId === c.unitId && !isUnauthorized(e)) pubsMessage(describeError(e), true);
  }
}

function render(items, total) {
  $('pubs-table').tBodies[0].replaceChildren(...items.map((p) => el('tr', { 'data-publication-id': p.id, 'data-status': p.status },
    el('td', { 'data-label': 'Thời gian', class: 'nowrap', text: formatStamp(p.publishedAt) }),
    el('td', { 'data-label': 'Tiêu đề' },
      el('button', { type: 'button', class: 'link', 'data-open': p.id, text: p.title || '(không có tiêu đề)' })),
    el('td', { 'data-label': 'Kênh', text: CHANNELS[p.channel] || p.channel }),
    el('td', { 'data-label': 'Loại', text: KINDS[p.kind] || p.kind }),
    el('td', { 'data-label': 'Trạng thái' },
      el('span', { class: 'badge pub-' + String(p.status || '').toLowerCase(), text: PUBLICATION_STATUS_LABELS[p.status] || p.status })))));
  $('pubs-empty').hidden = items.length > 0;
  $('pubs-total').textContent = `Tổng số: ${total} tin bài`;
  $('pubs-page').textContent = `Trang ${Math.min(page + 1, Math.max(pages, 1))}/${Math.max(pages, 1)}`;
  $('pubs-prev').disabled = page === 0;
  $('pubs-next').disabled = page + 1 >= pages;
}
