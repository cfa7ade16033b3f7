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

  // One tile layer per area: the whole world to the file's max zoom, then each deeper area (data-areas) above it, from
  // the zoom after the one beneath and only inside its bounds. Past an area's deepest tiles the layer over-zooms them
  // (vector tiles are drawn again at the display zoom, so place names keep their size and stay sharp; raster tiles
  // are scaled), so no zoom shows an empty map where the file has tiles at a lower zoom.
  function areas(config) {
    var world = { bounds: null, maxZoom: Number(config.maxZoom) || 19, minZoom: 0 };
    var list = [world];
    (config.areas || "").split(";").forEach(function (text) {
      var n = text.split(",").map(Number);
      if (n.length !== 5 || n.some(isNaN)) { return; }
      list.push({ bounds: L.latLngBounds([n[1], n[0]], [n[3], n[2]]), maxZoom: n[4], minZoom: list[list.length - 1].maxZoom + 1 });
    });
    return list;
  }

  function vectorLayer(config, area, index) {
    var P = window.protomapsL;
    var placeFont = function (z, f) {
      var rank = (f && f.props && f.props.rank) || 6;
      var size = rank <= 1 ? 16 : rank === 2 ? 15 : rank === 3 ? 14 : rank === 4 ? 13 : 12;
      return (rank <= 3 ? "600 " : "400 ") + size + "px system-ui, sans-serif";
    };
    var options = {
      url: config.url,
      maxDataZoom: area.maxZoom,
      minZoom: area.minZoom,
      zIndex: index + 1,
      backgroundColor: SEA,
      attribution: index === 0 ? config.attribution || "" : "",
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
    };
    if (area.bounds) { options.bounds = area.bounds; }
    return P.leafletLayer(options);
  }

  function rasterLayer(config, area, index) {
    var options = { maxNativeZoom: area.maxZoom, minZoom: area.minZoom, maxZoom: 18, zIndex: index + 1,
      attribution: index === 0 ? config.attribution || "" : "" };
    if (area.bounds) { options.bounds = area.bounds; }
    return L.tileLayer(config.url, options);
  }

  function baseMap(element, center, zoom) {
    var config = settings();
    // Leaflet makes the container focusable (arrow keys pan): it needs a role and a name like any other control group.
    if (!element.hasAttribute("role")) { element.setAttribute("role", "region"); }
    if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby")) {
      element.setAttribute("aria-label", element.getAttribute("data-map-label") || "Map");
    }
    // Who asked for reduced motion gets zooms and pans without animation (and a screenshot a map at rest).
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(element, { worldCopyJump: true, attributionControl: false, minZoom: 2, maxZoom: 18,
      zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still });
    // The view is at rest (no pan or zoom under way): with data-basemap-ready, the map is drawn as it will stay.
    map.on("movestart zoomstart", function () { element.setAttribute("data-map-idle", "false"); });
    map.on("moveend zoomend", function () { element.setAttribute("data-map-idle", "true"); });
    map.setView(center, zoom);
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    var make = null;
    if (config.url && config.format === "pbf" && window.protomapsL) {
      make = vectorLayer;
      element.setAttribute("data-basemap", "vector");
    } else if (config.url) {
      make = rasterLayer;
      element.setAttribute("data-basemap", "raster");
    }
    if (make) {
      var loaded = 0;
      var pending = {};
      element.setAttribute("data-basemap-ready", "false");
      areas(config).forEach(function (area, i) {
        var layer = make(config, area, i);
        layer.on("tileload", function () { element.setAttribute("data-basemap-tiles", String(++loaded)); });
        // Every tile of the present view is drawn (Leaflet's "load" of every layer still loading), e.g. before a screenshot.
        layer.on("loading", function () { pending[i] = true; element.setAttribute("data-basemap-ready", "false"); });
        layer.on("load", function () {
          delete pending[i];
          if (Object.keys(pending).length === 0) { element.setAttribute("data-basemap-ready", "true"); }
        });
        layer.addTo(map);
      });
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
