// Browsable page for the OpenAPI document; a separate file because the CSP forbids inline scripts.
// Swagger UI draws some controls without a name (the definition picker, parameter selects): each gets one from what
// stands beside it, also for those drawn later (an operation opened), so screen readers can tell them apart.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");

  function label() {
    root.querySelectorAll("select:not([aria-label]):not([aria-labelledby]), input:not([type=hidden]):not([aria-label]):not([aria-labelledby])").forEach(function (control) {
      // A label counts only when it says something besides the control (Swagger UI wraps the server select in an empty one).
      var own = control.id && root.querySelector("label[for='" + control.id + "']") || control.closest("label");
      if (own && own.textContent.replace(control.textContent, "").trim().length > 0) { return; }
      var near = control.closest("tr") && control.closest("tr").querySelector(".parameter__name");
      var text = near ? near.textContent.replace("*", "").trim()
        : control.closest(".servers") ? "Server"
        : control.closest(".content-type-wrapper, .response-control-media-type") ? "Media type"
        : control.getAttribute("placeholder") || control.getAttribute("title") || "Value";
      control.setAttribute("aria-label", text);
    });
    root.setAttribute("data-labelled", "true");
  }

  new MutationObserver(label).observe(root, { childList: true, subtree: true });
  window.ui = SwaggerUIBundle({ url: "/openapi/v1.json", dom_id: "#swagger-ui", onComplete: label });
})();
