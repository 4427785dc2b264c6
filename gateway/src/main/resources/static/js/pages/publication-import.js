// Nhập từ bảng tính: the template (fetched with the token, saved as a file), then an upload checked first as a dry
// run (every row with its outcome and all its errors, nothing stored); Ghi nhận sends the same file for real and
// shows each row's result; Hủy forgets it. POST /api/publications/import?unitId=…&dryRun=true|false (multipart).

import { api, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx } from '../core/context.js';
import { $, el } from '../core/dom.js';
import { IMPORT_ROW_STATUS_LABELS } from '../core/labels.js';
import { fieldName, isWriter, pubsMessage, ruleText } from './publication-common.js';

/** The file checked by the last dry run, and the unit it was checked for. */
const pending = { file: null, unitId: null };

export default {
  tab: 'publications',
  init() {
    $('pimp-template').addEventListener('click', downloadTemplate);
    $('pimp-form').addEventListener('submit', (e) => { e.preventDefault(); check(); });
    $('pimp-commit').addEventListener('click', commit);
    $('pimp-cancel').addEventListener('click', () => {
      const cancelled = pending.file !== null;
      reset();
      if (cancelled) pubsMessage('Đã hủy, không ghi nhận dòng nào.');
      $('pimp-file').focus();
    });
  },
  signedIn() {
    // importing is an action: a viewer does not get the sub-tab
    document.querySelector('#publications .subtab[data-view="pubs-import-view"]').hidden = !isWriter();
  },
  unitChanged() {
    reset();
  }
};

/** Forgets the checked file and its report; {@code keepFile}: the file input keeps the chosen file. */
function reset(keepFile) {
  pending.file = null;
  pending.unitId = null;
  if (!keepFile) $('pimp-file').value = '';
  $('pimp-error').textContent = '';
  $('pimp-report').hidden = true;
  $('pimp-table').tBodies[0].replaceChildren();
}

async function downloadTemplate() {
  try {
    const response = await api('/api/publications/import/template', { headers: { Accept: '*/*' } });
    if (!response.ok) throw new ApiError(response.status, await jsonOf(response));
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = (/filename="?([^";]+)"?/.exec(disposition) || [])[1] || 'mau-danh-sach-tin-bai.csv';
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    pubsMessage('Đã tải tệp mẫu ' + name + '.');
  } catch (e) {
    if (!isUnauthorized(e)) pubsMessage(describeError(e), true);
  }
}

function uploadError(e) {
  if (!(e instanceof ApiError)) return describeError(e);
  const errors = e.fieldErrors.map((x) => (x.field && x.field !== 'file' ? fieldName(x.field) + ': ' : '') + ruleText(x));
  switch (e.status) {
    case 400: return 'Tệp không đọc được: ' + (errors.join(' ') || 'hãy dùng tệp .xlsx hoặc .csv theo mẫu, có dòng tiêu đề.');
    case 403: return 'Bạn không có quyền nhập tin bài cho đơn vị này, hoặc tệp có dòng thuộc đơn vị ngoài phạm vi của bạn.';
    case 413: return 'Tệp quá lớn (tối đa 10 MB, 5.000 dòng).';
    case 415: return 'Chỉ nhận tệp .xlsx hoặc .csv.';
    default: return describeError(e);
  }
}

async function upload(file, unitId, dryRun) {
  const form = new FormData();
  form.append('file', file, file.name);
  const params = new URLSearchParams({ unitId, dryRun: String(dryRun) });
  const response = await api('/api/publications/import?' + params.toString(), { method: 'POST', body: form });
  const body = await jsonOf(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

async function check() {
  reset(true);
  const file = $('pimp-file').files[0];
  if (!file) {
    $('pimp-error').textContent = 'Hãy chọn tệp danh sách tin bài (.xlsx hoặc .csv).';
    $('pimp-file').focus();
    return;
  }
  const button = $('pimp-check');
  button.disabled = true;
  try {
    const report = await upload(file, ctx.unitId, true);
    pending.file = file;
    pending.unitId = ctx.unitId;
    render(report);
  } catch (e) {
    if (!isUnauthorized(e)) $('pimp-error').textContent = uploadError(e);
  } finally {
    button.disabled = false;
  }
}

async function commit() {
  if (!pending.file) return;
  const button = $('pimp-commit');
  button.disabled = true;
  try {
    const report = await upload(pending.file, pending.unitId, false);
    pending.file = null;
    render(report);
    ctx.refreshFigures();
  } catch (e) {
    if (!isUnauthorized(e)) $('pimp-error').textContent = uploadError(e);
    button.disabled = false;
  }
}

function count(report, status) {
  return (report.results || []).filter((r) => r.status === status).length;
}

function render(report) {
  const results = report.results || [];
  const valid = count(report, 'VALID');
  const rows = report.rows ?? results.length;
  const probable = report.probableDuplicates ?? count(report, 'PROBABLE_DUPLICATE');
  const parts = report.dryRun
    ? [`${rows} dòng`, `${valid} hợp lệ`, `${report.duplicates ?? count(report, 'DUPLICATE')} đã có`,
      `${probable} có thể trùng`, `${report.rejected ?? count(report, 'REJECTED')} có lỗi`]
    : [`${rows} dòng`, `đã ghi nhận ${report.imported ?? count(report, 'IMPORTED')}`,
      `${report.duplicates ?? count(report, 'DUPLICATE')} đã có`, `${probable} có thể trùng`,
      `${report.rejected ?? count(report, 'REJECTED')} có lỗi`];
  $('pimp-report-title').textContent = report.dryRun
    ? `Kết quả kiểm tra tệp ${report.fileName || ''} (chưa ghi nhận)`
    : `Kết quả ghi nhận tệp ${report.fileName || ''}`;
  $('pimp-summary').textContent = parts.join(', ') + '.' + (report.dryRun
    ? (valid ? ' Bấm “Ghi nhận” để ghi nhận các dòng hợp lệ; các dòng khác không được ghi.' : ' Không có dòng nào để ghi nhận.')
    : '');
  $('pimp-table').tBodies[0].replaceChildren(...results.map((r) => el('tr', { 'data-row': String(r.row), 'data-status': r.status },
    el('td', { 'data-label': 'Dòng', class: 'count', text: String(r.row) }),
    el('td', { 'data-label': 'Tiêu đề', text: r.title || '' }),
    el('td', { 'data-label': 'Kết quả' },
      el('span', { class: 'badge row-' + String(r.status || '').toLowerCase(), text: IMPORT_ROW_STATUS_LABELS[r.status] || r.status }),
      r.duplicateOfRow ? el('span', { class: 'small', text: `trùng với dòng ${r.duplicateOfRow}` }) : null),
    el('td', { 'data-label': 'Lỗi' }, (r.errors || []).length
      ? el('ul', { class: 'row-errors' }, ...r.errors.map((x) => el('li', {},
        el('strong', { text: fieldName(x.field) + ': ' }), ruleText(x))))
      : null))));
  $('pimp-report').hidden = false;
  $('pimp-commit').hidden = !report.dryRun;
  $('pimp-commit').disabled = !valid;
  $('pimp-cancel').textContent = report.dryRun ? 'Hủy' : 'Nhập tệp khác';
  $('pimp-report-title').focus();
}
