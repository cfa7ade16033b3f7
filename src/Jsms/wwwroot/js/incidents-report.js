// The monthly security report (Features/Incidents/Report.cshtml): the 24-month chart from the canvas's data-trend and the
// month's incidents from the map's data-points (no inline script: CSP is script-src 'self'). Each sets a data- attribute
// when drawn, for the browser tests.
(function () {
  "use strict";

  var canvas = document.getElementById("incident-trend");
  if (canvas && typeof Chart !== "undefined") {
    var trend = JSON.parse(canvas.getAttribute("data-trend") || "{}");
    if (trend.labels && trend.labels.length > 0) {
      new Chart(canvas, {
        data: {
          labels: trend.labels,
          datasets: [
            { type: "bar", label: "Attacks", data: trend.attacks, backgroundColor: "#8a9bb0", yAxisID: "attacks", order: 2 },
            { type: "line", label: "Killed", data: trend.killed, borderColor: "#b3261e", backgroundColor: "#b3261e", yAxisID: "people", tension: 0.2, order: 1 },
            { type: "line", label: "Injured", data: trend.injured, borderColor: "#e66100", backgroundColor: "#e66100", yAxisID: "people", tension: 0.2, order: 1 },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            attacks: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "Attacks" } },
            people: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "People" } },
          },
        },
      });
      canvas.setAttribute("data-drawn", "true");
    }
  }

  var element = document.getElementById("incident-report-map");
  if (element && window.L && window.JsmsGeo) {
    var points = JSON.parse(element.getAttribute("data-points") || "[]");
    var map = window.JsmsGeo.baseMap(element, [30.0, 69.0], 5);
    var bounds = [];
    points.forEach(function (p) {
      var casualties = p[2] + p[3];
      L.circleMarker([p[0], p[1]], {
        radius: Math.min(22, 4 + Math.sqrt(casualties) * 2), color: "#14202e", weight: 1, fillColor: "#b3261e", fillOpacity: 0.7,
        className: "incident-marker",
      }).bindTooltip(p[4] + " — " + p[2] + " killed, " + p[3] + " injured").addTo(map);
      bounds.push([p[0], p[1]]);
    });
    if (bounds.length > 0) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 8 });
    }
    element.setAttribute("data-markers", String(points.length));
  }
})();
