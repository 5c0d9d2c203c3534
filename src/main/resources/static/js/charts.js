// Draws every <canvas data-chart='{"labels": [...], "datasets": [{"label", "data"}], "axis", "threshold"?,
// "thresholdLabel"?}'> as a stacked horizontal bar chart with Chart.js. The figures come from the page's own
// attribute (no inline script, as the Content-Security-Policy requires), and every chart has a table beside it with
// the same figures for people who cannot see it.
(function () {
  "use strict";

  // Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the legend and the table too.
  var COLOURS = ["#005ea2", "#c05600", "#00a91c"];

  // Draws the threshold (a policy's line) as a dashed vertical line with its label.
  var thresholdLine = {
    id: "ghThreshold",
    afterDatasetsDraw: function (chart, args, options) {
      if (options.value === undefined || options.value === null) {
        return;
      }
      var x = chart.scales.x.getPixelForValue(options.value);
      var area = chart.chartArea;
      if (x < area.left || x > area.right) {
        return;
      }
      var context = chart.ctx;
      context.save();
      context.strokeStyle = "#1b1b1b";
      context.setLineDash([6, 4]);
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(x, area.top);
      context.lineTo(x, area.bottom);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = "#1b1b1b";
      context.font = "12px sans-serif";
      context.textAlign = x > (area.left + area.right) / 2 ? "right" : "left";
      context.fillText(options.label || "", x + (context.textAlign === "right" ? -4 : 4), area.top + 12);
      context.restore();
    }
  };

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var max;
    if (spec.threshold !== undefined) {
      var largest = 0;
      spec.labels.forEach(function (label, i) {
        var sum = 0;
        spec.datasets.forEach(function (dataset) { sum += Number(dataset.data[i]); });
        largest = Math.max(largest, sum);
      });
      max = Math.max(largest, Number(spec.threshold)) * 1.05;
    }
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (dataset, i) {
          return { label: dataset.label, data: dataset.data.map(Number), backgroundColor: COLOURS[i % COLOURS.length] };
        })
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, beginAtZero: true, max: max, title: { display: true, text: spec.axis } },
          y: { stacked: true }
        },
        plugins: {
          legend: { position: "bottom" },
          ghThreshold: { value: spec.threshold === undefined ? null : Number(spec.threshold), label: spec.thresholdLabel }
        }
      },
      plugins: [thresholdLine]
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
