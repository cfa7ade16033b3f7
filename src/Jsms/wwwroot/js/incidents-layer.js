// The operating picture's incidents (docs/incidents.md): the readable incidents of a period from /api/incidents/map,
// clustered by screen cell (a cluster shows its count and zooms in when chosen), each sized by killed + injured and
// coloured by its first attack type; the filters (period, attack type, group) kept in the page's address so a view can
// be shared; and the heat view by province (/api/incidents/regions), a layer of its own in the layer control, coloured
// by attacks in classes. A legend tells the colours, sizes and classes. tracking-map.js calls attach().
(function () {
  "use strict";
  // One colour per GTD attack type (1-9); 0 is an incident without a type.
  var COLOURS = { 0: "#9a9996", 1: "#613583", 2: "#c01c28", 3: "#e66100", 4: "#1a5fb4", 5: "#26a269", 6: "#0b7a75", 7: "#865e3c", 8: "#e5a50a", 9: "#5e5c64" };
  // Attacks per province: the classes' fill, light to dark.
  var HEAT = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"];
  var CELL = 56; // pixels: incidents closer than this on screen are drawn as one cluster

  function radius(casualties) { return Math.min(20, 5 + Math.sqrt(casualties) * 2); }

  function colour(type) { return COLOURS[type] || COLOURS[0]; }

  // Upper bounds of five classes of equal width, rounded up to a whole number, for values up to max.
  function classes(max) {
    var step = Math.max(1, Math.ceil(max / HEAT.length));
    return HEAT.map(function (_, i) { return step * (i + 1); });
  }

  function classOf(value, bounds) {
    for (var i = 0; i < bounds.length; i++) { if (value <= bounds[i]) { return i; } }
    return bounds.length - 1;
  }

  function day(date) { return date.toISOString().slice(0, 10); }

  function attach(map, group, layers, element) {
    var form = document.getElementById("incident-filters");
    var from = document.getElementById("incidents-from");
    var to = document.getElementById("incidents-to");
    var attackType = document.getElementById("incidents-attack-type");
    var perpetrators = document.getElementById("incidents-group");
    var summary = document.getElementById("incidents-summary");
    var mapUrl = element.dataset.incidentsUrl;
    var regionsUrl = form ? form.dataset.regionsUrl : null;
    var features = [];
    var heat = L.layerGroup();
    var heatData = null;
    var legendBox = null;
    if (regionsUrl && layers) { layers.addOverlay(heat, "Incidents by province (heat)"); }

    function labelOf(type) {
      var option = attackType && attackType.querySelector("option[value='" + type + "']");
      return option ? option.textContent : "Not typed";
    }

    function query() {
      var q = new URLSearchParams();
      if (from && from.value) { q.set("from", from.value); }
      if (to && to.value) { q.set("to", to.value); }
      if (attackType && attackType.value) { q.set("attackType", attackType.value); }
      if (perpetrators && perpetrators.value.trim()) { q.set("group", perpetrators.value.trim()); }
      return q;
    }

    // The page's own address carries the filters and the heat view, so the view can be shared; other parameters stay.
    function remember() {
      var page = new URLSearchParams(window.location.search);
      var q = query();
      [["incidentsFrom", "from"], ["incidentsTo", "to"], ["attackType", "attackType"], ["group", "group"]].forEach(function (pair) {
        if (q.get(pair[1])) { page.set(pair[0], q.get(pair[1])); } else { page.delete(pair[0]); }
      });
      if (map.hasLayer(heat)) { page.set("heat", "1"); } else { page.delete("heat"); }
      var search = page.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    function say(text, problem) {
      if (!summary) { return; }
      summary.textContent = text;
      summary.classList.toggle("error", !!problem);
    }

    // A 400 answer's problem names each bad parameter: say them next to the filters.
    function problemText(response) {
      return response.json().then(function (problem) {
        var errors = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return k + ": " + problem.errors[k].join(" "); }) : [];
        return errors.length ? errors.join(" ") : (problem && problem.title) || ("The server answered " + response.status + ".");
      }, function () { return "The server answered " + response.status + "."; });
    }

    function fetchJson(url) {
      return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json, application/json" } }).then(function (r) {
        if (r.ok) { return r.json(); }
        return problemText(r).then(function (text) { throw new Error(text); });
      });
    }

    // Clusters: the incidents in one CELL-pixel square at the present zoom; one alone is drawn as itself.
    function draw() {
      group.clearLayers();
      var cells = {};
      features.forEach(function (f) {
        var c = f.geometry.coordinates;
        var latlng = L.latLng(c[1], c[0]);
        var p = map.project(latlng, map.getZoom());
        var key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
        (cells[key] = cells[key] || []).push({ feature: f, latlng: latlng });
      });
      var clusters = 0;
      Object.keys(cells).forEach(function (key) {
        var members = cells[key];
        if (members.length === 1) {
          group.addLayer(marker(members[0].feature, members[0].latlng));
          return;
        }
        clusters++;
        group.addLayer(cluster(members));
      });
      element.setAttribute("data-incident-clusters", String(clusters));
    }

    function marker(f, latlng) {
      var p = f.properties || {};
      var casualties = (p.killed || 0) + (p.injured || 0);
      var layer = L.circleMarker(latlng, { radius: radius(casualties), color: "#14202e", fillColor: colour(p.attackType), fillOpacity: 0.9, weight: 2,
        className: "incident-marker incident-type-" + (p.attackType || 0) });
      layer.bindTooltip(String(p.title) + " (" + p.occurredOn + ", " + p.attackLabel + ": " + p.killed + " killed, " + p.injured + " injured)");
      return layer;
    }

    function cluster(members) {
      var lat = 0, lng = 0, killed = 0, injured = 0;
      var bounds = L.latLngBounds([]);
      members.forEach(function (m) {
        lat += m.latlng.lat; lng += m.latlng.lng; bounds.extend(m.latlng);
        killed += m.feature.properties.killed || 0; injured += m.feature.properties.injured || 0;
      });
      var size = Math.round(Math.min(40, 22 + Math.sqrt(killed + injured) * 0.8));
      var label = document.createElement("span");
      label.textContent = String(members.length);
      label.style.width = label.style.height = label.style.lineHeight = size + "px";
      var icon = L.divIcon({ className: "incident-cluster", html: label, iconSize: [size, size] });
      var layer = L.marker([lat / members.length, lng / members.length], { icon: icon, keyboard: true,
        title: members.length + " incidents: " + killed + " killed, " + injured + " injured", alt: members.length + " incidents" });
      layer.on("click", function () {
        if (map.getZoom() >= map.getMaxZoom()) { return; }
        map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom() });
      });
      return layer;
    }

    function loadIncidents() {
      element.setAttribute("data-incidents-loading", "true");
      return fetchJson(mapUrl + "?" + query().toString()).then(function (collection) {
        features = (collection.features || []).filter(function (f) { return f.geometry && f.geometry.type === "Point"; });
        draw();
        var t = collection.totals || { incidents: features.length, killed: 0, injured: 0 };
        say(t.incidents + " incidents, " + t.killed + " killed, " + t.injured + " injured", false);
        element.setAttribute("data-incidents", String(features.length));
        legend();
      }).catch(function (error) {
        features = [];
        group.clearLayers();
        say(error.message, true);
        element.setAttribute("data-incidents", "none");
      }).then(function () { element.setAttribute("data-incidents-loading", "false"); });
    }

    // Leaflet drops a zoom asked for while another one is animating (the sites' fit when the sites answered first):
    // such a fit waits for the map to come to rest.
    function fitAtRest(bounds, options) {
      if (element.getAttribute("data-map-idle") === "false") {
        map.once("moveend", function () { map.fitBounds(bounds, options); });
      } else {
        map.fitBounds(bounds, options);
      }
    }

    function loadHeat() {
      heat.clearLayers();
      heatData = null;
      if (!regionsUrl || !map.hasLayer(heat)) { legend(); return Promise.resolve(); }
      element.setAttribute("data-heat", "loading");
      return fetchJson(regionsUrl + "?" + query().toString()).then(function (collection) {
        var max = 0;
        collection.features.forEach(function (f) { max = Math.max(max, f.properties.attacks); });
        var bounds = classes(max);
        heatData = { bounds: bounds, unmatched: collection.unmatched };
        L.geoJSON(collection, {
          style: function (f) {
            var a = f.properties.attacks;
            return { color: "#6b7785", weight: 1, fillOpacity: a > 0 ? 0.7 : 0.15, fillColor: a > 0 ? HEAT[classOf(a, bounds)] : "#ffffff",
              className: "heat-area heat-class-" + (a > 0 ? classOf(a, bounds) + 1 : 0) };
          },
          onEachFeature: function (f, layer) {
            var p = f.properties;
            layer.bindTooltip(p.name + " (" + p.country + "): " + p.attacks + " attacks, " + p.killed + " killed, " + p.injured + " injured");
          },
        }).addTo(heat);
        // Switched on, the heat view brings the provinces with attacks into view.
        var hit = L.latLngBounds([]);
        heat.eachLayer(function (geo) {
          geo.eachLayer(function (area) { if (area.feature.properties.attacks > 0) { hit.extend(area.getBounds()); } });
        });
        // The page's own fit to its sites, when it answers later, then leaves this view alone.
        if (hit.isValid()) { element.setAttribute("data-view-set", "heat"); fitAtRest(hit, { maxZoom: 8 }); }
        element.setAttribute("data-heat", String(collection.features.filter(function (f) { return f.properties.attacks > 0; }).length));
        legend();
      }).catch(function (error) {
        say(error.message, true);
        element.setAttribute("data-heat", "none");
        legend();
      });
    }

    // The incidents' legend: a colour per attack type shown, circle sizes by casualties, and the heat view's classes.
    function legend() {
      if (!legendBox) { return; }
      legendBox.textContent = "";
      var title = L.DomUtil.create("strong", "", legendBox);
      title.textContent = "Incidents";
      var types = {};
      features.forEach(function (f) { types[f.properties.attackType || 0] = true; });
      Object.keys(types).sort(function (a, b) { return a - b; }).forEach(function (type) {
        var line = L.DomUtil.create("div", "", legendBox);
        var swatch = L.DomUtil.create("span", "swatch incident-swatch", line);
        swatch.style.background = colour(Number(type));
        swatch.setAttribute("aria-hidden", "true");
        line.appendChild(document.createTextNode(labelOf(type)));
      });
      var sizes = L.DomUtil.create("div", "incident-sizes", legendBox);
      [0, 10, 50].forEach(function (n) {
        var dot = L.DomUtil.create("span", "incident-size", sizes);
        var d = Math.round(2 * radius(n));
        dot.style.width = dot.style.height = d + "px";
        dot.setAttribute("aria-hidden", "true");
        sizes.appendChild(document.createTextNode(String(n)));
      });
      L.DomUtil.create("span", "", sizes).textContent = "killed + injured";
      L.DomUtil.create("div", "muted", legendBox).textContent = "Numbered: several incidents (choose to zoom in)";
      if (heatData) {
        var heading = L.DomUtil.create("strong", "heat-legend-title", legendBox);
        heading.textContent = "Attacks by province";
        var low = 1;
        heatData.bounds.forEach(function (high, i) {
          var line = L.DomUtil.create("div", "heat-legend-class", legendBox);
          var swatch = L.DomUtil.create("span", "swatch", line);
          swatch.style.background = HEAT[i];
          swatch.setAttribute("aria-hidden", "true");
          line.appendChild(document.createTextNode(low === high ? String(high) : low + "–" + high));
          low = high + 1;
        });
        if (heatData.unmatched && heatData.unmatched.attacks > 0) {
          L.DomUtil.create("div", "muted", legendBox).textContent = heatData.unmatched.attacks + " in no known province";
        }
      }
    }

    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      legendBox = L.DomUtil.create("div", "map-legend incidents-legend");
      legendBox.setAttribute("data-testid", "incidents-legend");
      L.DomEvent.disableClickPropagation(legendBox);
      return legendBox;
    };
    control.addTo(map);

    map.on("zoomend", draw);
    map.on("overlayadd overlayremove", function (event) {
      if (event.layer === heat) { remember(); loadHeat(); }
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (from.value && to.value && from.value > to.value) {
          say("The period ends before it starts.", true);
          to.setAttribute("aria-invalid", "true");
          return;
        }
        to.removeAttribute("aria-invalid");
        remember();
        loadIncidents();
        loadHeat();
      });
    }
    if (from && !from.value) { from.value = day(new Date(Date.now() - 30 * 24 * 3600 * 1000)); }
    if (to && !to.value) { to.value = day(new Date()); }
    if (new URLSearchParams(window.location.search).get("heat") === "1" && regionsUrl) { heat.addTo(map); } else { loadHeat(); }
    loadIncidents();
  }

  window.JsmsIncidentsLayer = { attach: attach };
})();
