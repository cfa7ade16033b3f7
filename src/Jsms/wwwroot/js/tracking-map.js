// The operating picture (/Tracking/Map): country outlines from world-atlas, sites with their perimeters,
// open alerts, and new alerts pushed by /api/alerts/stream. Everything comes from the API as the signed-in
// user may see it.
(function () {
  "use strict";
  var element = document.getElementById("tracking-map");
  if (!element || !window.L) {
    return;
  }
  var map = L.map(element, { worldCopyJump: true, attributionControl: false }).setView([24.9, 67.1], 9);
  var list = document.getElementById("tracking-alerts");
  var shown = {};

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  getJson(element.dataset.outlinesUrl).then(function (topology) {
    var countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, { style: { color: "#777", weight: 1, fillColor: "#eef1f4", fillOpacity: 1 }, interactive: false }).addTo(map).bringToBack();
  }).catch(function () { /* the map still shows sites and alerts */ });

  getJson(element.dataset.sitesUrl).then(function (sites) {
    var bounds = [];
    sites.forEach(function (site) {
      var layer = L.geoJSON(site.perimeter, { style: { color: "#b3261e", weight: 2, fillOpacity: 0.15 } })
        .bindTooltip(site.name + " (" + site.watchDistanceMetres + " m, " + site.loiteringThresholdMinutes + " min)");
      layer.addTo(map);
      layer.getLayers().forEach(function (l) { l.getElement && l.getElement() && l.getElement().setAttribute("data-site", site.name); });
      bounds.push(layer.getBounds());
    });
    element.setAttribute("data-sites-loaded", String(sites.length));
    if (bounds.length === 1) { map.fitBounds(bounds[0].pad(0.5)); }
  });

  function addAlert(alert) {
    if (shown[alert.id]) { return; }
    shown[alert.id] = true;
    var item = document.createElement("li");
    item.setAttribute("data-alert-kind", alert.kind);
    item.textContent = alert.severity + " · " + alert.title;
    list.insertBefore(item, list.firstChild);
    if (typeof alert.latitude === "number" && typeof alert.longitude === "number") {
      L.circleMarker([alert.latitude, alert.longitude], {
        radius: alert.severity === "High" || alert.severity === "Critical" ? 9 : 6,
        color: alert.severity === "High" || alert.severity === "Critical" ? "#b3261e" : "#946200",
        className: "alert-marker",
      }).bindTooltip(alert.title).addTo(map);
    }
    element.setAttribute("data-alerts-shown", String(Object.keys(shown).length));
  }

  getJson(element.dataset.alertsUrl).then(function (alerts) { alerts.reverse().forEach(addAlert); });

  if (window.EventSource) {
    var stream = new EventSource(element.dataset.streamUrl);
    stream.addEventListener("ready", function () { element.setAttribute("data-stream-ready", "true"); });
    stream.addEventListener("alert", function (event) { addAlert(JSON.parse(event.data)); });
  }
})();
