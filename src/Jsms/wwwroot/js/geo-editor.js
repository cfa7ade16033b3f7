// Geometry on the management pages: [data-geo-editor=polygon|line] lets the user click points on the map and
// writes the GeoJSON into the textarea named by data-target (which can also be pasted into: the map follows), beside
// an optional dashed data-reference shape;
// [data-geo-view] shows a movement's route, corridor and checkpoints; [data-geo-point] places one point (a sensor) by a
// click, writing the latitude and longitude inputs it names (which stay editable: the marker follows them). All on the
// same base map as the operating picture (geo.js).
(function () {
  "use strict";
  if (!window.L || !window.JsmsGeo) { return; }
  var G = window.JsmsGeo;

  function parse(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  document.querySelectorAll("[data-geo-editor]").forEach(function (element) {
    var kind = element.dataset.geoEditor;
    var target = document.getElementById(element.dataset.target);
    var map = G.baseMap(element, [30.0, 69.0], 5);
    var points = [];
    var shape = null;
    var markers = L.layerGroup().addTo(map);
    // data-reference: a Polygon or MultiPolygon shown dashed beside the edited shape (the area a narrower one lies within).
    var reference = parse(element.dataset.reference || "null");
    if (reference && (reference.type === "Polygon" || reference.type === "MultiPolygon")) {
      var outline = L.featureGroup((reference.type === "MultiPolygon" ? reference.coordinates : [reference.coordinates]).map(function (polygon) {
        return L.polygon(polygon.map(G.ring), { color: "#1a5fb4", weight: 2, dashArray: "6 4", fill: false, interactive: false, className: "reference-shape" });
      })).addTo(map);
      map.fitBounds(outline.getBounds().pad(0.2), { maxZoom: 13 });
    }

    function fromText() {
      var geometry = parse(target.value);
      if (geometry && kind === "polygon" && geometry.type === "Polygon" && geometry.coordinates && geometry.coordinates[0]) {
        var outer = G.ring(geometry.coordinates[0]);
        // The ring's closing point repeats the first; the editor keeps the corners only.
        if (outer.length > 1 && outer[0][0] === outer[outer.length - 1][0] && outer[0][1] === outer[outer.length - 1][1]) { outer.pop(); }
        points = outer;
        return true;
      }
      if (geometry && kind === "line" && geometry.type === "LineString" && geometry.coordinates) {
        points = G.ring(geometry.coordinates);
        return true;
      }
      return false;
    }

    function toText() {
      var coordinates = points.map(function (p) { return [round(p[1]), round(p[0])]; });
      if (kind === "polygon") {
        target.value = coordinates.length >= 3 ? JSON.stringify({ type: "Polygon", coordinates: [coordinates.concat([coordinates[0]])] }) : "";
      } else {
        target.value = coordinates.length >= 2 ? JSON.stringify({ type: "LineString", coordinates: coordinates }) : "";
      }
    }

    function round(value) { return Math.round(value * 1e6) / 1e6; }

    function draw() {
      if (shape) { map.removeLayer(shape); shape = null; }
      markers.clearLayers();
      if (points.length >= 2) {
        shape = kind === "polygon" && points.length >= 3
          ? L.polygon(points, { color: "#b3261e", weight: 2, fillOpacity: 0.15, className: "edited-shape" })
          : L.polyline(points, { color: kind === "line" ? "#1a5fb4" : "#b3261e", weight: 3, className: "edited-shape" });
        shape.addTo(map);
      }
      points.forEach(function (p) { L.circleMarker(p, { radius: 4, color: "#14202e", weight: 1, fillOpacity: 1, className: "edited-point" }).addTo(markers); });
      element.setAttribute("data-points", String(points.length));
    }

    if (target.value.trim() && fromText()) {
      draw();
      if (shape) { map.fitBounds(shape.getBounds().pad(0.5), { maxZoom: 13 }); }
    } else {
      draw();
    }

    if (target.disabled || target.closest("fieldset[disabled]")) { return; }
    map.on("click", function (event) {
      points.push([event.latlng.lat, event.latlng.lng]);
      toText();
      draw();
    });
    target.addEventListener("input", function () {
      if (fromText()) {
        draw();
        if (shape) { map.fitBounds(shape.getBounds().pad(0.5), { maxZoom: 13 }); }
      }
    });
    var id = element.dataset.target;
    document.querySelectorAll("[data-geo-undo='" + id + "']").forEach(function (b) {
      b.addEventListener("click", function () { points.pop(); toText(); draw(); });
    });
    document.querySelectorAll("[data-geo-clear='" + id + "']").forEach(function (b) {
      b.addEventListener("click", function () { points = []; toText(); draw(); });
    });
  });

  document.querySelectorAll("[data-geo-view]").forEach(function (element) {
    var map = G.baseMap(element, [30.0, 69.0], 5);
    var corridor = G.bufferPane(map, "corridor", "#1a5fb4", 0.2);
    var route = parse(element.dataset.route || "null");
    var bounds = null;
    if (route && route.type === "LineString") {
      var latlngs = G.ring(route.coordinates);
      corridor.add(latlngs, Number(element.dataset.corridor) || 0, false).addTo(map);
      var line = L.polyline(latlngs, { color: "#1a5fb4", weight: 3, className: "movement-route" }).addTo(map);
      bounds = line.getBounds();
    }
    (parse(element.dataset.checkpoints || "[]") || []).forEach(function (c) {
      if (typeof c.latitude !== "number" || typeof c.longitude !== "number") { return; }
      L.circleMarker([c.latitude, c.longitude], { radius: 6, color: "#14202e", fillColor: "#ffffff", fillOpacity: 1, weight: 2, className: "checkpoint-marker" })
        .bindTooltip(c.name).addTo(map);
      bounds = bounds ? bounds.extend([c.latitude, c.longitude]) : L.latLngBounds([[c.latitude, c.longitude]]);
    });
    if (bounds) { map.fitBounds(bounds.pad(0.3)); }
    element.setAttribute("data-route-shown", route ? "true" : "false");
  });

  document.querySelectorAll("[data-geo-point]").forEach(function (element) {
    var lat = document.getElementById(element.dataset.latitude);
    var lng = document.getElementById(element.dataset.longitude);
    var map = G.baseMap(element, [24.9, 67.1], 9);
    var marker = null;
    function read() {
      var a = parseFloat(lat.value), b = parseFloat(lng.value);
      return isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? [a, b] : null;
    }
    function place(point, pan) {
      if (!point) { return; }
      if (!marker) {
        marker = L.circleMarker(point, { radius: 7, color: "#14202e", fillColor: "#5e3c99", fillOpacity: 1, weight: 2, className: "picked-point" }).addTo(map);
      } else {
        marker.setLatLng(point);
      }
      if (pan) { map.setView(point, Math.max(map.getZoom(), 13)); }
      element.setAttribute("data-picked", point[0].toFixed(6) + "," + point[1].toFixed(6));
    }
    place(read(), true);
    if (lat.disabled || lat.closest("fieldset[disabled]")) { return; }
    map.on("click", function (event) {
      var p = [Math.round(event.latlng.lat * 1e6) / 1e6, Math.round(L.Util.wrapNum(event.latlng.lng, [-180, 180], true) * 1e6) / 1e6];
      lat.value = String(p[0]);
      lng.value = String(p[1]);
      place(p, false);
    });
    [lat, lng].forEach(function (input) { input.addEventListener("input", function () { place(read(), true); }); });
  });
})();
