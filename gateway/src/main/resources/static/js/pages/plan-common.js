// What the three views of the Kế hoạch tab share (list and plan page: plans.js; form: plan-form.js; import review:
// plan-import.js): the tab's message line, switching its views, plan errors in Vietnamese.

import { ApiError, describeError } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { CONFLICT_MESSAGE, PLAN_STATUS_LABELS } from '../core/labels.js';

export const blankToNull = (v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());

export function planStatusBadge(status) {
  return el('span', { class: `badge plan-${String(status || '').toLowerCase()}`, text: PLAN_STATUS_LABELS[status] || status || '—' });
}

export function setPlansMessage(text, isError) {
  const box = $('plans-message');
  box.textContent = text || '';
  box.classList.toggle('error', Boolean(isError));
}

export function showPlansView(view) {
  for (const id of ['plans-list-view', 'plan-view', 'plan-form-view', 'import-view']) $(id).hidden = id !== view;
}

/** What went wrong with a change of a plan, in Vietnamese. */
export function planErrorText(e) {
  if (!(e instanceof ApiError)) return describeError(e);
  switch (e.status) {
    case 412: return CONFLICT_MESSAGE;
    case 428: return 'Thiếu phiên bản của kế hoạch (If-Match); hãy tải lại kế hoạch rồi thực hiện lại.';
    case 409: return 'Không thực hiện được với trạng thái hiện tại của kế hoạch (dự thảo chỉ có thể sửa hoặc ban hành; '
      + 'kế hoạch đã ban hành chỉ có thể sửa đổi hoặc kết thúc; kế hoạch đã kết thúc không thay đổi được nữa). Hãy tải lại kế hoạch.';
    case 403: return 'Bạn không có quyền thay đổi kế hoạch của đơn vị này.';
    case 404: return 'Không tìm thấy kế hoạch (có thể đã bị xóa hoặc bạn không có quyền xem).';
    case 400: return 'Dữ liệu chưa hợp lệ, xem các lỗi bên dưới.';
    default: return describeError(e);
  }
}

/** Shows an error in a box; a conflict gets a "Tải lại" button that runs {@code reload}. */
export function showErrorIn(box, e, reload) {
  box.replaceChildren(el('span', { text: planErrorText(e) }));
  if (e instanceof ApiError && (e.status === 412 || e.status === 409 || e.status === 428) && reload) {
    const button = el('button', { type: 'button', class: 'secondary inline', text: 'Tải lại' });
    button.addEventListener('click', reload);
    box.append(' ', button);
  }
}
