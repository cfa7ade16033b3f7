// The tracking entry pages on the shared base map (geo.js). [data-sensor-picker]: the sensors the user may read, as
// points; clicking one chooses it in the select named by data-select (the select stays the control a keyboard uses,
// and the map follows it). [data-track-preview]: the points of an uploaded track, as a line with its first and last point.
(function () {
  "use strict";
  if (!window.L || !window.JsmsGeo) { return; }
  var G = window.JsmsGeo;

  function parse(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  document.querySelectorAll("[data-sensor-picker]").forEach(function (element) {
    var select = document.getElementById(element.dataset.select);
    var sensors = parse(element.dataset.sensors || "[]") || [];
    var map = G.baseMap(element, [24.9, 67.1], 9);
    var markers = {};
    function style(chosen) {
      return chosen ? { radius: 9, color: "#14202e", fillColor: "#b3261e", fillOpacity: 1, weight: 3 }
                    : { radius: 6, color: "#14202e", fillColor: "#1a5fb4", fillOpacity: 0.9, weight: 1 };
    }
    sensors.forEach(function (s) {
      var marker = L.circleMarker([s.latitude, s.longitude], style(false)).addTo(map);
      marker.bindTooltip(s.code + " · " + s.name);
      marker.on("click", function () {
        if (!select || select.disabled) { return; }
        select.value = s.code;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      markers[s.code] = marker;
    });
    function follow(pan) {
      Object.keys(markers).forEach(function (code) {
        var chosen = select && select.value === code;
        markers[code].setStyle(style(chosen));
        if (chosen) {
          markers[code].bringToFront();
          if (pan) { map.panTo(markers[code].getLatLng()); }
          element.setAttribute("data-chosen", code);
        }
      });
    }
    if (sensors.length) {
      map.fitBounds(L.latLngBounds(sensors.map(function (s) { return [s.latitude, s.longitude]; })).pad(0.3), { maxZoom: 14 });
    }
    if (select) { select.addEventListener("change", function () { follow(true); }); }
    follow(false);
    element.setAttribute("data-sensors-shown", String(sensors.length));
  });

  document.querySelectorAll("[data-track-preview]").forEach(function (element) {
    var points = parse(element.dataset.points || "[]") || [];
    var map = G.baseMap(element, [24.9, 67.1], 9);
    if (!points.length) { return; }
    var line = L.polyline(points, { color: "#1a5fb4", weight: 3, className: "track-preview" }).addTo(map);
    L.circleMarker(points[0], { radius: 6, color: "#14202e", fillColor: "#2e7d32", fillOpacity: 1, weight: 2 }).bindTooltip("start").addTo(map);
    L.circleMarker(points[points.length - 1], { radius: 6, color: "#14202e", fillColor: "#b3261e", fillOpacity: 1, weight: 2 }).bindTooltip("end").addTo(map);
    map.fitBounds(line.getBounds().pad(0.2), { maxZoom: 15 });
    element.setAttribute("data-points-shown", String(points.length));
  });
})();
