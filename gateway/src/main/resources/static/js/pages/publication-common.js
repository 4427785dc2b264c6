// What the publications list, its detail page, the spreadsheet import and the feeds share: the sub-views of the
// "Tin bài đã ghi nhận" tab, who may act on a unit, times in Vietnam time, dd/MM/yyyy input and field errors.

import { can, ctx } from '../core/context.js';
import { $ } from '../core/dom.js';
import { showError } from '../core/forms.js';
import { formatDateTime, parseDate, parseTime, vietnamInstant } from '../core/format.js';
import { PUBLICATION_FIELD_LABELS, PUBLICATION_RULE_MESSAGES } from '../core/labels.js';

const VIEWS = ['pubs-list-view', 'pubs-detail-view', 'pubs-import-view', 'pubs-feeds-view'];
/** The sub-tab button that stands for each view (the detail page belongs to the list). */
const VIEW_BUTTON = { 'pubs-detail-view': 'pubs-list-view' };

/** Shows one view of the tab; the others are hidden. */
export function showView(id) {
  for (const view of VIEWS) $(view).hidden = view !== id;
  const pressed = VIEW_BUTTON[id] || id;
  for (const button of document.querySelectorAll('#publications .subtab')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === pressed));
  }
  $('pubs-message').textContent = '';
  $('pubs-message').classList.remove('error');
}

export const isViewShown = (id) => ctx.tab === 'publications' && !$(id).hidden;

/** May the signed-in user record, correct, retract, import or manage feeds for {@code unitId}? (The API decides.) */
export function canWrite(unitId) {
  if (!can('RECORD_PUBLICATIONS')) return false;
  const scopes = Array.isArray((ctx.claims || {}).units) ? ctx.claims.units : [];
  return !unitId || scopes.some((s) => unitId === s || String(unitId).startsWith(s + '.'));
}

/** Does the user act on anything at all (false for a viewer): decides whether action forms are shown. */
export const isWriter = () => canWrite(null);

/** An instant as "dd/MM/yyyy HH:mm" in Vietnam time (core/format.js). */
export const formatStamp = (iso) => (iso ? formatDateTime(iso) : '');

/** "dd/mm/yyyy" → "yyyy-MM-dd"; '' for empty, null when it is not a real date (core/format.js parseDate). */
export function parseDay(text) {
  const value = String(text || '').trim();
  return value ? parseDate(value) : '';
}

/** A date input and a time input (Vietnam time) → ISO with +07:00; '' when both are empty, null when invalid. */
export function parseStamp(dateText, timeText) {
  const date = String(dateText || '').trim();
  const time = String(timeText || '').trim();
  if (!date && !time) return '';
  const day = parseDate(date);
  const clock = parseTime(time);
  return day && clock ? vietnamInstant(day, clock) : null;
}

/** The Vietnamese message of a field error {field, rule, message}. */
export function ruleText(error) {
  return PUBLICATION_RULE_MESSAGES[error.rule] || error.message || 'Giá trị không hợp lệ.';
}

/** The Vietnamese name of an API field ("engagement.views" → "Lượt xem", "themes[1]" → "Chủ đề"). */
export function fieldName(field) {
  const f = String(field || '');
  return PUBLICATION_FIELD_LABELS[f] || PUBLICATION_FIELD_LABELS[f.split(/[.[]/)[0]] || f;
}

/**
 * Puts each error under the input of its field inside {@code form} (error lines carry data-error-for); errors
 * without a field line go to {@code formBox} with the field's name. Focuses the first invalid input.
 */
export function showFieldErrors(form, formBox, errors) {
  let first = null;
  for (const error of errors) {
    const key = String(error.field || '').split(/[.[]/)[0];
    const box = key ? form.querySelector(`[data-error-for="${CSS.escape(key)}"]`) : null;
    if (box) {
      const input = box.parentElement.querySelector('input, select, textarea');
      showError(input, box, ruleText(error));
      first = first || input;
    } else {
      const prefix = error.field ? fieldName(error.field) + ': ' : '';
      formBox.textContent = (formBox.textContent ? formBox.textContent + ' ' : '') + prefix + ruleText(error);
    }
  }
  if (first) first.focus();
}

/** Sets the tab's status line. */
export function pubsMessage(text, isError) {
  $('pubs-message').textContent = text || '';
  $('pubs-message').classList.toggle('error', Boolean(isError));
}
