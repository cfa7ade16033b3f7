// Shared by the tracking map and the geometry editors: a Leaflet map on the base map (served tiles, else the shipped
// country outlines), and "buffers" (a site's watch zone, a movement's corridor) drawn in metres.
(function () {
  "use strict";
  var EARTH_CIRCUMFERENCE = 40075016.686;

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  // The base map (docs/map.md), as the page's #jsms-basemap says: vector tiles drawn by protomaps-leaflet (land, country
  // borders, places named by size), raster tiles, or, with neither configured, the shipped country outlines. Always
  // a metric scale bar, and the data's attribution on the map.
  var SEA = "#aad3df";
  var LAND = "#f4f1ea";

  function settings() {
    var e = document.getElementById("jsms-basemap");
    return e ? e.dataset : {};
  }

  function vectorLayer(config) {
    var P = window.protomapsL;
    var placeFont = function (z, f) {
      var rank = (f && f.props && f.props.rank) || 6;
      var size = rank <= 1 ? 16 : rank === 2 ? 15 : rank === 3 ? 14 : rank === 4 ? 13 : 12;
      return (rank <= 3 ? "600 " : "400 ") + size + "px system-ui, sans-serif";
    };
    return P.leafletLayer({
      url: config.url,
      maxDataZoom: Number(config.maxZoom) || 12,
      backgroundColor: SEA,
      attribution: config.attribution || "",
      paintRules: [
        { dataLayer: "land", symbolizer: new P.PolygonSymbolizer({ fill: LAND }) },
        { dataLayer: "borders", symbolizer: new P.LineSymbolizer({ color: "#8a7f96", width: 1.3, dash: [4, 2] }) },
      ],
      labelRules: [
        {
          dataLayer: "places",
          symbolizer: new P.CenteredTextSymbolizer({ labelProps: ["name"], font: placeFont, fill: "#1d2733", stroke: "#ffffff", width: 2.5 }),
          sort: function (a, b) { return (b.population || 0) - (a.population || 0); },
        },
      ],
    });
  }

  function baseMap(element, center, zoom) {
    var config = settings();
    // Leaflet makes the container focusable (arrow keys pan): it needs a role and a name like any other control group.
    if (!element.hasAttribute("role")) { element.setAttribute("role", "region"); }
    if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby")) {
      element.setAttribute("aria-label", element.getAttribute("data-map-label") || "Map");
    }
    var map = L.map(element, { worldCopyJump: true, attributionControl: false, minZoom: 2, maxZoom: 18 }).setView(center, zoom);
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    var base = null;
    if (config.url && config.format === "pbf" && window.protomapsL) {
      base = vectorLayer(config);
      element.setAttribute("data-basemap", "vector");
    } else if (config.url) {
      base = L.tileLayer(config.url, { maxNativeZoom: Number(config.maxZoom) || 19, maxZoom: 18, attribution: config.attribution || "" });
      element.setAttribute("data-basemap", "raster");
    }
    if (base) {
      var loaded = 0;
      base.on("tileload", function () { element.setAttribute("data-basemap-tiles", String(++loaded)); });
      // Every tile of the present view is drawn (Leaflet's "load"), e.g. before a screenshot.
      base.on("loading", function () { element.setAttribute("data-basemap-ready", "false"); });
      base.on("load", function () { element.setAttribute("data-basemap-ready", "true"); });
      base.addTo(map);
      L.control.attribution({ prefix: false }).addTo(map);
      element.setAttribute("data-outlines-loaded", "true");
      return map;
    }
    // No tiles: country outlines in their own pane under everything else, land filled, the sea the map's background.
    element.setAttribute("data-basemap", "outlines");
    map.createPane("outlines").style.zIndex = 150;
    if (config.outlinesUrl) {
      getJson(config.outlinesUrl).then(function (topology) {
        var countries = topojson.feature(topology, topology.objects.countries);
        L.geoJSON(countries, {
          pane: "outlines", interactive: false,
          style: { color: "#6b7785", weight: 1.2, fillColor: LAND, fillOpacity: 1 },
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
