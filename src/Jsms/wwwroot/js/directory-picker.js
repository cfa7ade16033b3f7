// Search pickers for agency codes and usernames (Features/Shared/_DirectoryPicker.cshtml). Each is a text input that
// stays what the form posts: the script only suggests, from /api/directory/{agencies|users}?q=, and writes the chosen
// code into the text (after the last comma when the field takes several). The ARIA combobox pattern: the input owns
// a listbox; Up/Down move through the options, Enter or Tab takes one, Escape closes; the count is announced.
// Suggestions open on keystrokes (and Down), not on text set or pasted at once, so a filled-in field is left alone.
(function () {
  "use strict";
  if (window.jsmsDirectoryPicker) { return; }
  window.jsmsDirectoryPicker = true;

  function tokenOf(input, multiple) {
    if (!multiple) { return input.value.trim(); }
    var parts = input.value.split(",");
    return parts[parts.length - 1].trim();
  }

  function chosen(input, multiple) {
    if (!multiple) { return []; }
    var parts = input.value.split(",").map(function (p) { return p.trim().toLowerCase(); });
    parts.pop();
    return parts;
  }

  function setUp(box) {
    var input = box.querySelector("input");
    var list = box.querySelector("[role=listbox]");
    if (!input || !list || box.getAttribute("data-picker-ready")) { return; }
    box.setAttribute("data-picker-ready", "true");
    var kind = box.getAttribute("data-picker");
    var multiple = box.getAttribute("data-picker-multiple") === "true";
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    var typed = false;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (o, i) { o.el.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].el.id);
        options[index].el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function take(index) {
      var code = options[index].code;
      if (multiple) {
        var parts = input.value.split(",");
        parts[parts.length - 1] = (parts.length > 1 ? " " : "") + code;
        input.value = parts.join(",") + ", ";
      } else {
        input.value = code;
      }
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.focus();
    }

    function show(entries) {
      list.textContent = "";
      var skip = chosen(input, multiple);
      options = entries.filter(function (e) { return skip.indexOf(e.code.toLowerCase()) < 0; }).map(function (e, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-code", e.code);
        var code = document.createElement("strong");
        code.textContent = e.code;
        li.appendChild(code);
        li.appendChild(document.createTextNode(" " + e.name + (e.detail ? " · " + e.detail : "")));
        li.addEventListener("mousedown", function (event) { event.preventDefault(); take(i); });
        list.appendChild(li);
        return { code: e.code, el: li };
      });
      active = -1;
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      status.textContent = options.length ? options.length + " " + (options.length === 1 ? "match" : "matches") : "No match";
    }

    function search() {
      var ask = ++asked;
      var url = "/api/directory/" + encodeURIComponent(kind) + "?q=" + encodeURIComponent(tokenOf(input, multiple));
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (entries) { if (ask === asked && document.activeElement === input) { show(entries); } })
        .catch(function () { /* typing still works: the field is plain text */ });
    }

    input.addEventListener("input", function () {
      if (!typed) { return; }
      typed = false;
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete") { typed = true; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) { search(); return; }
        if (!options.length) { return; }
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        take(active);
      } else if (event.key === "Tab" && !list.hidden && active >= 0) {
        take(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  function all() { document.querySelectorAll("[data-picker]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
})();
