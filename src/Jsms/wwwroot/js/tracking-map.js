// The operating picture (/Tracking/Map): the base map (geo.js: served tiles, else country outlines) with a scale bar, a
// legend and a layer control (sites, watch zones, sensors, vehicles, movements, alerts, incidents); sites with their perimeters and watch
// zones (the perimeter grown by the watch distance); fixed sensors (cameras, gates, radars); live vehicles (latest
// position of each tracker, refreshed); the movements the user may see (route and corridor); open alerts and new ones
// pushed by /api/alerts/stream, with a list beside the map; filters by agency, site and severity. Everything comes from the API as the signed-in user
// may see it, so the access policy decides what is drawn.
(function () {
  "use strict";
  var element = document.getElementById("tracking-map");
  if (!element || !window.L || !window.JsmsGeo) {
    return;
  }
  var G = window.JsmsGeo;
  var map = G.baseMap(element, [24.9, 67.1], 9);
  var watch = G.bufferPane(map, "watch", "#b3261e", 0.16);
  var corridors = G.bufferPane(map, "corridor", "#1a5fb4", 0.2);
  // One group per kind of thing drawn: the layer control shows or hides a whole group, the filters single entries.
  var groups = {};
  var overlays = {};
  [["sites", "Sites"], ["zones", "Watch zones"], ["sensors", "Sensors"], ["vehicles", "Vehicles"], ["movements", "Movements"],
    ["alerts", "Alerts"], ["incidents", "Incidents"]].forEach(function (g) {
    groups[g[0]] = L.layerGroup().addTo(map);
    overlays[g[1]] = groups[g[0]];
  });
  var layerControl = L.control.layers(null, overlays, { collapsed: window.matchMedia("(max-width: 900px)").matches, position: "topright" }).addTo(map);
  legend();
  var list = document.getElementById("tracking-alerts");
  var empty = document.getElementById("tracking-alerts-empty");
  var alertUrl = element.dataset.alertUrl || "/Alerts";
  var filterAgency = document.getElementById("filter-agency");
  var filterSite = document.getElementById("filter-site");
  var filterSeverity = document.getElementById("filter-severity");
  var severities = ["Info", "Low", "Medium", "High", "Critical"];

  // Everything drawn, with what the filters look at: { layers: [...], agency, siteId, severity, item }.
  var sites = {};
  var sensors = {};
  var vehicles = {};
  var alerts = {};
  var movements = [];

  function addOption(select, value, label) {
    if (!select || select.querySelector("option[value='" + CSS.escape(value) + "']")) { return; }
    var option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  }

  // entry.layers: [layer, group name] pairs.
  function show(entry, visible) {
    entry.layers.forEach(function (pair) {
      var group = groups[pair[1]];
      if (visible && !group.hasLayer(pair[0])) { group.addLayer(pair[0]); }
      if (!visible && group.hasLayer(pair[0])) { group.removeLayer(pair[0]); }
    });
    if (entry.item) { entry.item.hidden = !visible; }
  }

  function legend() {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "map-legend");
      box.setAttribute("data-testid", "map-legend");
      [["swatch-site", "Site perimeter"], ["swatch-zone", "Watch zone"], ["swatch-sensor", "Fixed sensor"], ["swatch-vehicle", "Vehicle"],
        ["swatch-route", "Movement route"], ["swatch-alert-high", "High / critical alert"], ["swatch-alert", "Other alert"],
        ["swatch-incident", "Incident"]].forEach(function (row) {
        var line = L.DomUtil.create("div", "", box);
        L.DomUtil.create("span", "swatch " + row[0], line).setAttribute("aria-hidden", "true");
        line.appendChild(document.createTextNode(row[1]));
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  function applyFilters() {
    var agency = filterAgency.value;
    var siteId = filterSite.value;
    var minSeverity = filterSeverity.value ? severities.indexOf(filterSeverity.value) : -1;
    Object.keys(sites).forEach(function (id) {
      var s = sites[id];
      show(s, (!agency || s.agency === agency) && (!siteId || id === siteId));
    });
    Object.keys(sensors).forEach(function (id) {
      show(sensors[id], !agency || sensors[id].agency === agency);
    });
    Object.keys(vehicles).forEach(function (id) {
      var v = vehicles[id];
      show(v, !agency || v.agency === agency);
    });
    movements.forEach(function (m) { show(m, !agency || m.agency === agency); });
    var shownAlerts = 0;
    Object.keys(alerts).forEach(function (id) {
      var a = alerts[id];
      // An alert belongs to its owner agency (the server says which: its site's, or its movement's), with or without a site.
      var visible = (!agency || a.agency === agency)
        && (!siteId || a.siteId === siteId)
        && severities.indexOf(a.severity) >= minSeverity;
      show(a, visible);
      if (visible) { shownAlerts++; }
    });
    element.setAttribute("data-alerts-visible", String(shownAlerts));
    // The empty state says what an empty list means, rather than a blank panel.
    if (empty) { empty.hidden = shownAlerts > 0; }
  }
  [filterAgency, filterSite, filterSeverity].forEach(function (select) { select.addEventListener("change", applyFilters); });
  // Choosing a site also brings it into view.
  filterSite.addEventListener("change", function () {
    var site = sites[filterSite.value];
    if (site) { map.fitBounds(site.bounds.pad(0.3), { maxZoom: 15 }); }
  });

  var sitesLoaded = G.getJson(element.dataset.sitesUrl).then(function (list) {
    var bounds = [];
    list.forEach(function (site) {
      var outer = G.ring(site.perimeter.coordinates[0]);
      var zone = watch.add(outer, site.watchDistanceMetres, true);
      var perimeter = L.polygon(outer, { color: "#b3261e", weight: 2, fillOpacity: 0.15, className: "site-perimeter" })
        .bindTooltip(site.name + " (" + site.watchDistanceMetres + " m, " + site.loiteringThresholdMinutes + " min)");
      sites[site.id] = { layers: [[zone, "zones"], [perimeter, "sites"]], agency: site.marking.ownerAgency, bounds: zone.getBounds() };
      groups.zones.addLayer(zone);
      groups.sites.addLayer(perimeter);
      var path = perimeter.getElement && perimeter.getElement();
      if (path) { path.setAttribute("data-site", site.name); }
      addOption(filterSite, site.id, site.name);
      addOption(filterAgency, site.marking.ownerAgency, site.marking.ownerAgency);
      bounds.push(zone.getBounds());
    });
    element.setAttribute("data-sites-loaded", String(list.length));
    // Fit the sites, but at most at city scale, so the coast and the towns around them stay in view; the site filter
    // brings one site close. A view already chosen (the heat view of a shared address) stays.
    if (bounds.length > 0 && !element.hasAttribute("data-view-set")) {
      var all = bounds.reduce(function (a, b) { return a.extend(b); }, L.latLngBounds(bounds[0].getSouthWest(), bounds[0].getNorthEast()));
      map.fitBounds(all.pad(0.5), { maxZoom: 11 });
    }
    applyFilters();
  });

  // Fixed sensors (ANPR and other cameras, gates, radars) the user may read: a diamond, with name, kind and code in its popup.
  var sensorKinds = { Anpr: "ANPR camera", Camera: "Camera", Gate: "Gate", Radar: "Radar", Other: "Other sensor" };
  G.getJson(element.dataset.sensorsUrl).then(function (list) {
    list.forEach(function (sensor) {
      var popup = document.createElement("div");
      popup.setAttribute("data-testid", "sensor-popup");
      var name = document.createElement("strong");
      name.textContent = sensor.name;
      var kind = document.createElement("div");
      kind.textContent = (sensorKinds[sensor.kind] || sensor.kind) + " · " + sensor.code;
      popup.appendChild(name);
      popup.appendChild(kind);
      var marker = L.marker([sensor.latitude, sensor.longitude], {
        icon: L.divIcon({ className: "sensor-marker", iconSize: [12, 12] }), title: sensor.name, alt: sensor.name,
      }).bindPopup(popup);
      sensors[sensor.id] = { layers: [[marker, "sensors"]], agency: sensor.marking.ownerAgency };
      groups.sensors.addLayer(marker);
      var icon = marker.getElement && marker.getElement();
      if (icon) { icon.setAttribute("data-sensor", sensor.code); icon.setAttribute("data-kind", sensor.kind); }
      addOption(filterAgency, sensor.marking.ownerAgency, sensor.marking.ownerAgency);
    });
    element.setAttribute("data-sensors-shown", String(list.length));
    applyFilters();
  }).catch(function () { element.setAttribute("data-sensors-shown", "0"); });

  // Live vehicles: the latest position of each tracker the user may see, refreshed every few seconds.
  function refreshVehicles() {
    return G.getJson(element.dataset.devicesUrl).then(function (devices) {
      var count = 0;
      devices.forEach(function (device) {
        var p = device.lastPosition;
        if (!p) { return; }
        count++;
        var label = device.subject ? device.name + " · " + device.subject : device.name;
        var entry = vehicles[device.id];
        if (!entry) {
          var marker = L.circleMarker([p.latitude, p.longitude], { radius: 7, color: "#14202e", fillColor: "#1a5fb4", fillOpacity: 1, weight: 2, className: "vehicle-marker" })
            .bindTooltip(label, { permanent: true, direction: "right", className: "vehicle-label", offset: [8, 0] });
          entry = vehicles[device.id] = { layers: [[marker, "vehicles"]], agency: device.marking.ownerAgency, marker: marker };
          groups.vehicles.addLayer(marker);
          addOption(filterAgency, device.marking.ownerAgency, device.marking.ownerAgency);
        } else {
          entry.marker.setLatLng([p.latitude, p.longitude]);
        }
        var path = entry.marker.getElement && entry.marker.getElement();
        if (path) { path.setAttribute("data-device", device.uniqueId); path.setAttribute("data-time", p.time); }
      });
      element.setAttribute("data-vehicles-shown", String(count));
      applyFilters();
    }).catch(function () { /* try again at the next refresh */ });
  }
  refreshVehicles();
  var seconds = Number(element.dataset.refreshSeconds) || 10;
  setInterval(refreshVehicles, seconds * 1000);

  // Movements the user may see (need to know): route and corridor of those planned or under way. The server records
  // the view once per user, movement, route version and watch shift, not at every load of the map.
  G.getJson(element.dataset.movementsUrl).then(function (routes) {
    routes.forEach(function (m) {
      var latlngs = G.ring(m.route.coordinates);
      var corridor = corridors.add(latlngs, m.corridorMetres, false);
      var line = L.polyline(latlngs, { color: "#1a5fb4", weight: 3, dashArray: "6 4", className: "movement-route" })
        .bindTooltip(m.name + " (" + m.status + ", " + m.corridorMetres + " m)");
      groups.movements.addLayer(corridor);
      groups.movements.addLayer(line);
      var path = line.getElement && line.getElement();
      if (path) { path.setAttribute("data-movement", m.name); }
      movements.push({ layers: [[corridor, "movements"], [line, "movements"]], agency: m.marking.ownerAgency });
    });
    element.setAttribute("data-movements-shown", String(movements.length));
    applyFilters();
  }).catch(function () { element.setAttribute("data-movements-shown", "0"); });

  // An open alert in the panel: its title zooms the map to its place and opens its popup; "Open" goes to the alert.
  function addAlert(alert) {
    if (alerts[alert.id]) { return; }
    var item = document.createElement("li");
    item.setAttribute("data-alert-kind", alert.kind);
    item.setAttribute("data-alert-id", alert.id);
    item.setAttribute("data-severity", alert.severity);
    item.className = "sev-" + String(alert.severity).toLowerCase();
    var href = alertUrl.replace("{id}", encodeURIComponent(alert.id));
    var title = document.createElement("button");
    title.type = "button";
    title.className = "alert-zoom";
    title.textContent = alert.severity + " · " + alert.title;
    var when = document.createElement("span");
    when.className = "when";
    when.textContent = String(alert.raisedAt).replace("T", " ").substring(0, 16) + " UTC" + (alert.subjectLabel ? " · " + alert.subjectLabel : "");
    var open = document.createElement("a");
    open.href = href;
    open.className = "alert-open";
    open.textContent = "Open";
    open.setAttribute("aria-label", "Open alert: " + alert.title);
    item.appendChild(title);
    item.appendChild(when);
    item.appendChild(open);
    list.insertBefore(item, list.firstChild);
    var entry = { layers: [], item: item, siteId: alert.siteId, severity: alert.severity, agency: alert.ownerAgency };
    if (alert.ownerAgency) { addOption(filterAgency, alert.ownerAgency, alert.ownerAgency); }
    var marker = null;
    if (typeof alert.latitude === "number" && typeof alert.longitude === "number") {
      var high = alert.severity === "High" || alert.severity === "Critical";
      var popup = document.createElement("div");
      var strong = document.createElement("strong");
      strong.textContent = alert.title;
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "Open alert";
      link.setAttribute("data-testid", "alert-popup-open");
      popup.appendChild(strong);
      popup.appendChild(document.createElement("br"));
      popup.appendChild(link);
      marker = L.circleMarker([alert.latitude, alert.longitude], {
        radius: high ? 9 : 6, color: high ? "#b3261e" : "#946200", weight: 3, className: "alert-marker alert-" + String(alert.kind).replace(/[^A-Za-z0-9-]/g, "-"),
      }).bindTooltip(alert.title).bindPopup(popup);
      groups.alerts.addLayer(marker);
      entry.layers.push([marker, "alerts"]);
    }
    title.addEventListener("click", function () {
      var place = marker ? marker.getLatLng() : (sites[alert.siteId] && sites[alert.siteId].bounds.getCenter());
      if (!place) { window.location.href = href; return; }
      map.setView(place, Math.max(map.getZoom(), 15));
      if (marker && groups.alerts.hasLayer(marker)) { marker.openPopup(); }
      element.setAttribute("data-focused-alert", alert.id);
    });
    alerts[alert.id] = entry;
    element.setAttribute("data-alerts-shown", String(Object.keys(alerts).length));
    applyFilters();
  }

  // Incidents, when that module answers (incidents-layer.js: filters, clusters, the heat view); else the layer stays empty.
  if (element.dataset.incidentsUrl && window.JsmsIncidentsLayer) {
    window.JsmsIncidentsLayer.attach(map, groups.incidents, layerControl, element);
  }

  // Sites first, so the site filter's options are there when the alerts are listed.
  sitesLoaded.then(function () { return G.getJson(element.dataset.alertsUrl); }, function () { return G.getJson(element.dataset.alertsUrl); })
    .then(function (open) { open.reverse().forEach(addAlert); });

  if (window.EventSource) {
    var stream = new EventSource(element.dataset.streamUrl);
    stream.addEventListener("ready", function () { element.setAttribute("data-stream-ready", "true"); });
    stream.addEventListener("alert", function (event) { addAlert(JSON.parse(event.data)); });
    // The server could not send everything (the list fell behind, or a replay was too long): reload the open alerts;
    // addAlert ignores those already shown, and EventSource resumes from its last id when the server ends the stream.
    stream.addEventListener("skipped", function () {
      G.getJson(element.dataset.alertsUrl).then(function (open) { open.reverse().forEach(addAlert); });
    });
  }
})();
