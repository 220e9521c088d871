/* 对比 charts: the map of the units coloured by status or gap, targets against actuals, the spread of targets.
   Numbers come from the page's json_script; the boundaries from the vendored GeoJSON on this server. */
(function () {
  "use strict";
  var COLOURS = { green: "#1b7a3a", yellow: "#b7791f", red: "#b42318", grey: "#9aa3ad", none: "#d5d9de" };
  var charts = [];

  function read(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function fmt(v) { return v === null || v === undefined ? "—" : String(Math.round(v * 100) / 100); }
  function chart(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    var c = echarts.init(el, null, { renderer: "canvas" });
    charts.push(c);
    return c;
  }
  function rowText(r, unit) {
    var targets = r.targets.map(function (t) { return t.wording; }).join("、") || "未设目标";
    var actual = r.actual ? fmt(r.measured) + unit + "(" + r.actual.period_label + ")" : "无公开数据";
    return r.unit_name + "<br>目标:" + targets + "<br>实际:" + actual + "<br>状态:" + r.status_label +
      (r.gap !== null ? "<br>差距:" + fmt(r.gap) : "");
  }

  function empty(c, text) {
    c.setOption({ title: { text: text, left: "center", top: "middle", textStyle: { fontSize: 14, color: "#6b7280", fontWeight: "normal" } } });
  }

  function mapOption(d, mode) {
    var gaps = d.rows.map(function (r) { return r.gap; }).filter(function (g) { return g !== null; });
    var span = Math.max.apply(null, gaps.map(Math.abs).concat([1]));
    var data = d.rows.map(function (r) {
      var item = { name: r.unit_name, value: mode === "gap" ? r.gap : null, row: r };
      if (mode === "status" || r.gap === null) item.itemStyle = { areaColor: COLOURS[r.actual ? r.status : (r.targets.length ? "grey" : "none")] };
      return item;
    });
    var option = {
      animation: false, aria: { enabled: true },
      tooltip: { trigger: "item", confine: true, formatter: function (p) { return p.data && p.data.row ? rowText(p.data.row, d.unit_of_measure) : p.name; } },
      series: [{ type: "map", map: d.under.code, roam: false, selectedMode: false, data: data,
                 label: { show: true, fontSize: 10, formatter: function (p) { return p.data && p.data.row ? p.data.row.short_name : ""; } },
                 itemStyle: { borderColor: "#ffffff", borderWidth: 1, areaColor: COLOURS.none },
                 emphasis: { label: { show: true }, itemStyle: { areaColor: "#f2d57e" } } }]
    };
    if (mode === "gap") {
      option.visualMap = { type: "continuous", min: -span, max: span, calculable: false, left: 0, bottom: 0,
                           text: ["超目标", "低于目标"], inRange: { color: [COLOURS.red, "#f4e3b5", COLOURS.green] } };
    }
    return option;
  }

  function drawMap(d) {
    var el = document.getElementById("compare-map");
    if (!el || !d.map_url) return;
    fetch(d.map_url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (geo) {
      echarts.registerMap(d.under.code, geo);
      var c = chart("compare-map");
      c.setOption(mapOption(d, "status"));
      document.querySelectorAll(".map-modes button").forEach(function (b) {
        b.addEventListener("click", function () {
          document.querySelectorAll(".map-modes button").forEach(function (o) { o.classList.toggle("active", o === b); });
          c.setOption(mapOption(d, b.dataset.mode), true);
        });
      });
      el.dataset.drawn = String(geo.features.length);
    });
  }

  function drawDumbbell(d) {
    var el = document.getElementById("compare-dumbbell");
    if (!el) return;
    el.style.height = Math.max(220, d.rows.length * 26 + 80) + "px";  /* one line per unit, whatever their number */
    var c = chart("compare-dumbbell");
    var rows = d.rows.slice().reverse(), names = rows.map(function (r) { return r.short_name; });
    var targets = [], actuals = [], spans = [];
    rows.forEach(function (r, i) {
      r.targets.forEach(function (t) { targets.push({ value: [t.value, i], wording: t.wording, row: r }); });
      if (r.measured !== null) actuals.push({ value: [r.measured, i], row: r, itemStyle: { color: COLOURS[r.status] || COLOURS.grey } });
      if (r.measured !== null && r.headline_target !== null) spans.push([r.headline_target, r.measured, i]);
    });
    if (!targets.length && !actuals.length) { empty(c, "各地均未设目标、未公布数据"); return; }
    var marks = [];
    if (d.reference && d.reference.measured !== null) marks.push({ name: d.reference.short_name + "实际(" + d.reference.actual.period_label + ")", xAxis: d.reference.measured });
    if (d.reference && d.reference.headline_target !== null) marks.push({ name: d.reference.short_name + "目标", xAxis: d.reference.headline_target });
    c.setOption({
      animation: false, aria: { enabled: true },
      grid: { left: 64, right: 24, top: 36, bottom: 28 },
      legend: { top: 0, data: ["目标", "实际"] },
      tooltip: { trigger: "item", confine: true, formatter: function (p) { return p.data && p.data.row ? rowText(p.data.row, d.unit_of_measure) : ""; } },
      xAxis: { type: "value", scale: true, name: d.unit_of_measure, nameLocation: "end" },
      yAxis: { type: "category", data: names, axisTick: { show: false } },
      series: [
        { type: "custom", name: "差", silent: true, data: spans, encode: { x: [0, 1], y: 2 },
          renderItem: function (params, api) {
            var a = api.coord([api.value(0), api.value(2)]), b = api.coord([api.value(1), api.value(2)]);
            return { type: "line", shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: "#8a94a0", lineWidth: 3 } };
          } },
        { type: "scatter", name: "目标", data: targets, symbol: "circle", symbolSize: 12,
          itemStyle: { color: "#ffffff", borderColor: "#1d232b", borderWidth: 2 },
          markLine: { symbol: "none", silent: true, data: marks, lineStyle: { type: "dashed", color: "#1f4e9c" },
                      label: { formatter: "{b} {c}", position: "insideEndTop" } } },
        { type: "scatter", name: "实际", data: actuals, symbol: "diamond", symbolSize: 14 }
      ]
    });
  }

  function drawDistribution(d) {
    var c = chart("compare-distribution");
    if (!c) return;
    var groups = {};
    d.rows.forEach(function (r) {
      if (r.headline_target === null) return;
      var key = fmt(r.headline_target);
      (groups[key] = groups[key] || []).push(r.short_name);
    });
    var keys = Object.keys(groups).sort(function (a, b) { return parseFloat(a) - parseFloat(b); });
    if (!keys.length) { empty(c, "各地均未设目标"); return; }
    c.setOption({
      animation: false, aria: { enabled: true },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: "item", confine: true, formatter: function (p) { return p.name + d.unit_of_measure + ":" + groups[p.name].join("、"); } },
      xAxis: { type: "category", data: keys, name: "目标" + d.unit_of_measure, nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", minInterval: 1, name: "地区数" },
      series: [{ type: "bar", data: keys.map(function (k) { return groups[k].length; }), itemStyle: { color: "#1f4e9c" },
                 label: { show: true, position: "top" } }]
    });
  }

  function drawYears(d) {
    var c = chart("compare-years");
    if (!c) return;
    c.setOption({
      animation: false, aria: { enabled: true },
      grid: { left: 48, right: 16, top: 36, bottom: 28 }, legend: { top: 0, data: ["目标", "实际"] },
      tooltip: { trigger: "axis", confine: true },
      xAxis: { type: "category", data: d.rows.map(function (r) { return r.period; }) },
      yAxis: { type: "value", scale: true },
      series: [{ name: "目标", type: "line", data: d.rows.map(function (r) { return r.headline_target; }), lineStyle: { type: "dashed" } },
               { name: "实际", type: "line", data: d.rows.map(function (r) { return r.measured; }) }]
    });
  }

  function start() {
    var d = read("compare-data");
    if (d) { drawMap(d); drawDumbbell(d); drawDistribution(d); }
    var y = read("compare-years-data");
    if (y) drawYears(y);
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
