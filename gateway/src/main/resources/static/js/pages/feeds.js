// Nguồn tin tự động (RSS): the feed subscriptions of the selected unit and the units beneath it, with their last poll
// (time, result or error, items found); add one (field errors under the fields), pause / resume, poll now, remove
// (confirmed). /api/publications/feeds… Written for both shapes of the API: with status, lastPoll and
// …/pause, …/resume, or the older one (active, lastPolledAt, lastError, entriesRecorded; DELETE stops polling).

import { api, apiJson, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx, unitName, unitOptions } from '../core/context.js';
import { $, el, options } from '../core/dom.js';
import { clearErrors } from '../core/forms.js';
import { CHANNELS, FEED_CHANNELS, FEED_STATUS_LABELS } from '../core/labels.js';
import { canWrite, formatStamp, isViewShown, isWriter, pubsMessage, showFieldErrors } from './publication-common.js';

/** The subscriptions shown, by id. */
const feeds = new Map();
/** The id of the subscription whose removal waits for its confirmation. */
let confirmingRemoval = null;

export default {
  tab: 'publications',
  init() {
    options($('feed-channel'), FEED_CHANNELS, 'WEBSITE');
    $('feed-form').addEventListener('submit', (e) => { e.preventDefault(); subscribe(); });
    $('feeds-table').addEventListener('click', (e) => {
      const button = e.target.closest('[data-feed-action]');
      if (button) act(button.dataset.feedAction, button.dataset.feedId);
    });
    document.querySelector('#publications .subtab[data-view="pubs-feeds-view"]').addEventListener('click', () => load(ctx));
  },
  signedIn() {
    $('feed-unitId').replaceChildren(...unitOptions());
    $('feed-form').hidden = !isWriter();
  },
  unitChanged(c) {
    $('feed-unitId').value = c.unitId;
    if (isViewShown('pubs-feeds-view')) load(c);
  },
  show(c) {
    if (!$('pubs-feeds-view').hidden) load(c);
  },
  refresh(c) {
    if (isViewShown('pubs-feeds-view')) load(c);
  }
};

/** ACTIVE or PAUSED, from either shape. */
const statusOf = (f) => f.status || (f.active === false ? 'PAUSED' : 'ACTIVE');

/** The last poll, from either shape: {at, outcome, entries, recorded, duplicates, rejected, error}, or null. */
function lastPollOf(f) {
  if (f.lastPoll) return f.lastPoll;
  if (!f.lastPolledAt) return null;
  return { at: f.lastPolledAt, outcome: f.lastError ? 'FAILED' : 'OK', error: f.lastError };
}

async function load(c) {
  const unitId = c.unitId;
  try {
    const list = await apiJson('/api/publications/feeds?unit=' + encodeURIComponent(unitId));
    if (unitId !== c.unitId) return;
    render(Array.isArray(list) ? list : (list && list.items) || []);
  } catch (e) {
    if (unitId === c.unitId && !isUnauthorized(e)) pubsMessage(describeError(e), true);
  }
}

function pollText(poll) {
  if (!poll) return el('span', { class: 'muted', text: 'Chưa lấy tin lần nào' });
  const when = formatStamp(poll.at);
  if (poll.outcome === 'FAILED' || poll.error) {
    return el('span', { class: 'feed-error' }, el('span', { class: 'badge feed-failed', text: 'Lỗi' }), ` ${when}: ${poll.error || 'không đọc được nguồn tin'}`);
  }
  const counts = Number.isFinite(poll.entries)
    ? `: ${poll.entries} mục, ghi nhận mới ${poll.recorded ?? 0}, đã có ${poll.duplicates ?? 0}${poll.rejected ? `, bỏ qua ${poll.rejected}` : ''}`
    : '';
  return el('span', {}, el('span', { class: 'badge feed-ok', text: 'Thành công' }), ` ${when}${counts}`);
}

function render(list) {
  feeds.clear();
  for (const f of list) feeds.set(f.id, f);
  $('feeds-table').tBodies[0].replaceChildren(...list.map((f) => {
    const status = statusOf(f);
    const poll = lastPollOf(f);
    const actions = [];
    if (canWrite(f.unitId)) {
      actions.push(el('button', { type: 'button', class: 'secondary small-button', 'data-feed-action': 'poll', 'data-feed-id': f.id, text: 'Lấy tin ngay' }),
        status === 'PAUSED'
          ? el('button', { type: 'button', class: 'secondary small-button', 'data-feed-action': 'resume', 'data-feed-id': f.id, text: 'Tiếp tục' })
          : el('button', { type: 'button', class: 'secondary small-button', 'data-feed-action': 'pause', 'data-feed-id': f.id, text: 'Tạm dừng' }),
        confirmingRemoval === f.id
          ? el('button', { type: 'button', class: 'small-button', 'data-feed-action': 'remove-confirmed', 'data-feed-id': f.id, text: 'Xác nhận xóa' })
          : el('button', { type: 'button', class: 'secondary small-button', 'data-feed-action': 'remove', 'data-feed-id': f.id, text: 'Xóa' }));
      if (confirmingRemoval === f.id) {
        actions.push(el('button', { type: 'button', class: 'secondary small-button', 'data-feed-action': 'keep', 'data-feed-id': f.id, text: 'Không xóa' }));
      }
    }
    const found = poll && Number.isFinite(poll.entries) ? poll.entries : (f.entriesRecorded ?? 0);
    return el('tr', { 'data-feed-id': f.id, 'data-status': status },
      el('td', { 'data-label': 'Nguồn tin', class: 'break', text: f.feedUrl || f.url }),
      el('td', { 'data-label': 'Kênh', text: CHANNELS[f.channel] || f.channel }),
      el('td', { 'data-label': 'Đơn vị', text: unitName(f.unitId) }),
      el('td', { 'data-label': 'Trạng thái' },
        el('span', { class: 'badge feed-' + status.toLowerCase(), text: FEED_STATUS_LABELS[status] || status })),
      el('td', { 'data-label': 'Lần lấy tin gần nhất', class: 'feed-poll' }, pollText(poll)),
      el('td', { 'data-label': 'Số tin', class: 'count', title: 'Số mục tìm thấy ở lần lấy tin gần nhất', text: String(found) }),
      el('td', { 'data-label': 'Thao tác' }, actions.length ? el('div', { class: 'row-actions' }, ...actions) : null));
  }));
  $('feeds-empty').hidden = list.length > 0;
}

