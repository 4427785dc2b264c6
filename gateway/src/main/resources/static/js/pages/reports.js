// Báo cáo: the periodic reports of the selected year as Word and Excel, named as the reports themselves are ("Báo cáo
// quý I năm 2026"); downloads need the token, so fetch + blob instead of plain links. The commune page lists the same
// reports through reportItems() / downloadReport().

import { api, ApiError, describeError, isUnauthorized, jsonOf } from '../core/api.js';
import { ctx } from '../core/context.js';
import { $, el, setMessage } from '../core/dom.js';
import { REPORT_PERIODS, reportName } from '../core/labels.js';

export default {
  tab: 'reports',
  init() {
    $('report-links').addEventListener('click', (e) => {
      const button = e.target.closest('[data-download]');
      if (button) downloadReport(ctx.unitId, button.dataset.download, setMessage);
    });
  },
  unitChanged: () => $('report-links').replaceChildren(...reportItems(ctx.year, 'download'))
};

/**
 * One list item per report of {@code year}: its name and a Word and an Excel button carrying {@code data-<attr>} =
 * "2026-Q1.docx" (each list uses its own attribute, so a hidden copy never shadows the visible one).
 */
export function reportItems(year, attr) {
  return REPORT_PERIODS.map(([code]) => {
    const period = `${year}-${code}`;
    const name = reportName(code, year);
    return el('li', { 'data-period': period }, el('span', { class: 'report-name', text: name }),
      el('button', { type: 'button', class: 'secondary', [`data-${attr}`]: `${period}.docx`, 'aria-label': `${name}: tải Word (.docx)`, text: 'Tải Word (.docx)' }),
      el('button', { type: 'button', class: 'secondary', [`data-${attr}`]: `${period}.xlsx`, 'aria-label': `${name}: tải phụ lục Excel (.xlsx)`, text: 'Tải phụ lục Excel (.xlsx)' }));
  });
}

/** Fetches a report with the token and lets the browser save it; {@code say(text, isError)} reports progress. */
export async function downloadReport(unitId, file, say) {
  say('Đang tải ' + file + '…');
  try {
    const response = await api('/api/reports/units/' + encodeURIComponent(unitId) + '/periodic/' + file, {
      headers: { Accept: '*/*' }
    });
    if (!response.ok) {
      throw new ApiError(response.status, await jsonOf(response));
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `bao-cao-${unitId}-${file}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say('Đã tải ' + file + '.');
  } catch (e) {
    if (!isUnauthorized(e)) say(describeError(e), true);
  }
}
