// The consent register's map (/Operations/Register): each consented area of the state, coloured by the consent's status,
// and the last position of each deployed tracker the user may read (red when outside its consent's area). Everything comes
// from /api/operations/register as the signed-in user may see it. When drawn, the map element carries data-areas (how many
// areas) and data-trackers (how many positions), for whoever needs to know it is ready.
(function () {
  "use strict";
  var element = document.getElementById("register-map");
  if (!element || !window.L || !window.JsmsGeo) {
    return;
  }
  var G = window.JsmsGeo;
  var map = G.baseMap(element, [24.9, 67.1], 6);
  var colours = { Active: "#2e7d32", Suspended: "#e08e0b", Revoked: "#b3261e", Expired: "#777777" };

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value;
    return span.innerHTML;
  }

  G.getJson(element.dataset.registerUrl).then(function (register) {
    var bounds = [];
    var areas = 0;
    var byConsent = {};
    register.consents.forEach(function (c) { byConsent[c.consentId] = c; });
    (register.areas.features || []).forEach(function (feature) {
      var p = feature.properties;
      var colour = colours[p.status] || "#1a5fb4";
      var polygons = feature.geometry.type === "MultiPolygon" ? feature.geometry.coordinates : [feature.geometry.coordinates];
      polygons.forEach(function (polygon) {
        var latlngs = polygon.map(G.ring);
        var layer = L.polygon(latlngs, { color: colour, fillColor: colour, fillOpacity: 0.2, weight: 2,
          className: "consent-area consent-area-" + String(p.status).toLowerCase() }).addTo(map);
        var path = layer.getElement();
        if (path) { path.setAttribute("data-consent", p.consentId); }
        var c = byConsent[p.consentId];
        layer.bindPopup("<strong>" + text(p.requestingAgency) + "</strong> · " + text(p.kind) + " · " + text(p.status)
          + (c ? "<br>" + text(c.purpose) + "<br>" + text(c.personnel.join(", ")) : ""));
        latlngs[0].forEach(function (ll) { bounds.push(ll); });
        areas++;
      });
    });
    var trackers = 0;
    register.consents.forEach(function (c) {
      c.trackers.forEach(function (t) {
        if (t.latitude === null || t.longitude === null) { return; }
        var colour = t.inside ? "#2e7d32" : "#b3261e";
        var marker = L.circleMarker([t.latitude, t.longitude], { radius: 7, color: colour, fillColor: colour, fillOpacity: 0.8,
          className: "register-tracker" + (t.inside ? "" : " register-tracker-outside") })
          .bindPopup(text(t.callsign) + " <code>" + text(t.deviceId) + "</code><br>" + text(t.time) + (t.inside ? "" : "<br><strong>outside the consented area</strong>"))
          .addTo(map);
        if (marker.getElement()) { marker.getElement().setAttribute("data-device", t.deviceId); }
        bounds.push([t.latitude, t.longitude]);
        trackers++;
      });
    });
    if (bounds.length > 0) {
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 11 });
    }
    element.dataset.areas = String(areas);
    element.dataset.trackers = String(trackers);
  }).catch(function () {
    element.dataset.areas = "error";
  });
})();
