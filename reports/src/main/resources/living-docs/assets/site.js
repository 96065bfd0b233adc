// The living documentation's only script: small comforts, nothing the pages need to be read.
(function () {
  "use strict";
  // A link to something inside a closed <details> opens it.
  function openTarget() {
    if (!location.hash) { return; }
    var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);

  // Hovering a field of a frame diagram marks its bytes in the byte dump beneath.
  document.addEventListener("mouseover", function (event) {
    var cell = event.target.closest ? event.target.closest("[data-bytes]") : null;
    var figure = cell ? cell.closest("figure.frame") : null;
    document.querySelectorAll(".dump .hl").forEach(function (b) { b.classList.remove("hl"); });
    if (!cell || !figure) { return; }
    var range = cell.getAttribute("data-bytes").split("-");
    for (var i = Number(range[0]); i <= Number(range[1]); i++) {
      var b = figure.querySelector(".dump [data-b='" + i + "']");
      if (b) { b.classList.add("hl"); }
    }
  });
})();
