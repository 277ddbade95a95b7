/* morgue search widget: drop into any page of the intranet.
 *
 *   <div id="morgue"></div>
 *   <script src="https://morgue.example/widget.js" data-target="#morgue"></script>
 *
 * Options (data- attributes of the script tag): data-target (a CSS selector,
 * default #morgue), data-limit (hits per search, default 10), data-placeholder.
 * The host's origin must be in morgue's server.cors_allowed_origins. Styles use
 * :where() so that any rule of the host page overrides them; every element has
 * a morgue- class to hook onto.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(".", script.src);
  var target = document.querySelector(script.dataset.target || "#morgue");
  if (!target) return;
  var limit = Number(script.dataset.limit || 10);

  if (!document.getElementById("morgue-widget-style")) {
    var style = document.createElement("style");
    style.id = "morgue-widget-style";
    style.textContent =
      ":where(.morgue-widget){font:inherit;color:inherit}" +
      ":where(.morgue-form){display:flex;gap:.4rem;margin:0 0 .5rem}" +
      ":where(.morgue-input){flex:1;padding:.35rem .5rem;font:inherit}" +
      ":where(.morgue-hits){list-style:none;margin:0;padding:0}" +
      ":where(.morgue-hit){padding:.4rem 0;border-bottom:1px solid #ddd}" +
      ":where(.morgue-meta){color:#555;font-size:.85em}" +
      ":where(.morgue-snippet){margin:.2rem 0 0}" +
      ":where(.morgue-widget mark){background:#ffe680;color:inherit}";
    document.head.appendChild(style);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var root = make("div", "morgue-widget");
  var form = make("form", "morgue-form");
  form.setAttribute("role", "search");
  var label = make("label", "morgue-label", "Search the archive");
  var input = make("input", "morgue-input");
  input.type = "search";
  input.id = "morgue-q-" + Math.random().toString(36).slice(2);
  input.placeholder = script.dataset.placeholder || "Search the archive";
  label.htmlFor = input.id;
  label.style.position = "absolute";
  label.style.left = "-9999px";
  var button = make("button", "morgue-button", "Search");
  button.type = "submit";
  form.append(label, input, button);
  var status = make("p", "morgue-status");
  status.setAttribute("role", "status");
  var hits = make("ul", "morgue-hits");
  root.append(form, status, hits);
  target.replaceChildren(root);

  var timer = null;
  var seq = 0;
  function search() {
    var q = input.value.trim();
    var mine = ++seq;
    var url = new URL("api/v1/search", base);
    url.searchParams.set("q", q);
    url.searchParams.set("limit", String(limit));
    status.textContent = "Searching…";
    fetch(url.toString(), { headers: { accept: "application/json" } })
      .then(function (response) { return response.json().then(function (body) { return [response.ok, body]; }); })
      .then(function (result) {
        if (mine !== seq) return;
        var ok = result[0], data = result[1];
        if (!ok) { status.textContent = data.message || "Search failed"; hits.replaceChildren(); return; }
        status.textContent = data.total + (data.total === 1 ? " article" : " articles");
        hits.replaceChildren.apply(hits, data.hits.map(function (hit) {
          var item = make("li", "morgue-hit");
          var link = make("a", "morgue-title");
          var page = new URL("./", base);
          page.searchParams.set("article", hit.id);
          if (q) page.searchParams.set("q", q);
          link.href = hit.url || page.toString();
          link.innerHTML = hit.title_html; // escaped by the server, <mark> only
          var meta = make("div", "morgue-meta", [hit.site, (hit.published || "").slice(0, 10)].filter(Boolean).join(" · "));
          var snippet = make("p", "morgue-snippet");
          snippet.innerHTML = hit.snippet; // escaped by the server, <mark> only
          item.append(link, meta, snippet);
          return item;
        }));
      })
      .catch(function () { if (mine === seq) status.textContent = "The archive did not answer."; });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); search(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 300); });
})();
