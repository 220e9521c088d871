/* 产业链全景图: the chain map as an ECharts tree (SVG, so it prints sharply); data from #chain-tree. */
(function () {
  "use strict";
  function leaves(node) {
    var kids = node.children || [];
    return kids.length ? kids.reduce(function (n, c) { return n + leaves(c); }, 0) : 1;
  }
  function draw() {
    var el = document.getElementById("chain-map"), source = document.getElementById("chain-tree");
    if (!el || !source || !window.echarts) return;
    var tree = JSON.parse(source.textContent);
    el.style.height = Math.max(320, leaves(tree) * 34 + 40) + "px";
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "item", confine: true, formatter: function (p) { return p.name.replace(/\n/g, "<br>"); } },
      series: [{
        type: "tree", data: [tree], orient: "LR", top: 20, bottom: 20, left: 150, right: 260,
        initialTreeDepth: -1, expandAndCollapse: false, roam: false,
        label: { position: "left", verticalAlign: "middle", align: "right", fontSize: 13, color: "#1d232b" },
        leaves: { label: { position: "right", verticalAlign: "middle", align: "left" } },
        lineStyle: { color: "#9aa5b1", width: 1.2 }
      }]
    });
    chart.on("click", function (p) {
      if (p.data && p.data.url) window.location.href = p.data.url;
    });
    el.dataset.drawn = "1";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
