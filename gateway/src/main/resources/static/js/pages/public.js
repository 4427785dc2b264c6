// The public transparency page (/cong-khai → public.html): no sign-in, no token. The visitor picks a province and a
// year (kept in the address: /cong-khai?province=vinh-long&year=2026); per commune each target's status and counts,
// aggregates only, as reporting-service publishes them (GET /api/public/provinces/{id}/transparency[.csv]) for the
// provinces that switched it on; any other province answers 404, said here in words.

import { $, el } from '../core/dom.js';
import { currentYear, formatDate, formatDateTime } from '../core/format.js';
import { PROVINCES, STATUS_LABELS } from '../core/labels.js';

const DEFAULT_PROVINCE = 'vinh-long';

function say(text, isError) {
  const box = $('public-message');
  box.textContent = text || '';
  box.classList.toggle('error', Boolean(isError));
}

function chosen() {
  const params = new URLSearchParams(window.location.search);
  const province = (params.get('province') || DEFAULT_PROVINCE).toLowerCase();
  const year = Number(params.get('year')) || currentYear();
  return { province, year };
}

function fillChoices({ province, year }) {
  const provinces = Object.entries(PROVINCES).sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  if (!PROVINCES[province]) provinces.unshift([province, province]); // an id from the address we have no name for
  $('public-province').replaceChildren(...provinces.map(([id, name]) => el('option', { value: id, text: name })));
  $('public-province').value = province;
  const now = currentYear();
  const years = [];
  for (let y = Math.max(now, year); y >= Math.min(now - 3, year); y--) years.push(el('option', { value: String(y), text: String(y) }));
  $('public-year').replaceChildren(...years);
  $('public-year').value = String(year);
}

function address(province, year, suffix) {
  return `/api/public/provinces/${encodeURIComponent(province)}/transparency${suffix || ''}?year=${year}`;
}

async function show() {
  const province = $('public-province').value;
  const year = Number($('public-year').value);
  window.history.replaceState(null, '', `?province=${encodeURIComponent(province)}&year=${year}`);
  const name = PROVINCES[province] || province;
  $('public-result').hidden = true;
  say('Đang tải số liệu…');
  let response;
  try {
    response = await fetch(address(province, year), { headers: { Accept: 'application/json' } });
  } catch (e) {
    say('Không kết nối được máy chủ, vui lòng thử lại.', true);
    return;
  }
  if (province !== $('public-province').value || year !== Number($('public-year').value)) return; // chosen again meanwhile
  if (response.status === 404) {
    say(`${name} chưa công khai số liệu tuyên truyền cải cách hành chính trên trang này.`, true);
    return;
  }
  if (response.status === 400) {
    say('Tỉnh, thành phố hoặc năm không hợp lệ.', true);
    return;
  }
  if (!response.ok) {
    say(response.status === 429 ? 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.' : 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.', true);
    return;
  }
  render(await response.json(), province, year);
  say('');
}

function render(data, province, year) {
  const labels = data.statusLabels || STATUS_LABELS;
  $('public-title').textContent = `${data.provinceName || PROVINCES[province] || province} — năm ${data.year || year}`;
  $('public-asof').textContent = [data.asOf ? 'Số liệu tính đến ngày ' + formatDate(data.asOf) : null,
    data.computedAt ? 'cập nhật lúc ' + formatDateTime(data.computedAt) : null].filter(Boolean).join(', ') + '.';
  $('public-csv').setAttribute('href', address(province, year, '.csv'));
  $('public-csv').setAttribute('download', `cong-khai-cchc-${province}-${year}.csv`);
  $('public-json').setAttribute('href', address(province, year));
  $('public-json').setAttribute('download', `cong-khai-cchc-${province}-${year}.json`);
  const communes = data.communes || [];
  $('public-communes').replaceChildren(...(communes.length === 0
    ? [el('p', { class: 'muted', text: 'Chưa có xã, phường nào trong danh mục của tỉnh.' })]
    : communes.map((c) => commune(c, labels))));
  $('public-result').hidden = false;
}

function commune(c, labels) {
  const titleId = 'pc-' + c.unitId.replace(/[^a-z0-9-]/g, '-');
  const targets = c.targets || [];
  const body = targets.length === 0
    ? el('p', { class: 'muted', text: 'Chưa có chỉ tiêu trong năm.' })
    : el('div', { class: 'table-wrap' }, el('table', { class: 'public-table' },
      el('thead', {}, el('tr', {}, ...['Chỉ tiêu', 'Kênh', 'Chu kỳ', 'Kỳ hiện tại', 'Trong kỳ / tối thiểu', 'Trong năm', 'Tình trạng']
        .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...targets.map((t) => el('tr', { 'data-status': t.status || '' },
        el('td', { 'data-label': 'Chỉ tiêu', text: t.description }),
        el('td', { 'data-label': 'Kênh', text: (t.channelLabels || []).length ? t.channelLabels.join(', ') : 'Mọi kênh' }),
        el('td', { 'data-label': 'Chu kỳ', text: t.periodKindLabel || '' }),
        el('td', { 'data-label': 'Kỳ hiện tại', text: t.currentPeriodLabel || t.currentPeriod || '' }),
        el('td', { 'data-label': 'Trong kỳ / tối thiểu', class: 'count', text: `${t.countCurrentPeriod}/${t.minimum}` }),
        el('td', { 'data-label': 'Trong năm', class: 'count', text: String(t.countThisYear) }),
        el('td', { 'data-label': 'Tình trạng' }, el('span', { class: 'traffic' },
          el('span', { class: `light light-${String(t.status || 'none').toLowerCase()}`, 'aria-hidden': 'true' }),
          el('span', { class: `badge status-${String(t.status || 'none').toLowerCase()}`, text: t.statusLabel || labels[t.status] || t.status }))))))));
  return el('section', { class: 'public-commune', 'data-unit-id': c.unitId, 'aria-labelledby': titleId },
    el('h3', { id: titleId, text: c.name || c.unitId }), body);
}

function start() {
  fillChoices(chosen());
  $('public-province').addEventListener('change', show);
  $('public-year').addEventListener('change', show);
  show();
}

start();
