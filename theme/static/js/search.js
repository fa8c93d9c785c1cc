/* Site search on Pagefind's JS API (/pagefind/pagefind.js), in Russian.
   - The box in the header shows the first results under it as the reader types;
     Enter opens the search page with all of them.
   - The search page (/search/) reads ?q= and the filters from its address and
     keeps them there, so a search can be linked.
   In both, the down arrow goes from the box to the results and between them,
   the up arrow back, and Escape returns to the box. */

const DELAY_MS = 150;
const PAGE_SIZE = 20;
const PARTS_SHOWN = 3;
// The filters in the order shown, with their labels.
const FILTERS = [
  ["section", "Раздел"],
  ["city", "Город"],
  ["year", "Год"],
  ["kind", "Вид документа"],
];

const box = document.querySelector("[data-search-box]");
const bundleUrl = new URL(box.getAttribute("data-search-bundle"), document.baseURI).href;
let loading = null;

// The results' styles come with this script, from the theme's css/ beside its
// js/: pages that never search load none.
function addResultStyles() {
  const href = new URL("../css/search.css", import.meta.url).href;
  const linked = [...document.querySelectorAll("link[rel~=stylesheet]")];
  if (!linked.some((sheet) => sheet.href === href)) {
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = href;
    document.head.appendChild(sheet);
  }
}

// Loaded once for the page, whichever field asks first.
function pagefind() {
  if (!loading) {
    loading = import(bundleUrl).then(async (api) => {
      await api.options({ excerptLength: 24 });
      await api.init();
      return api;
    });
  }
  return loading;
}

function plural(n, one, few, many) {
  const tens = n % 100;
  const units = n % 10;
  if (tens < 11 || tens > 14) {
    if (units === 1) {
      return one;
    }
    if (units >= 2 && units <= 4) {
      return few;
    }
  }
  return many;
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) {
    node.className = className;
  }
  if (text) {
    node.textContent = text;
  }
  return node;
}

function link(url, text) {
  const anchor = element("a", null, text);
  anchor.href = url;
  return anchor;
}

// Pagefind's excerpts are the page's text as it was, not escaped, with <mark>
// around the words found: only the marks become elements.
function excerpt(className, marked) {
  const paragraph = element("p", className);
  marked.split(/(<mark>|<\/mark>)/).reduce((inMark, piece) => {
    if (piece === "<mark>" || piece === "</mark>") {
      return piece === "<mark>";
    }
    if (piece) {
      paragraph.appendChild(inMark ? element("mark", null, piece) : document.createTextNode(piece));
    }
    return inMark;
  }, false);
  return paragraph;
}

// Sub-results are the headings with ids: a section, a plan item, or a speech,
// whose heading is the speaker.
function parts(data) {
  const anchored = data.sub_results.filter((part) => part.anchor);
  anchored.sort((a, b) => b.locations.length - a.locations.length);
  return anchored.slice(0, PARTS_SHOWN);
}

function partLabel(part) {
  return part.anchor.id.startsWith("turn-") ? `Выступление: ${part.title}` : part.title;
}

// On the search page a result's title is a heading; under the header box, the
// results are a short list of links with no place in the page's outline.
function result(data, asHeading, withExcerpts) {
  const item = element("li", "search-result");
  const heading = element(asHeading ? "h2" : "p", "search-result-title");
  heading.appendChild(link(data.url, data.meta.title));
  item.appendChild(heading);
  const facts = [data.meta.section, data.meta.date, data.meta.city].filter(Boolean);
  item.appendChild(element("p", "search-result-facts", facts.join(" · ")));
  const found = parts(data);
  if (withExcerpts && !found.length) {
    item.appendChild(excerpt("search-result-excerpt", data.excerpt));
  }
  if (found.length) {
    const list = element("ul", "search-result-parts");
    found.forEach((part) => {
      const entry = element("li");
      entry.appendChild(link(part.url, partLabel(part)));
      if (withExcerpts) {
        entry.appendChild(excerpt("search-result-excerpt", part.excerpt));
      }
      list.appendChild(entry);
    });
    item.appendChild(list);
  }
  return item;
}

function countText(n) {
  return `Найдено: ${n} ${plural(n, "публикация", "публикации", "публикаций")}.`;
}

function noHitsText(query) {
  const what = query ? `По запросу «${query}»` : "С этими фильтрами";
  return `${what} ничего не найдено. Проверьте написание, ` +
    "попробуйте другое слово или уберите фильтры. Слова находятся в любой форме: " +
    "«бюджетом» найдёт и «бюджет».";
}

const EMPTY_TEXT = "Введите слово или несколько слов: название города, закона, " +
  "тему или фамилию выступающего.";
const FAILED_TEXT = "Поиск не загрузился. Обновите страницу или воспользуйтесь " +
  "архивом публикаций.";

// Arrows move between the field and the links of the results.
function arrowKeys(input, container) {
  function links() {
    return Array.from(container.querySelectorAll("a"));
  }
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  container.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at === -1) {
      return;
    }
    if (event.key === "ArrowDown" && at < all.length - 1) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
}

function debounced(run) {
  let timer = null;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DELAY_MS);
  };
}

/* The box in the header --------------------------------------------------- */

