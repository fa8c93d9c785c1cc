// Версия для слабовидящих: font size, colours, letter spacing and images, chosen
// once and remembered on every page (localStorage). Loaded in <head> without
// `defer` so the page is drawn in the chosen colours from the start.
(function () {
  "use strict";
  var KEY = "palata-low-vision";
  var DEFAULTS = { font: "normal", scheme: "normal", spacing: "normal", images: "on" };
  var root = document.documentElement;

  function load() {
    var saved = {};
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
    } catch (error) {
      saved = {};  // storage off (private mode) or damaged: the default look
    }
    var settings = {};
    Object.keys(DEFAULTS).forEach(function (name) {
      settings[name] = typeof saved[name] === "string" ? saved[name] : DEFAULTS[name];
    });
    return settings;
  }

  function apply(settings) {
    Object.keys(DEFAULTS).forEach(function (name) {
      if (settings[name] === DEFAULTS[name]) {
        delete root.dataset[name];
      } else {
        root.dataset[name] = settings[name];
      }
    });
  }

  function save(settings) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(settings));
    } catch (error) {
      // Not remembered across pages, but still applied to this one.
    }
  }

  apply(load());

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-low-vision]");
    if (!panel) {
      return;
    }
    var toggle = panel.querySelector(".low-vision-toggle");
    var form = panel.querySelector("form");
    var reset = panel.querySelector("[data-low-vision-reset]");

    function show(settings) {
      Object.keys(DEFAULTS).forEach(function (name) {
        var input = form.querySelector('input[name="' + name + '"][value="' + settings[name] + '"]');
        if (input) {
          input.checked = true;
        }
      });
    }

    panel.hidden = false;
    show(load());

    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      form.hidden = open;
    });
    form.addEventListener("change", function (event) {
      var settings = load();
      settings[event.target.name] = event.target.value;
      apply(settings);
      save(settings);
    });
    reset.addEventListener("click", function () {
      apply(DEFAULTS);
      save(DEFAULTS);
      show(DEFAULTS);
    });
  });
})();
