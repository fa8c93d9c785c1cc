/* Meeting pages, for readers with JavaScript. Without it the page is complete:
   the facades link to the provider's page, the times link to the video at that
   moment and every turn has its own anchor. This script only adds to that:
   - a player is framed when the reader presses play, never before, and
     only one plays at a time;
   - a turn's time seeks the player on this page, and the reader can go back
     from the player to the speech;
   - a button copies the link to a turn;
   - a box finds words in the transcript. */
(function () {
  "use strict";

  // Players that accept commands from the page, and where to send them.
  var ORIGINS = {
    rutube: "https://rutube.ru",
    youtube: "https://www.youtube-nocookie.com"
  };
  var COPIED_FOR_MS = 2000;
  var SEARCH_DELAY_MS = 150;

  function prefersReducedMotion() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function isInView(element) {
    // Scrolling is by whole pixels: a box may sit a fraction above the top.
    var box = element.getBoundingClientRect();
    return box.top > -1 && box.bottom < window.innerHeight + 1;
  }

  function plainClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey &&
      !event.shiftKey && !event.altKey;
  }

  /* Players ------------------------------------------------------------- */

  // Every player on the page, with the facade it shows while not playing.
  var players = [];

  // One player at a time: two voices at once help nobody.
  function stopOthers(current) {
    players.forEach(function (player) {
      if (player === current) {
        return;
      }
      var video = player.element.querySelector("video");
      var iframe = player.element.querySelector("iframe");
      if (video) {
        video.pause();
      } else if (iframe) {
        // A framed player obeys only its own host: take it off the page.
        player.element.replaceChild(player.facade, iframe);
      }
    });
  }

  function frame(player, url) {
    stopOthers(player);
    var iframe = player.element.querySelector("iframe");
    if (iframe) {
      iframe.src = url;
      return iframe;
    }
    iframe = document.createElement("iframe");
    iframe.src = url;
    iframe.title = "Видеоплеер: " + player.facade.getAttribute("data-title");
    // "fullscreen" here is what the old allowfullscreen attribute said.
    iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    player.element.replaceChild(iframe, player.facade);
    return iframe;
  }

  function command(iframe, origin, message) {
    iframe.contentWindow.postMessage(JSON.stringify(message), origin);
  }

  function seek(player, seconds, playUrl) {
    var video = player.element.querySelector("video");
    if (video) {
      video.currentTime = seconds;
      var playing = video.play();
      if (playing && playing.catch) {
        playing.catch(function () {});  // the reader can still press play
      }
      return;
    }
    var iframe = player.element.querySelector("iframe");
    var provider = player.element.getAttribute("data-provider");
    if (!iframe) {
      frame(player, playUrl);
    } else if (provider === "rutube") {
      command(iframe, ORIGINS.rutube,
        {type: "player:setCurrentTime", data: {time: seconds}});
      command(iframe, ORIGINS.rutube, {type: "player:play", data: {}});
    } else if (provider === "youtube") {
      command(iframe, ORIGINS.youtube,
        {event: "command", func: "seekTo", args: [seconds, true]});
      command(iframe, ORIGINS.youtube,
        {event: "command", func: "playVideo", args: []});
    } else {
      // VK Video takes commands only through its own script, which the site's
      // policy does not load: reopen the player at the moment instead.
      frame(player, playUrl);
    }
  }

  function setUpPlayers() {
    var elements = document.querySelectorAll("[data-video-player]");
    Array.prototype.forEach.call(elements, function (element) {
      var player = {element: element, facade: element.querySelector(".video-facade")};
      players.push(player);
      var video = element.querySelector("video");
      if (video) {
        video.addEventListener("play", function () {
          stopOthers(player);
        });
        return;
      }
      player.facade.addEventListener("click", function (event) {
        if (!plainClick(event)) {
          return;  // a new tab or window: the provider's page, as the link says
        }
        event.preventDefault();
        frame(player, player.facade.getAttribute("data-play")).focus();
      });
    });
  }

  /* Times in the transcript ---------------------------------------------- */

  // Where the video is beside the text (wide screens) the reader stays put.
  // Otherwise the page goes up to the video, and a button under it brings the
  // reader back to the speech: focus is not left far below the player.
  function setUpTimes(transcript) {
    var timed = players.filter(function (player) {
      return player.element.hasAttribute("data-timed");
    })[0];
    var back = document.querySelector("[data-video-return]");
    if (!timed || !back) {
      return;
    }
    var figure = timed.element.parentNode;
    var backTo = back.querySelector("[data-video-return-turn]");
    var announcer = transcript.querySelector("[data-transcript-announcer]");
    var returnTo = null;

    back.addEventListener("click", function () {
      back.hidden = true;
      returnTo.focus({preventScroll: true});
      returnTo.scrollIntoView({block: "center"});
    });

    var times = transcript.querySelectorAll(".turn-time[data-start]");
    Array.prototype.forEach.call(times, function (link) {
      link.addEventListener("click", function (event) {
        if (!plainClick(event)) {
          return;
        }
        event.preventDefault();
        seek(timed, Number(link.getAttribute("data-start")),
          link.getAttribute("data-play"));
        var time = link.querySelector("time").textContent;
        announcer.textContent = "Видео с " + time;
        if (isInView(timed.element)) {
          back.hidden = true;
          return;
        }
        var speaker = link.closest(".turn").querySelector(".turn-speaker").firstChild;
        returnTo = link;
        backTo.textContent = ": " + speaker.nodeValue + ", " + time;
        back.hidden = false;
        figure.scrollIntoView({
          block: "start",
          behavior: prefersReducedMotion() ? "auto" : "smooth"
        });
        back.focus({preventScroll: true});
      });
    });
  }

  /* Links to turns ------------------------------------------------------ */

  function setUpCopyButtons(transcript) {
    var announcer = transcript.querySelector("[data-transcript-announcer]");
    var buttons = transcript.querySelectorAll("button[data-copy-link]");
    Array.prototype.forEach.call(buttons, function (button) {
      var label = button.firstChild;
      var idle = label.nodeValue;
      var anchor = button.getAttribute("data-copy-link");
      button.hidden = false;

      function done(message, shown) {
        announcer.textContent = message;
        label.nodeValue = shown;
        window.setTimeout(function () {
          label.nodeValue = idle;
        }, COPIED_FOR_MS);
      }

      function showInAddressBar() {
        window.history.replaceState(null, "", "#" + anchor);
        done("Ссылка на реплику — в адресной строке браузера.",
          "Ссылка в адресной строке");
      }

      button.addEventListener("click", function () {
        var url = window.location.href.split("#")[0] + "#" + anchor;
        if (!navigator.clipboard || !window.isSecureContext) {
          showInAddressBar();
          return;
        }
        navigator.clipboard.writeText(url).then(function () {
          done("Ссылка на реплику скопирована.", "Ссылка скопирована");
        }, showInAddressBar);
      });
    });
  }

  /* Finding words ------------------------------------------------------- */

  // Lower case and «ё» as «е»: both keep the text's length, so positions found
  // in the normalised text are positions in the original.
  function normalise(text) {
    return text.toLowerCase().replace(/ё/g, "е");
  }

  function plural(count, one, few, many) {
    var tens = count % 100;
    var units = count % 10;
    if (units === 1 && tens !== 11) {
      return one;
    }
    if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) {
      return few;
    }
    return many;
  }

  function clearMarks(element) {
    var marks = element.querySelectorAll("mark");
    Array.prototype.forEach.call(marks, function (mark) {
      var parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
  }

  function ranges(text, words) {
    var found = [];
    words.forEach(function (word) {
      var at = text.indexOf(word);
      while (at !== -1) {
        found.push([at, at + word.length]);
        at = text.indexOf(word, at + word.length);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.filter(function (range, index) {
      return index === 0 || range[0] >= found[index - 1][1];
    });
  }

  function highlight(element, words) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var normalised = normalise(text);
      if (normalised.length !== text.length) {
        return;  // a rare letter changed length: find it, but leave it unmarked
      }
      var found = ranges(normalised, words);
      if (!found.length) {
        return;
      }
      var fragment = document.createDocumentFragment();
      var position = 0;
      found.forEach(function (range) {
        fragment.appendChild(document.createTextNode(text.slice(position, range[0])));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(range[0], range[1]);
        fragment.appendChild(mark);
        position = range[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(position)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function setUpSearch(transcript) {
    var box = transcript.querySelector("[data-transcript-search]");
    if (!box) {
      return;
    }
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var turns = Array.prototype.slice.call(transcript.querySelectorAll(".turn"));
    var timer = null;
    box.hidden = false;

    function searchable(turn) {
      return [turn.querySelector(".turn-speaker"), turn.querySelector(".turn-text")];
    }

    function run() {
      var words = normalise(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      turns.forEach(function (turn) {
        var parts = searchable(turn);
        parts.forEach(clearMarks);
        var text = normalise(parts.map(function (part) {
          return part.textContent;
        }).join(" "));
        var matches = words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
        turn.hidden = !matches;
        if (matches && words.length) {
          shown += 1;
          parts.forEach(function (part) { highlight(part, words); });
        }
      });
      if (!words.length) {
        status.textContent = "";
      } else if (shown) {
        status.textContent = "Найдено: " + shown + " " +
          plural(shown, "реплика", "реплики", "реплик") + " из " + turns.length + ".";
      } else {
        status.textContent = "Ничего не найдено. Попробуйте начало слова: «бюджет» найдёт и «бюджета».";
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, SEARCH_DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        run();
      }
    });
  }

  setUpPlayers();
  var transcript = document.querySelector("[data-transcript]");
  if (transcript) {
    setUpTimes(transcript);
    setUpCopyButtons(transcript);
    setUpSearch(transcript);
  }
}());