function setUpBox() {
  const input = box.querySelector("input[type=search]");
  const panel = box.querySelector("[data-search-panel]");
  const limit = Number(box.getAttribute("data-search-limit"));
  const pageUrl = new URL(box.action);  // the search page, where the form goes without JavaScript
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", "Первые результаты поиска");
  const status = element("p", "search-status");
  status.setAttribute("role", "status");
  const list = element("ul", "search-results");
  panel.append(status, list);
  let asked = 0;

  async function run() {
    const query = input.value.trim();
    const ask = ++asked;
    if (!query) {
      panel.hidden = true;
      return;
    }
    let found;
    try {
      const api = await pagefind();
      found = await api.search(query);
    } catch (error) {
      status.textContent = FAILED_TEXT;
      panel.hidden = false;
      return;
    }
    const shown = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
    if (ask !== asked) {
      return;  // the reader typed on
    }
    list.replaceChildren(...shown.map((data) => result(data, false, false)));
    if (found.results.length) {
      status.textContent = countText(found.results.length);
      const all = element("li", "search-all");
      pageUrl.searchParams.set("q", query);
      all.appendChild(link(pageUrl.href, "Все результаты на странице поиска"));
      list.appendChild(all);
    } else {
      status.textContent = noHitsText(query);
    }
    panel.hidden = false;
  }

  pagefind().catch(() => {});
  input.addEventListener("input", debounced(run));
  arrowKeys(input, panel);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      panel.hidden = true;
      input.focus();
    }
  });
  // Closed when the reader moves on; opened again on return to the field.
  box.addEventListener("focusout", (event) => {
    if (!box.contains(event.relatedTarget)) {
      panel.hidden = true;
    }
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && list.children.length) {
      panel.hidden = false;
    }
  });
  if (input.value.trim()) {
    run();  // typed before this script arrived
  }
}

/* The search page --------------------------------------------------------- */

function sortedValues(name, counts) {
  const values = Object.keys(counts);
  if (name === "year") {
    return values.sort().reverse();
  }
  return values.sort((a, b) => a.localeCompare(b, "ru"));
}

function filterControls(container, available, chosen) {
  const selects = {};
  FILTERS.forEach(([name, label]) => {
    const counts = available[name];
    if (!counts || !Object.keys(counts).length) {
      return;
    }
    const id = `search-filter-${name}`;
    const field = element("p", "search-filter");
    const caption = element("label", null, label);
    caption.htmlFor = id;
    const select = element("select");
    select.id = id;
    select.name = name;
    select.appendChild(new Option("Все", ""));
    sortedValues(name, counts).forEach((value) => {
      const option = new Option(`${value} (${counts[value]})`, value);
      option.selected = value === chosen[name];
      select.appendChild(option);
    });
    field.append(caption, select);
    container.appendChild(field);
    selects[name] = select;
  });
  container.hidden = false;
  return selects;
}

async function setUpPage(form) {
  const input = form.querySelector("input[type=search]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  document.querySelector("[data-search-no-js]").hidden = true;
  let api;
  let selects;
  try {
    api = await pagefind();
    selects = filterControls(
      form.querySelector("[data-search-filters]"),
      await api.filters(),
      Object.fromEntries(FILTERS.map(([name]) => [name, params.get(name) || ""])),
    );
  } catch (error) {
    status.textContent = FAILED_TEXT;
    document.querySelector("[data-search-no-js]").hidden = false;
    return;
  }
  let asked = 0;
  let pending = [];

  function chosenFilters() {
    const chosen = {};
    Object.entries(selects).forEach(([name, select]) => {
      if (select.value) {
        chosen[name] = select.value;
      }
    });
    return chosen;
  }

  function remember(query, chosen) {
    const address = new URL(window.location.href);
    address.search = new URLSearchParams({ ...(query ? { q: query } : {}), ...chosen });
    window.history.replaceState(null, "", address);
  }

  async function nextResults() {
    const next = pending.splice(0, PAGE_SIZE);
    const shown = await Promise.all(next.map((r) => r.data()));
    return shown.map((data) => result(data, true, true));
  }

  async function showMore() {
    list.append(...(await nextResults()));
    more.hidden = !pending.length;
  }

  async function run() {
    const query = input.value.trim();
    const chosen = chosenFilters();
    const ask = ++asked;
    remember(query, chosen);
    const filtered = Object.keys(chosen).length > 0;
    if (!query && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = EMPTY_TEXT;
      return;
    }
    // With filters alone, every publication they select is listed.
    const found = await api.search(query || null, { filters: chosen });
    if (ask !== asked) {
      return;
    }
    pending = found.results.slice();
    const shown = await nextResults();
    if (ask !== asked) {
      return;  // the reader typed on
    }
    list.replaceChildren(...shown);
    more.hidden = !pending.length;
    // Announced once the results it counts are on the page, as the box does.
    status.textContent = found.results.length ? countText(found.results.length) :
      noHitsText(query);
  }

  input.addEventListener("input", debounced(run));
  Object.values(selects).forEach((select) => select.addEventListener("change", run));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  more.addEventListener("click", showMore);
  arrowKeys(input, list);
  run();
}

addResultStyles();
setUpBox();
const page = document.querySelector("[data-search-page]");
if (page) {
  setUpPage(page);
}
