// The incident form's place picker: [data-incident-picker] shows a map; a click sets the latitude and longitude inputs
// named by data-latitude / data-longitude, and typing in them moves the marker. [data-incident-view] shows one point.
(function () {
  "use strict";
  if (!window.L || !window.JsmsGeo) { return; }
  var G = window.JsmsGeo;

  function number(input) {
    var value = parseFloat(input.value);
    return isFinite(value) ? value : null;
  }

  document.querySelectorAll("[data-incident-picker]").forEach(function (element) {
    var lat = document.getElementById(element.dataset.latitude);
    var lon = document.getElementById(element.dataset.longitude);
    var map = G.baseMap(element, [30.0, 69.0], 5);
    var marker = null;

    function show() {
      var la = number(lat), lo = number(lon);
      if (marker) { map.removeLayer(marker); marker = null; }
      if (la === null || lo === null) { element.setAttribute("data-points", "0"); return; }
      marker = L.circleMarker([la, lo], { radius: 7, color: "#b3261e", weight: 2, fillOpacity: 0.6, className: "incident-point" }).addTo(map);
      element.setAttribute("data-points", "1");
    }

    if (element.dataset.readonly !== "true") {
      map.on("click", function (event) {
        lat.value = (Math.round(event.latlng.lat * 1e5) / 1e5).toString();
        lon.value = (Math.round(event.latlng.lng * 1e5) / 1e5).toString();
        show();
      });
    }
    lat.addEventListener("change", show);
    lon.addEventListener("change", show);
    show();
    if (marker) { map.setView(marker.getLatLng(), 8); }
  });

  document.querySelectorAll("[data-incident-view]").forEach(function (element) {
    var la = parseFloat(element.dataset.latitude), lo = parseFloat(element.dataset.longitude);
    var map = G.baseMap(element, isFinite(la) ? [la, lo] : [30.0, 69.0], isFinite(la) ? 8 : 5);
    if (isFinite(la) && isFinite(lo)) {
      L.circleMarker([la, lo], { radius: 7, color: "#b3261e", weight: 2, fillOpacity: 0.6, className: "incident-point" }).addTo(map);
    }
  });
})();
