// The menu's counts (open alerts, unacknowledged urgent messages), read from /api/alerts/counts when the alert stream
// says an alert was raised and every 30 s (acknowledgements, urgent messages), and the browser's notification of High
// and Critical alerts, offered by a button (never asked for unprompted).
(function () {
  "use strict";
  var nav = document.querySelector("[data-counts-url]");
  if (!nav) { return; }
  var url = nav.getAttribute("data-counts-url");

  function show(testid, value) {
    var badge = nav.querySelector('[data-testid="' + testid + '"]');
    if (!badge) { return; }
    badge.textContent = String(value);
    badge.hidden = !value;
    // The badge is hidden from assistive technology so the link keeps its name; the count is the link's description.
    var link = badge.closest("a");
    if (link) {
      if (value) { link.title = value + " " + badge.getAttribute("data-label"); } else { link.removeAttribute("title"); }
    }
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (!c) { return; }
        show("menu-open-alerts", c.openAlerts);
        show("menu-urgent", c.unacknowledgedUrgent);
        nav.setAttribute("data-counts-loaded", "true");
      })
      .catch(function () { /* the next poll tries again */ });
  }
  refresh();
  setInterval(refresh, 30000);

  var button = document.querySelector('[data-testid="notify-toggle"]');
  var key = "jsms-notify-high-alerts";
  function listening() { return "Notification" in window && Notification.permission === "granted" && localStorage.getItem(key) === "on"; }
  var notifying = false;
  function listen() { notifying = true; }
  if (window.EventSource && nav.getAttribute("data-stream-url")) {
    var stream = new EventSource(nav.getAttribute("data-stream-url"));
    stream.addEventListener("ready", function () { nav.setAttribute("data-stream-ready", "true"); });
    stream.addEventListener("alert", function (event) {
      refresh();
      if (!notifying) { return; }
      var alert = JSON.parse(event.data);
      if (alert.severity === "High" || alert.severity === "Critical" || alert.severity >= 3) {
        var note = new Notification(alert.title, { body: String(alert.severity), tag: alert.id });
        note.onclick = function () { window.focus(); location.href = "/Alerts/Detail/" + alert.id; };
      }
    });
  }
  if (button) {
    if (!("Notification" in window)) {
      button.hidden = true;
    } else if (listening()) {
      button.textContent = button.getAttribute("data-on-label");
      button.disabled = true;
      listen();
    } else {
      button.addEventListener("click", function () {
        Notification.requestPermission().then(function (permission) {
          if (permission === "granted") {
            localStorage.setItem(key, "on");
            button.textContent = button.getAttribute("data-on-label");
            button.disabled = true;
            listen();
          }
        });
      });
    }
  }
})();
