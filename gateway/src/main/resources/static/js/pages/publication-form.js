// Ghi nhận tin bài: records one publication (POST /api/publications). The form checks everything it can before
// sending and shows every error at once next to its field; the service's 400 errors[] are shown the same way. Each
// submission carries an Idempotency-Key (the same for a retry of the same unchanged submission); a probable duplicate
// (409) is shown with the stored item and can be confirmed ("confirmDuplicate": true).

import { api, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { can, ctx, unitOptions } from '../core/context.js';
import { $, el } from '../core/dom.js';
import { clearErrors, fillSelect, firstInDocument, showError } from '../core/forms.js';
import { formatDateTime, parseDate, parseTime, vietnamInstant, vietnamNow } from '../core/format.js';
import {
  CHANNELS, CHANNELS_WITHOUT_OPERATOR, FIELD_LABELS, KINDS, ONLINE_CHANNELS, PUBLICATION_MESSAGES,
  PUBLICATION_STATUS_LABELS, RULE_MESSAGES
} from '../core/labels.js';

const PROBABLE_DUPLICATE = 'https://cchc.vn/problems/probable-duplicate';
/** The service accepts a time up to 10 minutes ahead (clocks drift); so does the form. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
/** The input of each field of the API (and of the form's own date and time parts). */
const INPUTS = {
  unitId: 'pub-unitId', channel: 'pub-channel', kind: 'pub-kind', title: 'pub-title', url: 'pub-url',
  publishedAt: 'pub-publishedDate', publishedDate: 'pub-publishedDate', publishedTime: 'pub-publishedTime',
  durationSeconds: 'pub-durationMinutes'
};

/** The last submission sent: its body (as JSON) and its Idempotency-Key, reused when the same body is sent again. */
let lastAttempt = null;

export default {
  tab: 'publication',
  init() {
    fillSelect($('pub-kind'), KINDS);
    const form = $('publication-form');
    $('pub-kind').addEventListener('change', updateDependentFields);
    $('pub-channel').addEventListener('change', updateDependentFields);
    $('pub-unitId').addEventListener('change', fillChannels);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(false);
    });
    // any change makes a new submission: a new Idempotency-Key, and a duplicate warning no longer applies
    for (const type of ['input', 'change']) {
      form.addEventListener(type, () => {
        lastAttempt = null;
        $('pub-duplicate').hidden = true;
      });
    }
    $('pub-duplicate-confirm').addEventListener('click', () => submit(true));
    $('pub-duplicate-cancel').addEventListener('click', () => {
      $('pub-duplicate').hidden = true;
      showResult('Chưa ghi nhận tin, bài này.');
    });
    resetTime();
  },
  signedIn() {
    // a role that may not record publications (VIEWER) sees neither the tab nor the form
    const allowed = can('RECORD_PUBLICATIONS');
    $('tab-publication').hidden = !allowed;
    $('publication-form').hidden = !allowed;
    $('publication-denied').hidden = allowed;
    $('pub-unitId').replaceChildren(...unitOptions());
    fillChannels();
  },
  unitChanged() {
    if ($('pub-unitId').value !== ctx.unitId) {
      $('pub-unitId').value = ctx.unitId;
      fillChannels();
    }
  }
};

function resetTime() {
  const now = vietnamNow();
  $('pub-publishedDate').value = now.date;
  $('pub-publishedTime').value = now.time;
}

/**
 * The channels the unit may record on, as publication-service checks them: those that need no operator, and those
 * the unit or a unit above it operates (loudspeakers also through the radio). Units above the user's own scope cannot
 * be read, so channels only they operate are not offered.
 */
export function channelsFor(unitId) {
  const operated = new Set();
  const seen = new Set();
  for (let id = unitId; id && !seen.has(id);) {
    seen.add(id);
    const unit = ctx.units.find((u) => u.unitId === id);
    if (unit && unit.status !== 'RETIRED') {
      for (const c of unit.channels || []) operated.add(typeof c === 'string' ? c : c && c.channel);
    }
    id = (unit && unit.parentId) || (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : null);
  }
  return Object.keys(CHANNELS).filter((code) => CHANNELS_WITHOUT_OPERATOR.includes(code) || operated.has(code)
    || (code === 'LOUDSPEAKER' && operated.has('RADIO')));
}

function fillChannels() {
  const select = $('pub-channel');
  const previous = select.value;
  const codes = channelsFor($('pub-unitId').value);
  fillSelect(select, Object.fromEntries(codes.map((code) => [code, CHANNELS[code]])));
  if (codes.includes(previous)) select.value = previous;
  updateDependentFields();
}

function updateDependentFields() {
  const broadcast = $('pub-kind').value === 'BROADCAST';
  $('duration-field').hidden = !broadcast;
  $('pub-durationMinutes').required = broadcast;
  const online = ONLINE_CHANNELS.includes($('pub-channel').value);
  $('pub-url').required = online;
  $('pub-url-required').hidden = !online;
}

function message(field, rule, fallback) {
  return PUBLICATION_MESSAGES[`${field}:${rule}`] || RULE_MESSAGES[rule] || fallback || 'Giá trị không hợp lệ.';
}

function isHttpUrl(text) {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch (e) {
    return false;
  }
}

