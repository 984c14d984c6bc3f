// The one chart definition of the dashboard: turns a chart spec (rendered by the server into data-chart) into a
// plotly figure. Numbers come formatted from the server (labels, hover texts) or as the catalog's d3 format; styles
// follow the trace's role, and every role differs by line dash and marker symbol as well as by colour, so the charts
// read without colour (statuses also carry an icon and a word). A bar links to the page beneath it.
/* global Plotly */
// Loaded once by App.razor for every page; draws the charts of the page in view, again after each enhanced navigation.

const zhCN = {
  moduleType: 'locale',
  name: 'zh-CN',
  dictionary: {
    'Autoscale': '自动缩放', 'Box Select': '矩形框选择', 'Lasso Select': '套索选择', 'Pan': '平移', 'Zoom': '缩放',
    'Zoom in': '放大', 'Zoom out': '缩小', 'Reset axes': '重置坐标轴', 'Reset view': '重置视图',
    'Download plot as a png': '下载为 PNG 图片', 'Download plot': '下载图表', 'Produced with Plotly.js': '由 Plotly.js 生成',
    'Double-click to zoom back out': '双击恢复缩放', 'Snapshot succeeded': '已生成图片',
    'Taking snapshot - this may take a few seconds': '正在生成图片，请稍候',
    'Toggle Spike Lines': '切换辅助线', 'Show closest data on hover': '悬停显示最近的数据',
    'Compare data on hover': '悬停比较数据', 'Toggle show closest data on hover': '切换悬停显示最近的数据',
    'trace': '数据系列', 'new text': '新文本', 'Click to enter Plot title': '点击输入图表标题',
  },
  format: {
    days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    shortMonths: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    date: '%Y-%m-%d',
    decimal: '.',
    thousands: ',',
  },
};

const font = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

const roles = {
  value: { color: '#1f5fa8', dash: 'solid', symbol: 'circle', width: 3 },
  target: { color: '#b3261e', dash: 'dash', symbol: 'star', width: 2 },
  path: { color: '#3c4043', dash: 'dot', symbol: 'diamond-open', width: 2 },
  bar: { color: '#1f5fa8', pattern: '' },
  flagged: { color: '#a8c1e4', pattern: '/' },
  city: { color: '#dadce0', pattern: '/' },
};

/** The hover template of a value: the catalog's d3 format and its suffix (× for ratios). */
const valueTemplate = (axis, format) => `%{${axis}:${format.d3}}${format.suffix || ''}`;

function trend(spec) {
  const data = [];
  for (const s of spec.series) {
    if (s.role === 'band') {
      data.push({ x: s.x, y: s.high, mode: 'lines', line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: s.name });
      data.push({ x: s.x, y: s.low, mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: 'rgba(31,95,168,0.18)',
        fillpattern: { shape: '.', fgcolor: 'rgba(31,95,168,0.35)' }, name: s.name, hoverinfo: 'skip' });
      continue;
    }
    const r = roles[s.role] || roles.value;
    const target = s.role === 'target';
    data.push({
      x: s.x, y: s.y, name: s.name, text: s.text, customdata: s.labels, type: 'scatter',
      mode: target && s.x.length === 1 ? 'markers' : 'lines+markers',
      line: { color: r.color, dash: r.dash, width: r.width },
      marker: { symbol: r.symbol, size: target ? 12 : 8, color: r.color },
      connectgaps: false,
      hovertemplate: `${s.name}: ${s.labels ? '%{customdata}' : valueTemplate('y', spec.format)}${s.text ? '<br>%{text}' : ''}<extra>%{x}</extra>`,
    });
  }
  return {
    data,
    layout: {
      xaxis: { type: 'category' }, yaxis: { tickformat: spec.format.d3, ticksuffix: spec.format.suffix, rangemode: 'tozero', automargin: true },
    },
  };
}

