// Версия для слабовидящих: font size, colours, letter spacing and images, chosen
// once and remembered on every page (localStorage). Loaded in <head> without
// `defer` so the page is drawn in the chosen colours from the start.
(function () {
  "use strict";
  var KEY = "palata-low-vision";
  // Each setting with its choices, the first being the site's usual look. The
  // panel is built from this list: without JavaScript it could do nothing, so
  // pages do not carry its markup.
  var SETTINGS = [
    ["font", "Размер шрифта", [["normal", "Обычный"], ["large", "Крупный"], ["xlarge", "Очень крупный"]]],
    ["scheme", "Цвета", [["normal", "Обычные"], ["contrast", "Чёрным по белому"],
      ["inverse", "Белым по чёрному"], ["blue", "Тёмно-синим по голубому"]]],
    ["spacing", "Расстояние между буквами", [["normal", "Обычное"], ["wide", "Увеличенное"]]],
    ["images", "Изображения", [["on", "Показывать"], ["off", "Скрыть"]]]
  ];
  var DEFAULTS = {};
  SETTINGS.forEach(function (setting) {
    DEFAULTS[setting[0]] = setting[2][0][0];
  });
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

  function element(name, text) {
    var node = document.createElement(name);
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function button(text) {
    var node = element("button", text);
    node.type = "button";
    return node;
  }

  function settingsForm() {
    var form = element("form");
    form.id = "low-vision-settings";
    form.className = "low-vision-settings";
    form.hidden = true;
    SETTINGS.forEach(function (setting) {
      var fieldset = element("fieldset");
      fieldset.appendChild(element("legend", setting[1]));
      setting[2].forEach(function (choice) {
        var label = element("label");
        var input = element("input");
        input.type = "radio";
        input.name = setting[0];
        input.value = choice[0];
        label.append(input, " " + choice[1]);
        fieldset.appendChild(label);
      });
      form.appendChild(fieldset);
    });
    return form;
  }

  apply(load());

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-low-vision]");
    if (!panel) {
      return;
    }
    var toggle = button("Версия для слабовидящих");
    toggle.className = "low-vision-toggle";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "low-vision-settings");
    var form = settingsForm();
    var reset = button("Обычная версия сайта");
    var last = element("p");
    last.appendChild(reset);
    form.appendChild(last);
    panel.append(toggle, form);

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
