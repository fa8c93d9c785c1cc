/* The search box in the header. Nothing of the search is loaded with the page:
   the first time the reader focuses the box, the search script is added, and it
   loads Pagefind's index from this site. Without JavaScript the box is a plain
   form that opens the search page. */
(function () {
  "use strict";

  var box = document.querySelector("[data-search-box]");
  // search.js lies beside this file in the theme.
  var searchScript = new URL("search.js", document.currentScript.src).href;
  if (!box || !("noModule" in HTMLScriptElement.prototype)) {
    return;  // an old browser keeps the plain form
  }

  function load() {
    box.removeEventListener("focusin", load);
    var script = document.createElement("script");
    script.type = "module";
    script.src = searchScript;
    document.head.appendChild(script);
  }

  box.addEventListener("focusin", load);
}());
