// The alert page's map: the alert's point and each evidence position, on the shared base map (geo.js).
(function () {
  "use strict";
  var element = document.getElementById("alert-map");
  if (!element || !window.L || !window.JsmsGeo) { return; }
  var data = JSON.parse(element.dataset.map || "{}");
  var map = JsmsGeo.baseMap(element, data.point || [0, 0], 14);
  var bounds = [];
  (data.evidence || []).forEach(function (e, i) {
    L.circleMarker([e.lat, e.lon], { radius: 6, color: "#1f5fa8", weight: 2, fillOpacity: 0.7, className: "alert-evidence-marker" })
      .bindTooltip((i + 1) + ". " + e.label).addTo(map);
    bounds.push([e.lat, e.lon]);
  });
  if (data.evidence && data.evidence.length > 1) {
    L.polyline(data.evidence.map(function (e) { return [e.lat, e.lon]; }), { color: "#1f5fa8", weight: 2, dashArray: "4 4", interactive: false }).addTo(map);
  }
  if (data.point) {
    L.circleMarker(data.point, { radius: 9, color: "#b3261e", weight: 3, fillOpacity: 0.3, className: "alert-point-marker" }).addTo(map);
    bounds.push(data.point);
  }
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 }); }
  else if (bounds.length === 1) { map.setView(bounds[0], 15); }
  element.setAttribute("data-evidence-count", String((data.evidence || []).length));
})();
