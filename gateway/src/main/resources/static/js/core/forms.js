// Field errors shown next to their inputs: the message in the field's error line, the input marked aria-invalid and
// described by that line, so a screen reader reads the error with the field.

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
    if (box.id) input.setAttribute('aria-describedby', box.id);
  }
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
