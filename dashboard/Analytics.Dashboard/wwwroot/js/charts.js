// The one chart definition of the dashboard: turns a chart spec (rendered by the server into data-chart) into a
// plotly figure. Styles follow the trace's role, and every role differs by line dash and marker symbol as well as by
// colour, so the charts read without colour (statuses also carry an icon and a word).
/* global Plotly */

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

const roles = {
  value: { color: '#1f5fa8', dash: 'solid', symbol: 'circle', width: 3 },
  target: { color: '#b3261e', dash: 'dash', symbol: 'star', width: 2 },
  path: { color: '#5f6368', dash: 'dot', symbol: 'diamond-open', width: 2 },
  bar: { color: '#1f5fa8', pattern: '' },
  city: { color: '#9aa0a6', pattern: '/' },
};

function axisFormat(format) {
  if (format === 'percent') return { tickformat: '.0%', hover: '%{y:.1%}' };
  if (format === 'ratio') return { tickformat: '.2f', hover: '%{y:.2f}×' };
  return { tickformat: ',~r', hover: '%{y:,}' };
}

function trend(spec, fmt) {
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
      x: s.x, y: s.y, name: s.name, text: s.text, type: 'scatter',
      mode: target && s.x.length === 1 ? 'markers' : 'lines+markers',
      line: { color: r.color, dash: r.dash, width: r.width },
      marker: { symbol: r.symbol, size: target ? 12 : 8, color: r.color },
      connectgaps: false,
      hovertemplate: `${s.name}: ${fmt.hover}${s.text ? '<br>%{text}' : ''}<extra>%{x}</extra>`,
    });
  }
  return { data, layout: { xaxis: { type: 'category' }, yaxis: { tickformat: fmt.tickformat, rangemode: 'tozero' } } };
}

function bars(spec, fmt) {
  const s = spec.series[0];
  const n = s.x.length;
  return {
    data: [{
      type: 'bar', orientation: 'h', x: s.y, y: s.x, name: s.name, text: s.text, textposition: 'outside', cliponaxis: false,
      marker: { color: roles.bar.color }, hovertemplate: `%{y}: ${fmt.hover.replaceAll('y', 'x')}<extra></extra>`,
    }],
    layout: {
      height: Math.max(260, 28 * n + 80), margin: { l: 60, r: 110, t: 48, b: 40 }, yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { tickformat: fmt.tickformat }, showlegend: false,
    },
  };
}

function compare(spec, fmt) {
  return {
    data: spec.series.map((s) => {
      const r = roles[s.role] || roles.bar;
      return {
        type: 'bar', x: s.x, y: s.y, name: s.name,
        marker: { color: r.color, pattern: { shape: r.pattern, fgcolor: '#202124' } },
        hovertemplate: `${s.name}: ${fmt.hover}<extra>%{x}</extra>`,
      };
    }),
    layout: {
      barmode: 'group', yaxis: { tickformat: fmt.tickformat },
      shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 1, y1: 1, line: { color: roles.target.color, dash: 'dash' } }],
    },
  };
}

/** The plotly figure for a spec: one definition for every chart of the dashboard. */
export function figure(spec) {
  const fmt = axisFormat(spec.format);
  const build = { trend, bars, compare }[spec.kind] || trend;
  const f = build(spec, fmt);
  f.layout = Object.assign({
    title: { text: spec.title, font: { size: 15 } },
    margin: { l: 60, r: 30, t: 48, b: 48 },
    font: { family: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif', size: 12 },
    legend: { orientation: 'h', y: -0.18 },
    paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    height: 360,
  }, f.layout);
  return f;
}

function draw(el) {
  const spec = JSON.parse(el.dataset.chart);
  const f = figure(spec);
  const zh = (document.documentElement.lang || 'zh').startsWith('zh');
  return Plotly.newPlot(el, f.data, f.layout, {
    locale: zh ? 'zh-CN' : 'en', displaylogo: false, responsive: true,
    toImageButtonOptions: { format: 'png', filename: spec.fileName, scale: 2 },
  }).then(() => { el.dataset.rendered = 'true'; });
}

function wirePng() {
  for (const button of document.querySelectorAll('[data-png-for]')) {
    button.addEventListener('click', () => {
      const el = document.getElementById(button.dataset.pngFor);
      const spec = JSON.parse(el.dataset.chart);
      Plotly.downloadImage(el, { format: 'png', filename: spec.fileName, width: 1000, height: el.clientHeight || 400, scale: 2 });
    });
  }
}

if (typeof Plotly !== 'undefined') {
  Plotly.register(zhCN);
  Promise.all([...document.querySelectorAll('[data-chart]')].map(draw)).then(() => { document.body.dataset.charts = 'ready'; });
  wirePng();
}
