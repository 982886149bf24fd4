/* graphbuild notebook loader: the page of a show() call whose scripts are shared.
 *
 * In a notebook the first view carries vis-network, the page script, its
 * styles and the map outlines once (a script in the notebook keeps them);
 * every view's frame asks the notebook for them by key, then runs them.  The
 * frame's Content-Security-Policy allows only scripts with the hashes of the
 * expected vis-network and page script, so nothing else sent could run.
 */
(function () {
  "use strict";
  var key = document.body.getAttribute("data-assets");
  var done = false, tries = 0;
  function fail() {
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = "This view shares its scripts with the first graphbuild view of the notebook, " +
      "which is not there (or the notebook is not trusted). Run this cell again, or trust the notebook.";
    document.querySelector(".gb-canvas").appendChild(p);
  }
  function ask() {
    if (done) return;
    if (tries++ > 50) { fail(); return; }
    window.parent.postMessage({ graphbuild: "assets?", key: key }, "*");
    setTimeout(ask, 200);
  }
  window.addEventListener("message", function (ev) {
    var m = ev.data;
    if (done || ev.source !== window.parent || !m || m.graphbuild !== "assets" || m.key !== key || !m.assets) return;
    done = true;
    var a = m.assets;
    document.head.querySelector("style").textContent = String(a["vis.css"]);
    document.getElementById("graph-world").textContent = String(a.world);
    [a["vis.js"], a["page.js"]].forEach(function (code) {
      var s = document.createElement("script");
      s.textContent = String(code);
      document.body.appendChild(s);
    });
  });
  ask();
})();
