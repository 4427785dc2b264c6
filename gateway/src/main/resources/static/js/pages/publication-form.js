// Ghi nhận tin bài: records one publication (POST /api/publications); the service's field errors are shown under
// their fields in Vietnamese.

import { api, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx, unitOptions } from '../core/context.js';
import { $ } from '../core/dom.js';
import { clearErrors, fillSelect, showError } from '../core/forms.js';
import { vietnamNow } from '../core/format.js';
import { CHANNELS, FIELD_LABELS, KINDS, ONLINE_CHANNELS, RULE_MESSAGES } from '../core/labels.js';

export default {
  tab: 'publication',
  init() {
    fillSelect($('pub-channel'), CHANNELS);
    fillSelect($('pub-kind'), KINDS);
    $('pub-publishedAt').value = vietnamNow();
    updateDurationField();
    $('pub-kind').addEventListener('change', updateDurationField);
    $('pub-channel').addEventListener('change', updateDurationField);
    $('publication-form').addEventListener('submit', submit);
  },
  signedIn() {
    $('pub-unitId').replaceChildren(...unitOptions());
  },
  unitChanged() {
    $('pub-unitId').value = ctx.unitId;
  }
};

function updateDurationField() {
  const broadcast = $('pub-kind').value === 'BROADCAST';
  $('duration-field').hidden = !broadcast;
  $('pub-durationMinutes').required = broadcast;
  $('pub-url').required = ONLINE_CHANNELS.includes($('pub-channel').value);
}

function showFieldError(field, message) {
  const key = String(field || '').split(/[.[]/)[0];
  const box = document.querySelector(`#publication-form [data-error-for="${CSS.escape(key)}"]`);
  if (!box) {
    const formBox = $('pub-form-error');
    formBox.textContent = (formBox.textContent ? formBox.textContent + ' ' : '') +
      (FIELD_LABELS[key] ? FIELD_LABELS[key] + ': ' : '') + message;
    return;
  }
  showError(box.parentElement.querySelector('input, select'), box, message);
}

async function submit(event) {
  event.preventDefault();
  clearErrors($('publication-form'));
  $('pub-result').textContent = '';
  const kind = $('pub-kind').value;
  const local = $('pub-publishedAt').value;
  const body = {
    unitId: $('pub-unitId').value,
    channel: $('pub-channel').value,
    kind,
    title: $('pub-title').value.trim(),
    url: $('pub-url').value.trim() || null,
    // the form's time is Vietnam time whatever the device's zone
    publishedAt: local ? (local.length === 16 ? local + ':00' : local) + '+07:00' : null
  };
  if (kind === 'BROADCAST') {
    const minutes = Number($('pub-durationMinutes').value);
    body.durationSeconds = minutes > 0 ? Math.round(minutes * 60) : null;
  }
  const button = $('pub-submit');
  button.disabled = true;
  try {
    const response = await api('/api/publications', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    const answer = await jsonOf(response);
    if (response.status === 201) {
      $('pub-result').textContent = 'Đã ghi nhận tin bài “' + body.title + '”.';
      $('pub-title').value = '';
      $('pub-url').value = '';
    } else if (response.ok) {
      $('pub-result').textContent = 'Tin bài này đã được ghi nhận trước đó, không ghi thêm.';
    } else if (response.status === 400 && answer && Array.isArray(answer.errors) && answer.errors.length) {
      for (const error of answer.errors) {
        showFieldError(error.field, RULE_MESSAGES[error.rule] || error.message || 'Giá trị không hợp lệ.');
      }
    } else {
      $('pub-form-error').textContent = describeError(new ApiError(response.status, answer));
    }
  } catch (e) {
    if (!isUnauthorized(e)) $('pub-form-error').textContent = describeError(e);
  } finally {
    button.disabled = false;
  }
}
