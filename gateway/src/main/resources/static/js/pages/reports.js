// Báo cáo: the periodic reports of the selected year as Word and Excel; downloads need the token, so fetch + blob
// instead of plain links.

import { api, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx } from '../core/context.js';
import { $, el, setMessage } from '../core/dom.js';
import { REPORT_PERIODS } from '../core/labels.js';

export default {
  tab: 'reports',
  init() {
    $('report-links').addEventListener('click', (e) => {
      const button = e.target.closest('[data-download]');
      if (button) download(button.dataset.download);
    });
  },
  unitChanged: () => renderReportLinks()
};

function renderReportLinks() {
  $('report-links').replaceChildren(...REPORT_PERIODS.map(([code, label]) => {
    const period = `${ctx.year}-${code}`;
    return el('li', {}, el('span', { class: 'report-name', text: `${label} ${ctx.year}` }),
      el('button', { type: 'button', class: 'secondary', 'data-download': `${period}.docx`, text: 'Tải Word (.docx)' }),
      el('button', { type: 'button', class: 'secondary', 'data-download': `${period}.xlsx`, text: 'Tải phụ lục Excel (.xlsx)' }));
  }));
}

async function download(file) {
  setMessage('Đang tải ' + file + '…');
  try {
    const response = await api('/api/reports/units/' + encodeURIComponent(ctx.unitId) + '/periodic/' + file, {
      headers: { Accept: '*/*' }
    });
    if (!response.ok) {
      throw new ApiError(response.status, await jsonOf(response));
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `bao-cao-${ctx.unitId}-${file}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setMessage('Đã tải ' + file + '.');
  } catch (e) {
    if (!isUnauthorized(e)) setMessage(describeError(e), true);
  }
}
