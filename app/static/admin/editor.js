/* The policy editor: sign-in, drafts, rules (with hit counts and overturn rates), thresholds and
   word lists. The Test box, backtests, publishing and versions are in panels.js. */
(function () {
  "use strict";
  var api = window.MajlisApi, i18n = window.MajlisI18n, el = api.el, t = i18n.t;
  var P = "/api/v1/policy";
  var state = { draft: null, view: null, stats: {}, active: null, editing: null, list: null };

  function $(id) { return document.getElementById(id); }
  function draftPath(suffix) { return P + "/drafts/" + state.draft + (suffix || ""); }
  function lines(text) { return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); }
  function names(text) { return text.split(",").map(function (s) { return s.trim(); }).filter(Boolean); }

  /* ------------------------------------------------------------ sign-in and start */

  function start() {
    i18n.apply();
    $("lang-switch").addEventListener("click", function () { i18n.toggle(); render(); });
    $("sign-in-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", function () {
      api.post("/api/v1/auth/logout").then(function () { location.reload(); });
    });
    api.get("/api/v1/auth/session").then(function (data) {
      return api.get("/api/v1/auth/csrf").then(function (c) { api.setCsrf(c.csrf_token); ready(data.account); });
    }, function () { $("sign-in").hidden = false; });
  }

  function signIn(event) {
    event.preventDefault();
    api.post("/api/v1/auth/session", { email: $("sign-in-email").value, password: $("sign-in-password").value })
      .then(function (data) { api.setCsrf(data.csrf_token); $("sign-in").hidden = true; ready(data.account); },
        function (error) {
          $("sign-in-error").hidden = false;
          $("sign-in-error").textContent = (error.body && (error.body.detail || error.body.title)) || t("error");
        });
  }

  function ready(account) {
    $("who").textContent = account.display_name + " (" + account.role + ")";
    $("sign-out").hidden = false;
    $("editor").hidden = false;
    bind();
    showTab("rules");
    loadDrafts();
  }

  function bind() {
    document.querySelectorAll("[data-tab]").forEach(function (button) {
      button.addEventListener("click", function () { showTab(button.dataset.tab); });
    });
    $("draft-select").addEventListener("change", function () { openDraft(Number($("draft-select").value)); });
    $("new-draft").addEventListener("click", function () {
      api.post(P + "/drafts", {}).then(function (view) { state.draft = view.draft.id; loadDrafts(); }, fail);
    });
    $("delete-draft").addEventListener("click", function () {
      if (state.draft) { api.del(draftPath()).then(function () { state.draft = null; loadDrafts(); }, fail); }
    });
    $("thresholds-form").addEventListener("submit", saveThresholds);
    $("new-rule").addEventListener("click", function () { editRule(null); });
    $("rule-cancel").addEventListener("click", function () { $("rule-form").hidden = true; });
    $("rule-form").addEventListener("submit", saveRule);
    $("list-select").addEventListener("change", function () { state.list = $("list-select").value; renderList(); });
    $("term-form").addEventListener("submit", addTerm);
    $("paste-form").addEventListener("submit", pasteTerms);
  }

  function showTab(name) {
    document.querySelectorAll(".tab").forEach(function (tab) { tab.hidden = tab.id !== "tab-" + name; });
    document.querySelectorAll("[data-tab]").forEach(function (b) {
      b.setAttribute("aria-selected", String(b.dataset.tab === name));
    });
    if (window.MajlisPanels) { window.MajlisPanels.shown(name); }
  }

  function fail(error) {
    api.flash((error && error.body && (error.body.detail || error.body.title)) || t("error"), true);
  }

  /* ------------------------------------------------------------ drafts */

  function loadDrafts() {
    return Promise.all([api.get(P + "/drafts"), api.get(P + "/stats"), api.get(P + "/versions")])
      .then(function (results) {
        var drafts = results[0].items;
        state.stats = results[1].rules;
        state.active = results[2].active;
        $("active-number").textContent = String(state.active);
        var select = api.clear($("draft-select"));
        drafts.forEach(function (d) {
          select.appendChild(el("option", { value: String(d.id), text: d.name + " (#" + d.id + ")" }));
        });
        if (!drafts.length) {
          return api.post(P + "/drafts", {}).then(function (view) { state.draft = view.draft.id; return loadDrafts(); });
        }
        if (!drafts.some(function (d) { return d.id === state.draft; })) { state.draft = drafts[0].id; }
        select.value = String(state.draft);
        return openDraft(state.draft);
      }, fail);
  }

  function openDraft(id) {
    state.draft = id;
    return api.get(draftPath()).then(show, fail);
  }

  function show(view) {
    state.view = view;
    state.draft = view.draft.id;
    render();
    if (window.MajlisPanels) { window.MajlisPanels.draftChanged(view); }
    return view;
  }

  function render() {
    if (!state.view) { return; }
    var doc = state.view.document;
    $("draft-stale").hidden = !state.view.stale;
    $("threshold-hold").value = doc.thresholds.hold;
    $("threshold-reject").value = doc.thresholds.reject;
    renderRules(doc);
    renderLists();
  }

  function changed(view) { api.flash(t("saved")); return show(view); }

  /* ------------------------------------------------------------ rules */

  function verdict(rule) {
    return rule.action ? t(rule.action) : t("score_word") + " " + rule.score;
  }

  function renderRules(doc) {
    var body = api.clear($("rules-table").querySelector("tbody"));
    doc.rules.forEach(function (rule) {
      var stats = state.stats[rule.id] || { hits_7d: 0, hits_30d: 0, overturn_rate: null, decided: 0 };
      var rate = stats.overturn_rate === null ? "—" : Math.round(stats.overturn_rate * 100) + "% / " + stats.decided;
      body.appendChild(el("tr", { "data-rule": rule.id, class: rule.enabled ? "" : "off" }, [
        el("td", { dir: "ltr", text: rule.id }), el("td", { text: categoryName(rule.category) }),
        el("td", { text: rule.type }), el("td", { text: verdict(rule) }),
        el("td", { class: "num", text: String(stats.hits_7d) }), el("td", { class: "num", text: String(stats.hits_30d) }),
        el("td", { class: "num", text: rate }),
        el("td", {}, [
          el("button", { type: "button", class: "link", text: t("edit"), onclick: function () { editRule(rule); } }),
          el("button", { type: "button", class: "link", text: rule.enabled ? t("disable") : t("enable"),
            onclick: function () { api.patch(draftPath("/rules/" + rule.id), { enabled: !rule.enabled }).then(changed, fail); } }),
          el("button", { type: "button", class: "link danger", text: t("remove"), onclick: function () {
            if (confirm(t("confirm_delete_rule") + " " + rule.id)) {
              api.del(draftPath("/rules/" + rule.id)).then(changed, fail);
            }
          } })
        ])
      ]));
    });
  }

  function categoryName(key) {
    var category = state.view.document.categories[key];
    return category ? category[i18n.lang()] || key : key;
  }

  var KNOWN = ["id", "category", "type", "fields", "action", "score", "enabled", "description", "examples",
    "pattern", "lexicons", "targets"];

  function editRule(rule) {
    var form = $("rule-form");
    state.editing = rule ? rule.id : null;
    form.hidden = false;
    $("rule-form-title").textContent = rule ? rule.id : t("new_rule");
    var select = api.clear(form.elements.category);
    Object.keys(state.view.document.categories).forEach(function (key) {
      select.appendChild(el("option", { value: key, text: categoryName(key) }));
    });
    rule = rule || { id: "", category: Object.keys(state.view.document.categories)[0], type: "lexicon",
      fields: ["body"], action: "hold", enabled: true, description: { ar: "", en: "" },
      examples: { match: [], no_match: [] } };
    var f = form.elements;
    f.id.value = rule.id; f.category.value = rule.category; f.type.value = rule.type;
    f.action.value = rule.action || ""; f.score.value = rule.score === undefined ? "" : rule.score;
    f.fields.value = (rule.fields || ["body"]).join(", "); f.enabled.checked = rule.enabled !== false;
    f.description_ar.value = rule.description.ar; f.description_en.value = rule.description.en;
    f.examples_match.value = (rule.examples.match || []).join("\n");
    f.examples_no_match.value = (rule.examples.no_match || []).join("\n");
    f.pattern.value = rule.pattern || ""; f.lexicons.value = (rule.lexicons || []).join(", ");
    f.targets.value = (rule.targets || []).join(", ");
    var options = {};
    Object.keys(rule).forEach(function (key) { if (KNOWN.indexOf(key) < 0) { options[key] = rule[key]; } });
    f.options.value = Object.keys(options).length ? JSON.stringify(options) : "";
    form.querySelectorAll("[data-error]").forEach(function (span) { span.textContent = ""; });
    form.scrollIntoView();
  }

  function ruleFromForm(form) {
    var f = form.elements;
    var rule = { id: f.id.value.trim(), category: f.category.value, type: f.type.value,
      fields: names(f.fields.value), enabled: f.enabled.checked,
      description: { ar: f.description_ar.value.trim(), en: f.description_en.value.trim() },
      examples: { match: lines(f.examples_match.value), no_match: lines(f.examples_no_match.value) } };
    if (f.action.value) { rule.action = f.action.value; } else { rule.score = Number(f.score.value); }
    if (f.pattern.value.trim()) { rule.pattern = f.pattern.value.trim(); }
    if (names(f.lexicons.value).length) { rule.lexicons = names(f.lexicons.value); }
    if (names(f.targets.value).length) { rule.targets = names(f.targets.value); }
    if (f.options.value.trim()) {
      var extra = JSON.parse(f.options.value);
      Object.keys(extra).forEach(function (key) { rule[key] = extra[key]; });
    }
    return rule;
  }

  function saveRule(event) {
    event.preventDefault();
    var form = $("rule-form"), rule;
    try { rule = ruleFromForm(form); } catch (e) {
      api.showErrors(form, { body: { errors: { options: [String(e.message || e)] } } });
      return;
    }
    var done = state.editing
      ? api.put(draftPath("/rules/" + state.editing), rule)
      : api.post(draftPath("/rules"), rule);
    done.then(function (view) { form.hidden = true; changed(view); },
      function (error) { api.showErrors(form, error); });
  }

  function saveThresholds(event) {
    event.preventDefault();
    var form = $("thresholds-form");
    api.put(draftPath("/thresholds"), { hold: Number($("threshold-hold").value),
      reject: Number($("threshold-reject").value) })
      .then(changed, function (error) { api.showErrors(form, error); });
  }

  /* ------------------------------------------------------------ word lists */

  function renderLists() {
    var lists = Object.keys(state.view.word_lists).sort();
    var select = api.clear($("list-select"));
    lists.forEach(function (name) { select.appendChild(el("option", { value: name, text: name })); });
    if (lists.indexOf(state.list) < 0) { state.list = lists[0]; }
    select.value = state.list;
    renderList();
  }

  function entries(text) {
    return text.split("\n").map(function (line) {
      var parts = line.split(" # ");
      return { term: parts[0].trim(), note: parts.slice(1).join(" # ").trim() };
    }).filter(function (e) { return e.term && e.term.charAt(0) !== "#"; });
  }

  function renderList() {
    var name = state.list, body = api.clear($("terms-table").querySelector("tbody"));
    if (!name) { return; }
    var using = state.view.document.rules.filter(function (r) {
      return (r.lexicons || []).concat(r.targets || []).indexOf(name) >= 0;
    }).map(function (r) { return r.id; });
    $("list-rules").textContent = t("used_by") + ": " + (using.join("، ") || "—");
    entries(state.view.word_lists[name]).forEach(function (entry) {
      body.appendChild(el("tr", { "data-term": entry.term }, [
        el("td", { text: entry.term }), el("td", { text: entry.note }),
        el("td", {}, [el("button", { type: "button", class: "link danger", text: t("remove"), onclick: function () {
          api.post(draftPath("/lists/" + name + "/terms/remove"), { terms: [entry.term] }).then(changed, fail);
        } })])
      ]));
    });
  }

  function addTerm(event) {
    event.preventDefault();
    var form = $("term-form"), note = $("term-note").value.trim();
    api.post(draftPath("/lists/" + state.list + "/terms"), { terms: [{ term: $("term-input").value.trim(),
      note: note || null }] })
      .then(function (view) { $("term-input").value = ""; $("term-note").value = ""; changed(view); },
        function (error) { api.showErrors(form, error); });
  }

  function pasteTerms(event) {
    event.preventDefault();
    var form = $("paste-form");
    api.post(draftPath("/lists/" + state.list + "/terms"), { text: $("paste-text").value })
      .then(function (view) { $("paste-text").value = ""; changed(view); },
        function (error) { api.showErrors(form, error); });
  }

  window.MajlisEditor = { state: state, reload: loadDrafts, fail: fail, categoryName: categoryName };
  document.addEventListener("DOMContentLoaded", start);
}());
