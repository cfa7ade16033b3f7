// Consultations dashboard: a stacked bar chart of commitments per dialogue by status.
// The data comes from the canvas's data-chart attribute (no inline script: CSP is script-src 'self').
(function () {
  "use strict";
  var colours = {
    Planned: "#98a2b3",
    InProgress: "#1f5f8b",
    Done: "#067647",
    Blocked: "#b42318",
    Cancelled: "#d0d5dd"
  };
  var canvas = document.getElementById("dialogue-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var chart = JSON.parse(canvas.getAttribute("data-chart") || "{}");
  if (!chart.labels || chart.labels.length === 0) {
    return;
  }
  canvas.parentElement.style.height = Math.max(160, 42 * chart.labels.length + 60) + "px";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: chart.labels,
      datasets: chart.series.map(function (s) {
        return { label: s.label, data: s.data, backgroundColor: colours[s.status] || "#667085" };
      })
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, ticks: { precision: 0 } },
        y: { stacked: true, ticks: { callback: function (value) {
          var label = this.getLabelForValue(value);
          return label.length > 48 ? label.slice(0, 47) + "…" : label;
        } } }
      },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
