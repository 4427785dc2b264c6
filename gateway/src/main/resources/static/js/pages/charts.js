// Charts with Chart.js 4.5.1, served by the gateway from its webjar (never a CDN). Its UMD build is loaded once, on the
// first chart, as a classic script (its ES build imports a bare module name a browser cannot resolve without an import
// map); it then lives at window.Chart. Every canvas gets role="img" and a label saying what it shows in words, and the
// figures are also in the tables next to it, so nothing is said by the chart alone.

const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
let loading = null;

/** Chart.js, loading it on first use. */
export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.addEventListener('load', () => {
        const Chart = window.Chart;
        Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
        Chart.defaults.color = '#1d2430';
        Chart.defaults.animation = false; // figures refresh live: no replayed animation on every event
        Chart.defaults.maintainAspectRatio = false;
        resolve(Chart);
      });
      script.addEventListener('error', () => {
        loading = null;
        reject(new Error('Không tải được thư viện biểu đồ.'));
      });
      document.head.append(script);
    });
  }
  return loading;
}

/** Draws {@code config} on {@code canvas}, replacing the chart it had; {@code label} is the canvas's accessible name. */
export async function drawChart(canvas, config, label) {
  const Chart = await loadChart();
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.textContent = label; // fallback content
  const previous = Chart.getChart(canvas);
  if (previous) previous.destroy();
  return new Chart(canvas, config);
}

/** A canvas inside a sized box (Chart.js sizes the canvas to its parent) with a caption. */
export function chartFigure(id, caption, cls) {
  const canvas = document.createElement('canvas');
  if (id) canvas.id = id;
  const box = document.createElement('div');
  box.className = 'chart-box';
  box.append(canvas);
  const figure = document.createElement('figure');
  figure.className = 'chart ' + (cls || '');
  const figcaption = document.createElement('figcaption');
  figcaption.textContent = caption;
  figure.append(figcaption, box);
  return { figure, canvas };
}
