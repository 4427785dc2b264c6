// Dates and times as the UI shows them: dd/MM/yyyy and HH:mm in Vietnam time (UTC+7, no daylight saving), whatever
// the browser's locale or zone. Everything shown goes through here.

export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant (ISO with zone) as "HH:mm ngày dd/MM/yyyy" in Vietnam time. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString();
  return `${d.slice(11, 16)} ngày ${formatDate(d.slice(0, 10))}`;
}

/** Today in Vietnam time as yyyy-MM-dd. */
export function vietnamToday() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function currentYear() {
  return Number(vietnamToday().slice(0, 4));
}

/** Now in Vietnam time as yyyy-MM-ddTHH:mm. */
export function vietnamNow() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 16);
}

export function pad2(n) {
  return n === null || n === undefined ? '' : String(n).padStart(2, '0');
}

/** A reporting period of the compliance API ("2026-11", "2026-Q2", "2026") in words. */
export function periodLabel(period) {
  const key = period.period || '';
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-Q(\d)$/.exec(key);
  if (m) return `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})$/.exec(key);
  if (m) return `Năm ${m[1]}`;
  if (period.start && period.end) return `${formatDate(period.start)} – ${formatDate(period.end)}`;
  return key;
}

/** Month {@code n} (1–12) as a chart's axis shows it: "T1" … "T12". */
export function shortMonth(n) {
  return 'T' + n;
}

/** Whole numbers with Vietnamese grouping and decimals with a comma ("1.234", "0,75"), whatever the browser's locale. */
export function formatNumber(n, digits) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits ?? 2 }).format(Number(n));
}
