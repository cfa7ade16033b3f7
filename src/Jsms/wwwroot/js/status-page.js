// The status page's "back" link: the page the user came from (the app sends no Referer, so the server cannot know it);
// without a history it stays a link to the dashboard.
(function () {
  "use strict";
  document.querySelectorAll("a[data-back]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });
})();