/** The request body, or the form's own errors ({field, rule}) when something is missing or wrong. */
function readForm() {
  const errors = [];
  const fail = (field, rule) => errors.push({ field, rule });
  const unitId = $('pub-unitId').value;
  const channel = $('pub-channel').value;
  const kind = $('pub-kind').value;
  const title = $('pub-title').value.trim();
  const url = $('pub-url').value.trim();
  if (!unitId) fail('unitId', 'required');
  if (!channel) fail('channel', 'required');
  else if (!channelsFor(unitId).includes(channel)) fail('channel', 'channel-not-operated');
  if (!kind) fail('kind', 'required');
  if (!title) fail('title', 'not-blank');
  if (!url && ONLINE_CHANNELS.includes(channel)) fail('url', 'required');
  else if (url && !isHttpUrl(url)) fail('url', 'http-url');
  const dateText = $('pub-publishedDate').value.trim();
  const timeText = $('pub-publishedTime').value.trim();
  const date = parseDate(dateText);
  const time = parseTime(timeText);
  if (!dateText) fail('publishedDate', 'required');
  else if (!date) fail('publishedDate', 'format');
  if (!timeText) fail('publishedTime', 'required');
  else if (!time) fail('publishedTime', 'format');
  const publishedAt = date && time ? vietnamInstant(date, time) : null;
  if (publishedAt && Date.parse(publishedAt) > Date.now() + FUTURE_TOLERANCE_MS) fail('publishedAt', 'not-in-future');
  const body = { unitId, channel, kind, title, url: url || null, publishedAt };
  if (kind === 'BROADCAST') {
    const minutesText = $('pub-durationMinutes').value.trim();
    const minutes = Number(minutesText);
    if (!minutesText) fail('durationSeconds', 'required');
    else if (!/^\d+$/.test(minutesText) || minutes < 1) fail('durationSeconds', 'positive');
    body.durationSeconds = minutes * 60;
  }
  return { body, errors };
}

/** Shows errors ({field, rule, message?}) next to their fields; returns the inputs marked, to focus the first. */
function showFieldErrors(errors) {
  const inputs = [];
  for (const error of errors) {
    const key = String(error.field || '').split(/[.[]/)[0];
    const text = message(key, error.rule, error.message);
    const input = INPUTS[key] ? $(INPUTS[key]) : null;
    if (!input) {
      const formBox = $('pub-form-error');
      formBox.textContent = (formBox.textContent ? formBox.textContent + ' ' : '') +
        (FIELD_LABELS[key] ? FIELD_LABELS[key] + ': ' : '') + text;
      continue;
    }
    showError(input, $(input.id + '-error'), text);
    // a time in the future: both parts of the time are in question
    if (key === 'publishedAt') {
      $('pub-publishedTime').setAttribute('aria-invalid', 'true');
      $('pub-publishedTime').setAttribute('aria-describedby', 'pub-publishedAt-hint pub-publishedDate-error');
    }
    inputs.push(input);
  }
  return inputs;
}

function showResult(text) {
  const box = $('pub-result');
  box.textContent = text;
  box.focus();
}

async function submit(confirmDuplicate) {
  const form = $('publication-form');
  clearErrors(form);
  $('pub-result').textContent = '';
  $('pub-duplicate').hidden = true;
  const { body, errors } = readForm();
  if (errors.length) {
    const first = firstInDocument(showFieldErrors(errors));
    if (first) first.focus();
    return;
  }
  if (confirmDuplicate) body.confirmDuplicate = true;
  const fingerprint = JSON.stringify(body);
  if (!lastAttempt || lastAttempt.fingerprint !== fingerprint) lastAttempt = { fingerprint, key: crypto.randomUUID() };
  const button = $('pub-submit');
  button.disabled = true;
  try {
    const response = await api('/api/publications', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': lastAttempt.key },
      body: JSON.stringify(body)
    });
    const answer = await jsonOf(response);
    if (response.ok) {
      lastAttempt = null;
      const when = formatDateTime(body.publishedAt);
      if (response.status === 201) {
        $('pub-title').value = '';
        $('pub-url').value = '';
        $('pub-durationMinutes').value = '';
        showResult(`Đã ghi nhận tin bài “${body.title}” (${when}).`);
      } else {
        showResult(`Tin bài “${body.title}” (${when}) đã được ghi nhận trước đó, không ghi thêm.`);
      }
    } else if (response.status === 409 && answer && answer.type === PROBABLE_DUPLICATE) {
      showDuplicate(answer.duplicateOf || {});
    } else if (response.status === 409) {
      lastAttempt = null;
      $('pub-form-error').textContent = 'Mã gửi của yêu cầu này đã dùng cho một tin, bài khác; hãy bấm Ghi nhận lần nữa.';
    } else if (response.status === 400 && answer && Array.isArray(answer.errors) && answer.errors.length) {
      const first = firstInDocument(showFieldErrors(answer.errors));
      if (first) first.focus();
    } else {
      $('pub-form-error').textContent = describeError(new ApiError(response.status, answer));
    }
  } catch (e) {
    // a lost answer: sending again uses the same Idempotency-Key, so the item is never recorded twice
    if (!isUnauthorized(e)) $('pub-form-error').textContent = describeError(e);
  } finally {
    button.disabled = false;
  }
}

function showDuplicate(item) {
  const parts = [CHANNELS[item.channel] || item.channel, KINDS[item.kind] || item.kind, formatDateTime(item.publishedAt),
    PUBLICATION_STATUS_LABELS[item.status] || item.status].filter(Boolean);
  $('pub-duplicate-item').replaceChildren(el('strong', { text: `“${item.title || ''}”` }), ' — ' + parts.join(', '));
  $('pub-duplicate-item').dataset.publicationId = item.id || '';
  const box = $('pub-duplicate');
  box.hidden = false;
  box.focus();
}
