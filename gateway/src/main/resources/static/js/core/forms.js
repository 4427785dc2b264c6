// Forms: field errors shown next to their inputs (the message in the field's error line, the input marked
// aria-invalid and described by that line, so a screen reader reads the error with the field), and date inputs typed
// as dd/mm/yyyy whatever the browser's locale (the browser's own date picker follows the locale).

import { formatDate, parseDate } from './format.js';

export const DATE_HINT = 'dd/mm/yyyy';
export const INVALID_DATE = 'Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 02/03/2026.';

/** Clears every error line and aria-invalid mark inside {@code container}. */
export function clearErrors(container) {
  for (const box of container.querySelectorAll('.field-error')) box.textContent = '';
  for (const input of container.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** Adds {@code message} to the error line {@code box} and ties {@code input} (may be null) to it. */
export function showError(input, box, message) {
  box.textContent = box.textContent ? box.textContent + ' ' + message : message;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    if (box.id) {
      const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (!ids.includes(box.id)) input.setAttribute('aria-describedby', [...ids, box.id].join(' '));
    }
  }
}

/** The first of {@code inputs} in document order (to move the focus to the first error). */
export function firstInDocument(inputs) {
  return inputs.filter(Boolean).sort((a, b) =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0] || null;
}

/** The options of a select from a {value: label} map. */
export function fillSelect(select, map) {
  select.replaceChildren(...Object.entries(map).map(([value, text]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    return option;
  }));
}

/** Makes {@code input} a date input typed as dd/mm/yyyy, showing {@code isoDate} (yyyy-MM-dd) when given. */
export function makeDateInput(input, isoDate) {
  input.type = 'text';
  input.placeholder = DATE_HINT;
  input.autocomplete = 'off';
  input.maxLength = 10;
  input.dataset.date = '';
  if (isoDate !== undefined) input.value = isoDate ? formatDate(isoDate) : '';
  return input;
}

/** The yyyy-MM-dd of a date input: null when empty, undefined when it is not a real date. */
export function readDate(input) {
  const text = input.value.trim();
  if (!text) return null;
  return parseDate(text) || undefined;
}
