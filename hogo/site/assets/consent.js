/*! hogo consent: cookie banner and preferences, prior blocking, Google consent mode v2 (basic).
 *
 * Embed once per page:  <script src="https://HOGO/site/consent.js" defer></script>
 *   data-ga-id="G-XXXX"           hogo loads Google Analytics, and only after analytics consent
 *   data-cookie-domain=".ex.jp"   share the choice between subdomains
 *   data-cookies-analytics="_hj*" more cookie names to remove when a category is revoked
 * Held back until their category is accepted:
 *   <script type="text/plain" data-category="analytics" data-src="..."></script> (or inline code)
 *   <iframe data-category="..." data-src="..."></iframe>, <img data-category="..." data-src="...">
 * Reopen the preferences: <a href="#" data-hogo-consent="open">Cookie settings</a>
 * No dependencies, no inline script or style: works under a strict Content-Security-Policy.
 */
(() => {
  "use strict";
  const me = document.currentScript;
  if (!me || window.hogoConsent) return;

  const BASE = new URL("./", me.src).href;
  const GA_ID = me.dataset.gaId || "";
  const COOKIE = "hogo_consent";
  const MAX_AGE = 395 * 86400; // about 13 months, then the visitor is asked again
  const LANG = /^ja/i.test(document.documentElement.lang || navigator.language || "ja") ? "ja" : "en";
  // Cookies the usual analytics tags set, removed when analytics is revoked.
  const KNOWN_COOKIES = { analytics: ["_ga", "_ga_*", "_gid", "_gat*", "__utm*"] };
  // The banner's wording comes with the configuration, from hogo's translation catalogues
  // (hogo/site/banner.py); only the console warning below may run before it arrives.
  let UI = { failed: "Your choice could not be recorded." };
  const CSS = `:host{all:initial}
*{box-sizing:border-box}
.box{font:15px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",Meiryo,sans-serif;color:#1a1a1a;background:#fff;border:1px solid #555;border-radius:8px;padding:1.25rem}
.banner{position:fixed;z-index:2147483647;left:1rem;right:1rem;bottom:1rem;max-width:46rem;margin:0 auto;box-shadow:0 4px 24px rgba(0,0,0,.3)}
dialog{width:calc(100% - 2rem);max-width:40rem;max-height:calc(100% - 2rem);overflow:auto}
dialog::backdrop{background:rgba(0,0,0,.5)}
h2{font-size:1.15rem;margin:0 0 .5rem}
p{margin:0 0 .6rem}
a{color:#0645ad}
.row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
button{font:inherit;cursor:pointer;min-height:44px;padding:.4rem 1.1rem;border-radius:6px;border:2px solid #1a1a1a;background:#fff;color:#1a1a1a}
button.main{background:#1a1a1a;color:#fff}
:focus-visible{outline:3px solid #d48a00;outline-offset:2px}
.cat{border-top:1px solid #ccc;padding:.6rem 0}
label{font-weight:bold;display:flex;gap:.5rem;align-items:center}
input{width:1.2rem;height:1.2rem;margin:0}
.note{font-size:.9rem;color:#444}
@media (prefers-color-scheme:dark){.box,button{color:#eee;background:#1e1e1e;border-color:#ccc}button.main{background:#eee;color:#111}a{color:#8ab4f8}.note{color:#bbb}}`;

  let config = null;
  let gpc = navigator.globalPrivacyControl === true;
  let stored = readCookie();
  let active = new Set(); // categories allowed on this page now
  const ran = new Set(); // categories whose code ran on this page (revoking them needs a reload)
  let host = null;
  let banner = null;
  let dialog = null;

  // Consent mode v2 defaults go first in the data layer, ahead of anything the page queued.
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  function gtag() {
    dataLayer.push(arguments); // gtag.js expects Arguments objects, not arrays
  }
  const defaults = (function () {
    return arguments;
  })("consent", "default", consentTypes(new Set()));
  dataLayer.unshift(defaults);

  window.hogoConsent = {
    open: () => openPreferences(null),
    accepted: (category) => active.has(category),
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('[data-hogo-consent="open"]');
    if (link) {
      event.preventDefault();
      openPreferences(link);
    }
  });

  fetch(BASE + "config.json", { credentials: "omit" })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("configuration: HTTP " + r.status))))
    .then((c) => whenReady(() => start(c)))
    .catch((e) => console.warn("hogo consent: nothing optional is enabled;", e.message));

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function start(c) {
    config = c;
    UI = c.ui[LANG] || c.ui.ja;
    gpc = gpc || c.gpc === true;
    const known = new Set(c.categories.map((x) => x.id));
    const current = stored && stored.version === c.version && stored.accepted.every((x) => known.has(x));
    apply(current ? stored.accepted : []);
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n.nodeType === 1 && (n.matches("[data-category]") || n.querySelector("[data-category]"))) return unblock();
    }).observe(document.documentElement, { childList: true, subtree: true });
    // A new cookie policy version asks again: the old choice does not cover it.
    if (!current) showBanner();
  }

  function required() {
    return config.categories.filter((x) => x.required).map((x) => x.id);
  }

  function consentTypes(on) {
    const g = (category) => (on.has(category) ? "granted" : "denied");
    const analytics = (config && config.analytics && config.analytics.category) || "analytics";
    return {
      ad_storage: g("marketing"),
      ad_user_data: g("marketing"),
      ad_personalization: g("marketing"),
      analytics_storage: g(analytics),
      functionality_storage: g("preferences"),
      personalization_storage: g("preferences"),
      security_storage: "granted",
    };
  }

  function apply(accepted) {
    const next = new Set([...required(), ...accepted]);
    const revoked = [...active].filter((x) => !next.has(x));
    active = next;
    gtag("consent", "update", consentTypes(active));
    revoked.forEach(dropCookies);
    unblock();
    const analytics = config.analytics && config.analytics.category;
    if (GA_ID && analytics && active.has(analytics)) loadAnalytics(analytics);
    document.dispatchEvent(new CustomEvent("hogo:consent", { detail: { accepted: [...active] } }));
    return revoked.some((x) => ran.has(x));
  }

  function unblock() {
    for (const el of document.querySelectorAll("[data-category]")) {
      const needs = el.dataset.category.split(/\s+/).filter(Boolean);
      if (!needs.length || !needs.every((x) => active.has(x))) continue;
      if (el.tagName === "SCRIPT") {
        if (el.type !== "text/plain") continue;
        const s = document.createElement("script");
        for (const a of el.attributes)
          if (!["type", "data-category", "data-src", "nonce"].includes(a.name)) s.setAttribute(a.name, a.value);
        if (el.dataset.type) s.type = el.dataset.type;
        if (el.nonce) s.nonce = el.nonce;
        if (el.dataset.src) {
          s.src = el.dataset.src;
          s.async = false; // held-back scripts run in document order
        } else s.text = el.text;
        el.replaceWith(s);
      } else if (el.dataset.src) {
        el.src = el.dataset.src;
        el.removeAttribute("data-src");
      } else continue;
      needs.forEach((x) => ran.add(x));
    }
  }

  function loadAnalytics(category) {
    if (ran.has("ga:" + GA_ID)) return;
    ran.add("ga:" + GA_ID).add(category);
    gtag("js", new Date());
    // 6.4(c): no Google signals or ad personalization, so nothing joins the visit to a person.
    gtag("config", GA_ID, { allow_google_signals: false, allow_ad_personalization_signals: false });
    const s = document.createElement("script");
    s.async = true;
    s.src = "https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(GA_ID);
    if (me.nonce) s.nonce = me.nonce;
    document.head.appendChild(s);
  }

  function dropCookies(category) {
    const extra = (me.dataset["cookies" + category[0].toUpperCase() + category.slice(1)] || "").split(/\s+/);
    const patterns = [...(KNOWN_COOKIES[category] || []), ...extra].filter(Boolean).map(
      (p) => new RegExp("^" + p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$")
    );
    const parts = location.hostname.split(".");
    const domains = [""];
    for (let i = 0; i < parts.length - 1; i++) domains.push("; Domain=." + parts.slice(i).join("."));
    for (const pair of document.cookie.split(";")) {
      const name = pair.split("=")[0].trim();
      if (name && patterns.some((p) => p.test(name)))
        for (const d of domains) document.cookie = name + "=; Max-Age=0; Path=/" + d;
    }
  }

  function readCookie() {
    const m = document.cookie.match(/(?:^|;\s*)hogo_consent=([^;]*)/);
    const [format, id, version, categories] = m ? m[1].split("|") : [];
    if (format !== "1" || !/^[\w-]{22}$/.test(id) || !/^\d+$/.test(version)) return null;
    return { id, version: +version, accepted: categories ? categories.split("+") : [] };
  }

  function writeCookie(choice) {
    const domain = me.dataset.cookieDomain ? "; Domain=" + me.dataset.cookieDomain : "";
    const secure = location.protocol === "https:" ? "; Secure" : "";
    const value = ["1", choice.id, choice.version, choice.accepted.join("+")].join("|");
    document.cookie = `${COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${secure}${domain}`;
    stored = choice;
  }

  function save(accepted, method) {
    const all = config.categories.map((x) => x.id);
    const yes = all.filter((x) => accepted.includes(x) || required().includes(x));
    const previous = stored;
    const mustReload = apply(yes);
    const choice = { id: previous && previous.id, version: config.version, accepted: yes };
    // A withdrawal takes effect even if hogo cannot be reached; a new consent waits for its record.
    const narrower = previous && previous.version === config.version && yes.every((x) => previous.accepted.includes(x));
    if (narrower) writeCookie(choice);
    closeAll();
    fetch(BASE + "consent", {
      method: "POST",
      credentials: "omit",
      keepalive: true,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        consent_id: choice.id || null,
        accepted: yes,
        rejected: all.filter((x) => !yes.includes(x)),
        version: config.version,
        method,
        gpc,
        language: LANG,
      }),
    })
      .then((r) => r.json().then((body) => (r.ok ? body : Promise.reject(new Error(body.error ? body.error.message : r.status)))))
      .then((body) => writeCookie({ ...choice, id: body.consent_id }))
      .catch((e) => console.warn("hogo consent:", UI.failed, e.message))
      .finally(() => mustReload && location.reload());
  }

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else if (v !== false && v != null) el.setAttribute(k, v);
    }
    el.append(...children.filter(Boolean));
    return el;
  }

  function t(text) {
    return text ? text[LANG] : "";
  }

  function root() {
    if (host && host.isConnected) return host.shadowRoot;
    host = document.createElement("hogo-consent");
    const shadow = host.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in shadow) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else shadow.append(h("style", { text: CSS })); // older browsers; needs style-src to allow it
    // First in the body, so keyboard and screen-reader users meet it before the page.
    document.body.prepend(host);
    return shadow;
  }

  function noticeLink() {
    return h("a", { href: config.notice[LANG] || config.notice.ja, text: UI.notice });
  }

  function showBanner() {
    const optional = config.categories.filter((x) => !x.required).map((x) => t(x.title));
    banner = h(
      "section",
      { class: "box banner", role: "dialog", "aria-modal": "false", "aria-labelledby": "hc-t", "aria-describedby": "hc-d" },
      h("h2", { id: "hc-t", text: UI.label }),
      h("p", { id: "hc-d", text: UI.uses + optional.join(UI.sep) }),
      gpc && h("p", { class: "note", text: UI.gpc }),
      h("p", { class: "note" }, UI.links + " ", noticeLink()),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "main", text: UI.accept, onclick: () => save(config.categories.map((x) => x.id), "accept_all") }),
        h("button", { type: "button", class: "main", text: UI.reject, onclick: () => save([], "reject_all") }),
        h("button", { type: "button", text: UI.prefs, onclick: (e) => openPreferences(e.currentTarget) })
      )
    );
    root().append(banner);
  }

  function openPreferences(opener) {
    if (!config) return;
    if (dialog) dialog.remove();
    const current = new Set(stored && stored.version === config.version ? stored.accepted : []);
    const analytics = config.analytics;
    const rows = config.categories.map((x) => {
      const id = "hc-c-" + x.id;
      return h(
        "div",
        { class: "cat" },
        h(
          "label",
          { for: id },
          h("input", { type: "checkbox", id, value: x.id, checked: x.required || current.has(x.id), disabled: x.required, "aria-describedby": id + "-d" }),
          t(x.title) + (x.required ? UI.always : "")
        ),
        h("p", { id: id + "-d", class: "note", text: t(x.description) }),
        analytics && analytics.category === x.id && h("p", { class: "note", text: t(analytics.text) }),
        analytics && analytics.category === x.id &&
          h("p", { class: "note" }, ...analytics.links.flatMap((l, i) => [i ? " · " : "", h("a", { href: l.url, rel: "noopener noreferrer", text: t(l.title) })]))
      );
    });
    const checked = () => rows.map((r) => r.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
    dialog = h(
      "dialog",
      { class: "box", "aria-labelledby": "hc-pt", onclose: () => returnFocus(opener) },
      h("h2", { id: "hc-pt", text: UI.prefsLabel }),
      h("p", { text: t(config.text) }),
      gpc && h("p", { class: "note", text: UI.gpc }),
      ...rows,
      h("p", { class: "note" }, t(config.links) + " ", noticeLink()),
      stored && h("p", { class: "note" }, UI.id, h("code", { text: stored.id })),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "main", text: UI.accept, onclick: () => save(config.categories.map((x) => x.id), "accept_all") }),
        h("button", { type: "button", class: "main", text: UI.reject, onclick: () => save([], "reject_all") }),
        h("button", { type: "button", text: UI.save, onclick: () => save(checked(), "custom") }),
        h("button", { type: "button", text: UI.close, onclick: () => dialog.close() })
      )
    );
    root().append(dialog);
    dialog.showModal(); // modal: focus moves in, the page is inert, Escape closes
  }

  function returnFocus(opener) {
    if (opener && opener.isConnected) opener.focus();
  }

  function closeAll() {
    if (dialog && dialog.open) dialog.close();
    if (banner) banner.remove();
    banner = null;
  }
})();
