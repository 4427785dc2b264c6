// Building the page: elements from data (text set with textContent, never parsed as markup, so nothing from the
// API can inject markup), the page-wide status line, ids for generated inputs.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

export function setMessage(text, isError) {
  const box = $('status-message');
  box.textContent = text || '';
  box.classList.toggle('error', Boolean(isError));
}

let idCounter = 0;
export const nextId = (prefix) => `${prefix}-${++idCounter}`;

export function options(select, map, selected, empty) {
  const list = empty !== undefined ? [el('option', { value: '', text: empty })] : [];
  for (const [value, text] of Object.entries(map)) list.push(el('option', { value, text }));
  select.replaceChildren(...list);
  if (Array.isArray(selected)) {
    for (const option of select.options) option.selected = selected.includes(option.value);
  } else {
    select.value = selected === null || selected === undefined ? '' : selected;
    if (selected && select.value !== selected) {
      select.append(el('option', { value: selected, text: selected }));
      select.value = selected;
    }
  }
  return select;
}

/** A field: label, input and the error line under it (the input gets an id when it has none). */
export function labelled(labelText, input, cls) {
  const id = input.id || nextId('f');
  input.id = id;
  const error = el('p', { class: 'field-error', id: id + '-error' });
  return el('div', { class: 'field ' + (cls || '') }, el('label', { for: id, text: labelText }), input, error);
}
