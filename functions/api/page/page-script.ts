/**
 * The page's only script (a few KB, no framework): it previews what an alert query matches, as one
 * types, through GET /headlines?q=...&limit=5, and submits the sign-up form in place. Everything it
 * enhances works without it. Plain ES2017 text: it is sent as is, never bundled.
 */
export const PAGE_SCRIPT = `(function () {
  "use strict";
  var form = document.getElementById("alert-form");
  var data = document.getElementById("page-strings");
  if (!form || !data || !window.fetch) return;
  var t = JSON.parse(data.textContent || "{}");
  var preview = document.getElementById("alert-preview");
  var status = preview.querySelector("[data-status]");
  var list = preview.querySelector("ol");
  var outcome = document.getElementById("alert-outcome");
  var address = form.elements.namedItem("address");
  var timer = 0;
  var seq = 0;

  function value(name) {
    var el = form.elements.namedItem(name);
    return el ? String(el.value || "") : "";
  }
  function mode() { return value("mode") === "topic" ? "topic" : "query"; }

  function showMode() {
    var m = mode();
    form.querySelectorAll("[data-mode]").forEach(function (el) { el.hidden = el.getAttribute("data-mode") !== m; });
    var sms = value("channel") === "sms";
    address.type = sms ? "tel" : "email";
    address.autocomplete = sms ? "tel" : "email";
  }

  function searchParams() {
    if (mode() === "topic") return value("topic") ? "topic=" + encodeURIComponent(value("topic")) : "";
    var q = value("query").trim();
    return q ? "q=" + encodeURIComponent(q) : "";
  }

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "notice error" : "hint";
  }

  function item(h) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = h.link;
    a.lang = h.lang;
    a.textContent = h.title;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" (" + h.source + ")"));
    return li;
  }

  function runPreview() {
    var p = searchParams();
    var mine = ++seq;
    if (!p) { preview.hidden = true; list.replaceChildren(); return; }
    preview.hidden = false;
    say(t.loading, false);
    fetch("/headlines?limit=5&" + p, { headers: { accept: "application/json" } })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .then(function (r) {
        if (mine !== seq) return;
        if (!r.ok) { list.replaceChildren(); say(t.failed + " " + (r.body && r.body.detail ? r.body.detail : ""), true); return; }
        list.replaceChildren.apply(list, r.body.items.map(item));
        say(r.body.items.length ? "" : t.empty, false);
      })
      .catch(function () { if (mine === seq) say(t.failed, true); });
  }

  function schedule(e) {
    if (e && e.target === address) return;
    showMode();
    clearTimeout(timer);
    timer = setTimeout(runPreview, 300);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    outcome.textContent = t.sending;
    fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), headers: { "x-page-fragment": "1" } })
      .then(function (res) {
        // Only the page route's own HTML (escaped on the server) goes in; anything else is a failure.
        if (!/^text\\/html/.test(res.headers.get("content-type") || "")) throw new Error("not html");
        return res.text();
      })
      .then(function (html) { outcome.innerHTML = html; })
      .catch(function () { outcome.textContent = t.unavailable; })
      .then(function () { button.disabled = false; outcome.focus(); });
  });
  showMode();
  if (searchParams()) runPreview();
})();`;
