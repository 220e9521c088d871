/* Luoshi charts: reads each chart's numbers from its json_script and draws it with the vendored ECharts. */
(function () {
  "use strict";
  var COLOURS = { green: "#1b7a3a", yellow: "#b7791f", red: "#b42318", grey: "#6b7280" };
  var DASH = { green: "solid", yellow: "dashed", red: "dotted", grey: "dotted" };

  function data(el) {
    var source = document.getElementById(el.dataset.source);
    return source ? JSON.parse(source.textContent) : null;
  }
  function fmt(v) {
    return v === null || v === undefined ? "—" : (Math.round(v * 100) / 100).toLocaleString("zh-CN");
  }
  function niceMax(v) {
    if (v <= 0) return 0;
    var step = Math.pow(10, Math.floor(Math.log10(v)));
    return Math.ceil((v * 1.05) / step) * step;
  }
  function mark(name, value, type, colour) {
    return { name: name, xAxis: value, lineStyle: { type: type, color: colour, width: 2 },
             label: { show: false }, symbol: "none" };
  }

  function bullet(el, d) {
    var marks = [];
    if (d.target !== null) marks.push(mark("目标", d.target, "solid", "#1d232b"));
    if (d.expected !== null && d.expected !== d.target) marks.push(mark("应达", d.expected, "dashed", "#1f4e9c"));
    if (d.last_year !== null) marks.push(mark("去年同期", d.last_year, "dotted", "#5f6b7a"));
    var values = [d.actual, d.target, d.expected, d.last_year, d.forecast].filter(function (v) { return v !== null; });
    var low = Math.min(0, Math.min.apply(null, values)), high = Math.max.apply(null, values) * 1.08;
    return {
      animation: false, grid: { left: 4, right: 4, top: 4, bottom: 4 },
      aria: { enabled: true, decal: { show: d.status !== "green" } },
      tooltip: { trigger: "item", confine: true, formatter: function () {
        return "实际 " + fmt(d.actual) + " " + d.unit + "<br>应达 " + fmt(d.expected) + "<br>目标 " + fmt(d.target) +
          "<br>去年同期 " + fmt(d.last_year) + "<br>预计 " + fmt(d.forecast) + (d.basis ? "(" + d.basis + ")" : "");
      } },
      xAxis: { type: "value", min: low, max: high || 1, show: false },
      yAxis: { type: "category", data: [""], show: false },
      series: [{ type: "bar", data: [d.actual === null ? 0 : d.actual], barWidth: 14,
                 itemStyle: { color: COLOURS[d.status], borderColor: "#1d232b", borderWidth: 1 },
                 markLine: { silent: false, symbol: "none", data: marks } }]
    };
  }

  function spark(el, d) {
    return {
      animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
      tooltip: { trigger: "axis", confine: true },
      xAxis: { type: "category", data: d.spark.map(function (p) { return p[0]; }), show: false },
      yAxis: { type: "value", show: false, scale: true },
      series: [{ type: "line", data: d.spark.map(function (p) { return p[1]; }), symbolSize: 4, connectNulls: false,
                 lineStyle: { color: COLOURS[d.status], type: DASH[d.status] }, itemStyle: { color: COLOURS[d.status] } }]
    };
  }

  function band(d) {
    var n = d.labels.length, last = -1;
    d.actual.forEach(function (v, i) { if (v !== null) last = i; });
    if (!d.forecast || last < 0 || last === n - 1) return [];
    var blank = function (i, from, to) { return i < last ? null : (i === last ? from : to); };
    var idx = d.labels.map(function (_, i) { return i; });
    var at = function (v) { return function (i) { return blank(i, d.actual[last], v); }; };
    return [
      { name: "预计", type: "line", data: idx.map(at(d.forecast.value)), lineStyle: { type: "dashed", color: "#8b1e1e" },
        itemStyle: { color: "#8b1e1e" }, symbol: "none" },
      { name: "预计区间下限", type: "line", data: idx.map(at(d.forecast.low)), stack: "band", symbol: "none",
        lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: "预计区间", type: "line", stack: "band", symbol: "none", lineStyle: { opacity: 0 },
        areaStyle: { color: "rgba(139,30,30,0.15)" },
        data: idx.map(function (i) { return i < last ? null : (i === last ? 0 : d.forecast.high - d.forecast.low); }) }
    ];
  }

  function year(el, d) {
    return {
      animation: false, grid: { left: 56, right: 60, top: 36, bottom: 28 },
      aria: { enabled: true },
      legend: { top: 0, data: ["本年累计", "去年同期", "预计"] },
      tooltip: { trigger: "axis", confine: true },
      xAxis: { type: "category", data: d.labels },
      yAxis: { type: "value", name: d.unit, scale: true,
               max: function (v) { return niceMax(Math.max(v.max, d.target, d.forecast ? d.forecast.high : v.max)); },
               min: function (v) { return Math.min(v.min, 0); } },
      series: [
        { name: "本年累计", type: "line", data: d.actual, connectNulls: false, symbol: "circle", symbolSize: 8,
          lineStyle: { width: 3, color: "#1d232b" }, itemStyle: { color: "#1d232b" },
          markLine: { symbol: "none", data: [{ name: "目标", yAxis: d.target, label: { formatter: "目标 {c}" },
            lineStyle: { color: "#8b1e1e", type: "solid", width: 2 } }] } },
        { name: "去年同期", type: "line", data: d.last_year, connectNulls: false, symbol: "rect",
          lineStyle: { type: "dashed", color: "#5f6b7a" }, itemStyle: { color: "#5f6b7a" } }
      ].concat(band(d))
    };
  }

  var DRAW = { bullet: bullet, spark: spark, year: year };
  function draw(el) {
    var d = data(el);
    if (!d || !window.echarts) return;
    if (el.dataset.chart === "spark" && (!d.spark || d.spark.length < 2)) { el.hidden = true; return; }
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(DRAW[el.dataset.chart](el, d));
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function drawAll(root) { (root || document).querySelectorAll("[data-chart]").forEach(draw); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  else drawAll();
  // cards loaded on demand (a front's 其余 on a big dashboard, by htmx): draw what arrived
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.detail.target); });
})();