function bars(spec) {
  const s = spec.series.find((x) => x.role === 'bar');
  const path = spec.series.find((x) => x.role === 'path');
  const notes = spec.notes || [];
  const names = s.x.concat(notes.map((n) => n.label));
  const flags = s.flags || [];
  const errors = s.low && s.high ? {
    type: 'data', symmetric: false, color: '#3c4043', thickness: 1.2, width: 3,
    array: s.y.map((v, i) => (v == null || s.high[i] == null ? null : s.high[i] - v)),
    arrayminus: s.y.map((v, i) => (v == null || s.low[i] == null ? null : v - s.low[i])),
  } : undefined;
  // The values as a column of labels right of every bar, interval and path marker, so none overlaps another.
  const reach = Math.max(0, ...s.y.filter((v) => v != null), ...(s.high || []).filter((v) => v != null),
    ...((path && path.y) || []).filter((v) => v != null));
  const labelX = reach * 1.04 || 1;
  const data = [{
    type: 'bar', orientation: 'h', y: names, x: s.y.concat(notes.map(() => null)), name: s.name,
    hovertext: (s.text || []).concat(notes.map((n) => n.text)),
    hovertemplate: `%{y}: ${valueTemplate('x', spec.format)}<br>%{hovertext}<extra></extra>`,
    marker: {
      color: s.y.map((_, i) => (flags[i] ? roles.flagged.color : roles.bar.color)),
      pattern: { shape: s.y.map((_, i) => (flags[i] ? roles.flagged.pattern : '')), fgcolor: '#1f5fa8' },
    },
    error_x: errors,
  }, {
    type: 'scatter', mode: 'text', y: s.x, x: s.x.map(() => labelX), text: s.labels || [], textposition: 'middle right',
    textfont: { size: 11, color: '#202124' }, hoverinfo: 'skip', showlegend: false, cliponaxis: false,
  }];
  if (path) {
    data.push({
      type: 'scatter', mode: 'markers', y: path.x, x: path.y, name: path.name, customdata: path.labels,
      marker: { symbol: 'line-ns-open', size: 16, color: roles.path.color, line: { width: 3, color: roles.path.color } },
      hovertemplate: `%{y}: ${path.name} %{customdata}<extra></extra>`,
    });
  }
  const annotations = notes.map((n) => ({
    xref: 'paper', x: 0, y: n.label, yref: 'y', xanchor: 'left', showarrow: false, text: n.text,
    font: { size: 11, color: '#5f6368' },
  }));
  return {
    data,
    links: (s.links || []).concat(notes.map((n) => n.link)),
    layout: {
      height: Math.max(260, 26 * names.length + 120), margin: { l: 10, r: 60, t: path ? 84 : 48, b: 40 },
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
      xaxis: { tickformat: spec.format.d3, ticksuffix: spec.format.suffix, range: [0, labelX * 1.3], automargin: true },
      showlegend: Boolean(path), legend: { orientation: 'h', y: 1.0, yanchor: 'bottom', x: 0 }, annotations, bargap: 0.25,
    },
  };
}

function compare(spec) {
  const names = spec.series[0].x;
  return {
    data: spec.series.map((s) => {
      const r = roles[s.role] || roles.bar;
      return {
        type: 'bar', orientation: 'h', y: s.x, x: s.y, name: s.name, text: s.labels, textposition: 'outside', cliponaxis: false,
        marker: { color: r.color, pattern: { shape: r.pattern, fgcolor: '#80868b' } },
        hovertemplate: `${s.name}: %{text}<extra>%{y}</extra>`,
      };
    }),
    layout: {
      barmode: 'group', height: Math.max(300, 44 * names.length + 130),
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
      xaxis: { tickformat: spec.format.d3, rangemode: 'tozero', automargin: true },
      legend: { orientation: 'h', y: 1.0, yanchor: 'bottom', x: 0 }, margin: { l: 10, r: 70, t: 84, b: 40 },
      shapes: [{ type: 'line', yref: 'paper', y0: 0, y1: 1, x0: 1, x1: 1, line: { color: roles.target.color, dash: 'dash' } }],
    },
  };
}

/** The plotly figure for a spec: one definition for every chart of the dashboard. */
export function figure(spec) {
  const build = { trend, bars, compare }[spec.kind] || trend;
  const f = build(spec);
  f.layout = Object.assign({
    // The title is pinned to the top of the figure, so a legend above the plot (rankings) never runs into it when
    // the legend wraps onto a second line on a phone.
    title: { text: spec.title, font: { size: 15 }, x: 0.01, xanchor: 'left', xref: 'container', y: 1, yref: 'container', yanchor: 'top', pad: { t: 10 } },
    margin: { l: 10, r: 30, t: 48, b: 48 },
    font: { family: font, size: 12 },
    legend: { orientation: 'h', y: -0.18 },
    paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    height: 360,
  }, f.layout);
  return f;
}

