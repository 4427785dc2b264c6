// Dates and times as the UI shows and reads them: dd/MM/yyyy and HH:mm in Vietnam time (UTC+7, no daylight saving),
// whatever the browser's locale or zone. Everything shown goes through here; nothing uses toLocale*String or the
// browser's date pickers (whose format follows the browser's locale).

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The Vietnam-time wall clock of an instant as "yyyy-MM-ddTHH:mm". */
function vietnamWallClock(epochMillis) {
  return new Date(epochMillis + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** A date (yyyy-MM-dd) or an instant (ISO with a zone: shown on its Vietnam day) as dd/MM/yyyy. */
export function formatDate(value) {
  if (!value) return '';
  let text = String(value);
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) text = vietnamWallClock(Date.parse(text));
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

/** An instant as HH:mm in Vietnam time. */
export function formatTime(iso) {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : vietnamWallClock(t).slice(11, 16);
}

/** An instant (ISO with a zone) as "dd/MM/yyyy HH:mm" in Vietnam time. */
export function formatDateTime(iso) {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return iso || '';
  const wall = vietnamWallClock(t);
  return `${formatDate(wall.slice(0, 10))} ${wall.slice(11, 16)}`;
}

/** Today in Vietnam time as yyyy-MM-dd. */
export function vietnamToday() {
  return vietnamWallClock(Date.now()).slice(0, 10);
}

export function currentYear() {
  return Number(vietnamToday().slice(0, 4));
}

/** Now in Vietnam time as the two inputs of a form show it: {date: "dd/MM/yyyy", time: "HH:mm"}. */
export function vietnamNow() {
  const wall = vietnamWallClock(Date.now());
  return { date: formatDate(wall.slice(0, 10)), time: wall.slice(11, 16) };
}

/**
 * A date typed as dd/mm/yyyy (one-digit day and month allowed, "." or "-" as separators too) as yyyy-MM-dd, or null
 * when it is not a real date (30/02/2026, 31/04/2026, 12/13/2026 are refused).
 */
export function parseDate(text) {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(String(text || '').trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** A time typed as hh:mm (24 hours; "8:05" and "08h05" too) as HH:mm, or null. */
export function parseTime(text) {
  const m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(String(text || '').trim());
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour <= 23 && minute <= 59 ? `${pad2(hour)}:${pad2(minute)}` : null;
}

/** A Vietnam date and time (yyyy-MM-dd, HH:mm) as the ISO instant the API takes: "2026-03-02T08:00:00+07:00". */
export function vietnamInstant(isoDate, time) {
  return `${isoDate}T${time}:00+07:00`;
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