async function subscribe() {
  const form = $('feed-form');
  clearErrors(form);
  $('feed-form-error').textContent = '';
  const body = { unitId: $('feed-unitId').value, url: $('feed-url').value.trim(), channel: $('feed-channel').value };
  const button = $('feed-submit');
  button.disabled = true;
  try {
    const response = await api('/api/publications/feeds', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    const answer = await jsonOf(response);
    if (response.ok) {
      pubsMessage(response.status === 201 ? 'Đã thêm nguồn tin ' + body.url + '.' : 'Đơn vị đã theo dõi nguồn tin này; đã bật lại.');
      $('feed-url').value = '';
      await load(ctx);
    } else if (response.status === 400 && answer && Array.isArray(answer.errors) && answer.errors.length) {
      showFieldErrors(form, $('feed-form-error'), answer.errors);
    } else if (response.status === 403) {
      $('feed-form-error').textContent = 'Bạn không có quyền thêm nguồn tin cho đơn vị này.';
    } else {
      $('feed-form-error').textContent = describeError(new ApiError(response.status, answer));
    }
  } catch (e) {
    if (!isUnauthorized(e)) $('feed-form-error').textContent = describeError(e);
  } finally {
    button.disabled = false;
  }
}

/** POST to a path; a 404/405 (the older API has no such endpoint) answers false instead of failing. */
async function postIfSupported(path) {
  const response = await api(path, { method: 'POST' });
  if (response.status === 404 || response.status === 405) return false;
  if (!response.ok) throw new ApiError(response.status, await jsonOf(response));
  return true;
}

async function act(action, id) {
  const f = feeds.get(id);
  if (!f) return;
  const base = '/api/publications/feeds/' + encodeURIComponent(id);
  if (action === 'remove' || action === 'keep') {
    confirmingRemoval = action === 'remove' ? id : null;
    render([...feeds.values()]);
    const next = document.querySelector(`#feeds-table tr[data-feed-id="${CSS.escape(id)}"] [data-feed-action="${action === 'remove' ? 'remove-confirmed' : 'remove'}"]`);
    if (next) next.focus();
    if (action === 'remove') pubsMessage('Bấm “Xác nhận xóa” để xóa nguồn tin ' + (f.feedUrl || '') + '. Các tin bài đã ghi nhận từ nguồn này vẫn được giữ.');
    return;
  }
  try {
    if (action === 'poll') {
      pubsMessage('Đang lấy tin từ ' + f.feedUrl + '…');
      const result = await apiJson(base + '/poll', { method: 'POST' });
      pubsMessage(result && result.error
        ? 'Không lấy được tin: ' + result.error
        : `Đã lấy tin: ${result.entries ?? 0} mục, ghi nhận mới ${result.recorded ?? 0}, đã có ${result.duplicates ?? 0}` +
          `${result.rejected ? ', bỏ qua ' + result.rejected : ''}.`, Boolean(result && result.error));
      ctx.refreshFigures();
    } else if (action === 'pause') {
      // the older API stops polling with DELETE
      if (!(await postIfSupported(base + '/pause'))) await checked(api(base, { method: 'DELETE' }));
      pubsMessage('Đã tạm dừng nguồn tin ' + f.feedUrl + '.');
    } else if (action === 'resume') {
      // the older API resumes when the unit subscribes to the same feed again
      if (!(await postIfSupported(base + '/resume'))) {
        await apiJson('/api/publications/feeds', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ unitId: f.unitId, url: f.feedUrl, channel: f.channel })
        });
      }
      pubsMessage('Đã tiếp tục theo dõi nguồn tin ' + f.feedUrl + '.');
    } else if (action === 'remove-confirmed') {
      confirmingRemoval = null;
      await checked(api(base, { method: 'DELETE' }));
      pubsMessage('Đã xóa nguồn tin ' + f.feedUrl + '. Các tin bài đã ghi nhận từ nguồn này vẫn được giữ.');
    }
  } catch (e) {
    if (isUnauthorized(e)) return;
    pubsMessage(e instanceof ApiError && e.status === 403 ? 'Bạn không có quyền thay đổi nguồn tin của đơn vị này.' : describeError(e), true);
  }
  const message = $('pubs-message').textContent;
  const isError = $('pubs-message').classList.contains('error');
  await load(ctx);
  pubsMessage(message, isError);
}

async function checked(responsePromise) {
  const response = await responsePromise;
  if (!response.ok) throw new ApiError(response.status, await jsonOf(response));
  return response;
}