/** The figure as a leader forwards it: the title with the indicator, filters and unit, and the source and snapshot at its foot. */
export function exportFigure(spec, width) {
  const f = figure(spec);
  const lines = (spec.subtitle || []).filter(Boolean);
  const sub = lines.map((l) => `<span style="font-size:12px;color:#3c4043">${escapeHtml(l)}</span>`).join('<br>');
  const top = 58 + 18 * lines.length;
  const layout = Object.assign({}, f.layout, {
    title: Object.assign({}, f.layout.title, { text: `<b>${escapeHtml(spec.title)}</b>${sub ? '<br>' + sub : ''}`, y: 1, yref: 'container', yanchor: 'top', pad: { t: 14 } }),
    margin: Object.assign({}, f.layout.margin, { t: top + (f.layout.showlegend === false ? 0 : 24), b: (f.layout.margin?.b || 48) + 36 }),
    width,
  });
  layout.height = (f.layout.height || 360) + top + 36;
  layout.annotations = (f.layout.annotations || []).concat(spec.footer ? [{
    xref: 'paper', yref: 'paper', x: 0, y: 0, yshift: -(layout.margin.b - 10), xanchor: 'left', yanchor: 'bottom', showarrow: false,
    text: escapeHtml(spec.footer), font: { size: 11, color: '#5f6368' },
  }] : []);
  return { data: f.data, layout };
}

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function draw(el) {
  if (el._fullLayout) Plotly.purge(el);   // an element enhanced navigation kept: drop the old figure and its listeners
  const spec = JSON.parse(el.dataset.chart);
  const f = figure(spec);
  const zh = (document.documentElement.lang || 'zh').startsWith('zh');
  return Plotly.newPlot(el, f.data, f.layout, { locale: zh ? 'zh-CN' : 'en', displaylogo: false, displayModeBar: false, responsive: true })
    .then(() => {
      if (f.links) {
        el.classList.add('linked');
        el.on('plotly_click', (event) => {
          const point = event.points && event.points[0];
          const link = point && point.curveNumber === 0 ? f.links[point.pointIndex] : null;
          if (link) navigate(link);
        });
      }
      el.dataset.rendered = 'true';
    });
}

function navigate(url) {
  if (window.Blazor && window.Blazor.navigateTo) window.Blazor.navigateTo(url); else window.location.assign(url);
}

// The PNG buttons, by one listener on the document (buttons patched in by enhanced navigation need no wiring).
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-png-for]') : null;
  if (!button) return;
  const el = document.getElementById(button.dataset.pngFor);
  const spec = JSON.parse(el.dataset.chart);
  const f = exportFigure(spec, 1000);
  const url = await Plotly.toImage({ data: f.data, layout: f.layout }, { format: 'png', width: 1000, height: f.layout.height, scale: 2 });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${spec.fileName}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
});

// plotly (4.8 MB) is loaded when a page first has a chart, once: pages without charts never load it, and enhanced
// navigation keeps it between pages.
let plotly = null;
function loadPlotly() {
  if (typeof Plotly !== 'undefined') return Promise.resolve();
  if (!plotly) {
    plotly = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = document.querySelector('meta[name="plotly-src"]').content;
      script.onload = () => { Plotly.register(zhCN); resolve(); };
      script.onerror = () => { plotly = null; reject(new Error(`could not load ${script.src}`)); };
      document.head.appendChild(script);
    });
  }
  return plotly;
}

// plotly writes its stylesheet into <head> once, rule by rule (the layers of a figure are positioned by it); enhanced
// navigation makes <head> match the next page's, which drops it, and the charts then draw with their title and legend
// out of place. Keep the rules and write them back after each navigation.
const plotlyRules = new Map();
function keepPlotlyStyles() {
  for (const style of document.head.querySelectorAll('style[id^="plotly"]')) {
    plotlyRules.set(style.id, [...style.sheet.cssRules].map(r => r.cssText).join('\n'));
  }
}
function restorePlotlyStyles() {
  for (const [id, css] of plotlyRules) {
    if (document.getElementById(id)) continue;
    const style = document.createElement('style');
    style.id = id;
    style.textContent = css;
    document.head.appendChild(style);
  }
}

// Draws every chart of the page not drawn yet; body[data-charts=ready] says all are drawn (tests and the PDF printer
// wait for it).
async function drawPage() {
  restorePlotlyStyles();
  const charts = [...document.querySelectorAll('[data-chart]:not([data-rendered])')];
  if (charts.length > 0) {
    await loadPlotly();
    await Promise.all(charts.map(draw));
    keepPlotlyStyles();
  }
  document.body.dataset.charts = 'ready';
}

drawPage();
if (window.Blazor) {
  window.Blazor.addEventListener('enhancednavigationstart', () => { delete document.body.dataset.charts; });
  window.Blazor.addEventListener('enhancedload', drawPage);
}
