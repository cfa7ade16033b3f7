// Shared by the tracking map and the geometry editors: a Leaflet map on the shipped country outlines (no tile
// server), and "buffers" (a site's watch zone, a movement's corridor) drawn in metres.
(function () {
  "use strict";
  var EARTH_CIRCUMFERENCE = 40075016.686;

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  // Country outlines sit in their own pane under everything else, with a visible border at every zoom level
  // (land is filled, the sea is the map's background).
  function baseMap(element, center, zoom) {
    var map = L.map(element, { worldCopyJump: true, attributionControl: false, minZoom: 2, maxZoom: 17 }).setView(center, zoom);
    map.createPane("outlines").style.zIndex = 150;
    if (element.dataset.outlinesUrl) {
      getJson(element.dataset.outlinesUrl).then(function (topology) {
        var countries = topojson.feature(topology, topology.objects.countries);
        L.geoJSON(countries, {
          pane: "outlines", interactive: false,
          style: { color: "#6b7785", weight: 1.2, fillColor: "#f4f1ea", fillOpacity: 1 },
        }).addTo(map);
        element.setAttribute("data-outlines-loaded", "true");
      }).catch(function () { /* the map still shows what it was asked to */ });
    }
    return map;
  }

  // A buffer of `metres` around a polygon or a line: the shape stroked with a round join twice as wide as the
  // distance (in pixels at the present zoom), in a pane whose opacity is set once, so overlaps do not darken.
  // That is exactly the set of points within `metres` of the shape.
  function bufferPane(map, name, color, opacity) {
    var pane = map.createPane(name);
    pane.style.zIndex = 380;
    pane.style.opacity = String(opacity);
    var layers = [];
    function pixels(metres, lat) {
      return 2 * metres * 256 * Math.pow(2, map.getZoom()) / (EARTH_CIRCUMFERENCE * Math.cos(lat * Math.PI / 180));
    }
    function restyle() {
      layers.forEach(function (b) { b.layer.setStyle({ weight: Math.max(1, pixels(b.metres, b.lat)) }); });
    }
    map.on("zoomend", restyle);
    return {
      add: function (latlngs, metres, closed) {
        var options = { pane: name, interactive: false, color: color, fillColor: color, fillOpacity: 1, opacity: 1,
          lineJoin: "round", lineCap: "round", className: name + "-buffer" };
        var layer = closed ? L.polygon(latlngs, options) : L.polyline(latlngs, Object.assign(options, { fill: false }));
        var lat = layer.getBounds().getCenter().lat;
        var entry = { layer: layer, metres: metres, lat: lat };
        layers.push(entry);
        layer.setStyle({ weight: Math.max(1, pixels(metres, lat)) });
        return layer;
      },
      remove: function (layer) {
        layers = layers.filter(function (b) { return b.layer !== layer; });
      },
    };
  }

  // GeoJSON positions are longitude first; Leaflet wants [lat, lng].
  function ring(coordinates) { return coordinates.map(function (c) { return [c[1], c[0]]; }); }

  window.JsmsGeo = { getJson: getJson, baseMap: baseMap, bufferPane: bufferPane, ring: ring };
})();
