/* The editor's panels: the Test box (draft and active side by side, hits highlighted with their
   normalization steps), backtests with progress, publishing with the diff, versions and rollback. */
(function () {
  "use strict";
  var api = window.MajlisApi, i18n = window.MajlisI18n, el = api.el, t = i18n.t, editor = window.MajlisEditor;
  var P = "/api/v1/policy";
  var polling = null;

  function $(id) { return document.getElementById(id); }

  /* ------------------------------------------------------------ the Test box */

  function highlighted(text, hits) {
    var spans = hits.filter(function (h) { return h.field === "body" && h.end > h.start; })
      .sort(function (a, b) { return a.start - b.start; });
    var out = el("p", { class: "tested", dir: "auto" }), at = 0;
    spans.forEach(function (hit) {
      if (hit.start < at) { return; }
      out.appendChild(document.createTextNode(text.slice(at, hit.start)));
      out.appendChild(el("mark", { title: hit.rule, text: text.slice(hit.start, hit.end) }));
      at = hit.end;
    });
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function decisionView(target, decision, text) {
    var body = api.clear(target.querySelector(".body"));
    body.appendChild(el("p", { class: "outcome outcome-" + decision.outcome }, [
      t("outcome") + ": ", el("strong", { text: t(decision.outcome) }),
      " — " + t("score_word") + " " + decision.score + " (v" + decision.policy.version + ")"]));
    body.appendChild(highlighted(text, decision.hits));
    if (!decision.hits.length) { body.appendChild(el("p", { class: "muted", text: t("no_hits") })); }
    var list = el("ul", { class: "hits" });
    decision.hits.forEach(function (hit) {
      list.appendChild(el("li", { "data-rule": hit.rule }, [
        el("strong", { dir: "ltr", text: hit.rule }), " · " + editor.categoryName(hit.category) + " · ",
        hit.action ? t(hit.action) : t("score_word") + " " + hit.score,
        " · " + hit.field + " «", el("mark", { text: hit.text || hit.error || "" }), "» → " + (hit.term || ""),
        hit.steps.length ? el("div", { class: "steps", text: t("steps") + ": " + hit.steps.join("، ") }) : null
      ]));
    });
    body.appendChild(list);
  }

  function runTest(event) {
    event.preventDefault();
    var text = $("test-text").value;
    var base = { text: text, name: $("test-name").value, website: $("test-website").value };
    var draft = Object.assign({ draft: editor.state.draft }, base);
    Promise.all([api.post(P + "/test", draft), api.post(P + "/test", base)]).then(function (results) {
      decisionView($("test-draft"), results[0], text);
      decisionView($("test-active"), results[1], text);
    }, editor.fail);
  }

  /* ------------------------------------------------------------ backtests */

  function startBacktest(event) {
    event.preventDefault();
    var body = { draft: editor.state.draft };
    if ($("bt-limit").value) { body.limit = Number($("bt-limit").value); }
    if ($("bt-since").value) { body.since = $("bt-since").value; }
    if ($("bt-until").value) { body.until = $("bt-until").value; }
    if ($("bt-thread").value.trim()) { body.thread = $("bt-thread").value.trim(); }
    api.post(P + "/backtests", body).then(function (data) { follow(data.backtest); },
      function (error) { api.showErrors($("backtest-form"), error); });
  }

  function follow(backtest) {
    clearTimeout(polling);
    $("bt-progress").hidden = false;
    $("bt-progress").value = backtest.progress;
    $("bt-status").textContent = t(backtest.status) + " — " + backtest.processed + " / " + backtest.total +
      (backtest.error ? " — " + backtest.error : "");
    if (backtest.status === "done") { showResult(backtest.result); return; }
    if (backtest.status === "failed") { return; }
    polling = setTimeout(function () {
      api.get(P + "/backtests/" + backtest.id).then(function (data) { follow(data.backtest); }, editor.fail);
    }, 700);
  }

  function table(headers, rows) {
    return el("table", { class: "grid" }, [
      el("thead", {}, [el("tr", {}, headers.map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, rows.map(function (row) {
        return el("tr", {}, row.map(function (cell) { return el("td", { text: String(cell) }); }));
      }))
    ]);
  }

  function pct(value) { return value === null ? "—" : (value * 100).toFixed(1) + "%"; }

  function showResult(result) {
    var box = api.clear($("bt-result"));
    box.appendChild(el("p", { id: "bt-summary", text: result.comments + " " + t("comments") + " · " + result.changed +
      " " + t("changed") }));
    box.appendChild(el("h4", { text: t("per_change") }));
    box.appendChild(table([t("changes"), "#"], Object.keys(result.changes).map(function (k) {
      return [k.replace("→", " → "), result.changes[k]];
    })));
    box.appendChild(el("h4", { text: t("per_rule") }));
    box.appendChild(table([t("rule"), t("active_version"), t("draft"), t("added"), t("removed")],
      Object.keys(result.rules).map(function (r) {
        var v = result.rules[r];
        return [r, v.active, v.draft, v.added, v.removed];
      })));
    box.appendChild(el("h4", { text: t("per_category") }));
    box.appendChild(table([t("category"), t("active_version"), t("draft")], Object.keys(result.categories).map(function (c) {
      return [editor.categoryName(c), result.categories[c].active || 0, result.categories[c].draft || 0];
    })));
    var v = result.verdicts;
    box.appendChild(el("h4", { text: v.decided + " " + t("decided") }));
    box.appendChild(table(["", t("precision"), t("recall")], [
      [t("active_version"), pct(v.active.precision), pct(v.active.recall)],
      [t("draft"), pct(v.draft.precision), pct(v.draft.recall)]]));
    Object.keys(result.samples).forEach(function (change) {
      box.appendChild(el("h4", { text: t("samples") + ": " + change.replace("→", " → ") }));
      box.appendChild(el("ul", {}, result.samples[change].map(function (s) {
        return el("li", {}, ["#" + s.id + " ", el("q", { text: s.body }), " — " + s.draft.rules.join("، ")]);
      })));
    });
  }

  /* ------------------------------------------------------------ diffs, publishing, versions */

  function diffView(target, diff) {
    var box = api.clear(target), items = [];
    if (!diff) { return; }
    diff.rules.added.forEach(function (r) { items.push(["+", t("rule") + " " + r]); });
    diff.rules.removed.forEach(function (r) { items.push(["−", t("rule") + " " + r]); });
    diff.rules.changed.forEach(function (c) {
      Object.keys(c.fields).forEach(function (key) {
        items.push(["~", c.id + "." + key + ": " + JSON.stringify(c.fields[key].from) + " → " +
          JSON.stringify(c.fields[key].to)]);
      });
    });
    if (diff.rules.reordered) { items.push(["~", t("reordered")]); }
    diff.word_lists.added.forEach(function (n) { items.push(["+", t("word_list") + " " + n]); });
    diff.word_lists.removed.forEach(function (n) { items.push(["−", t("word_list") + " " + n]); });
    diff.word_lists.changed.forEach(function (c) {
      c.added.forEach(function (term) { items.push(["+", c.name + ": " + term]); });
      c.removed.forEach(function (term) { items.push(["−", c.name + ": " + term]); });
      c.notes.forEach(function (n) { items.push(["~", c.name + ": " + n.term + " # " + n.to]); });
    });
    Object.keys(diff.settings).forEach(function (key) {
      items.push(["~", key + ": " + JSON.stringify(diff.settings[key].from) + " → " + JSON.stringify(diff.settings[key].to)]);
    });
    if (!items.length) { box.appendChild(el("p", { class: "muted", text: t("nothing_changed") })); return; }
    box.appendChild(el("ul", {}, items.map(function (item) {
      return el("li", { class: "diff-" + (item[0] === "+" ? "add" : item[0] === "−" ? "del" : "mod") },
        [el("span", { class: "sign", text: item[0] }), " ", el("bdi", { text: item[1] })]);
    })));
  }

  function publish(event) {
    event.preventDefault();
    var form = $("publish-form");
    var body = { draft: editor.state.draft, note: $("publish-note").value };
    if (editor.state.view && editor.state.view.stale) { body.force = true; }
    api.post(P + "/publish", body).then(function (data) {
      $("publish-note").value = "";
      api.flash(t("published") + " " + data.version.number);
      editor.state.draft = null;
      editor.reload().then(loadVersions);
    }, function (error) { api.showErrors(form, error); });
  }

  function loadVersions() {
    return api.get(P + "/versions").then(function (data) {
      var body = api.clear($("versions-table").querySelector("tbody"));
      data.items.forEach(function (v) {
        body.appendChild(el("tr", { "data-version": String(v.number), class: v.active ? "active" : "" }, [
          el("td", { text: String(v.number) }), el("td", { text: v.note }), el("td", { text: v.created_by || "—" }),
          el("td", { dir: "ltr", text: v.created_at.slice(0, 16).replace("T", " ") }),
          el("td", {}, [
            el("button", { type: "button", class: "link", text: t("show_diff"), onclick: function () {
              api.get(P + "/versions/" + v.number).then(function (full) { diffView($("version-diff"), full.diff); });
            } }),
            v.active ? el("strong", { text: t("active") }) : el("button", { type: "button", class: "rollback",
              text: t("rollback"), onclick: function () { rollback(v.number); } })
          ])
        ]));
      });
      $("active-number").textContent = String(data.active);
    }, editor.fail);
  }

  function rollback(number) {
    if (!confirm(t("confirm_rollback") + " " + number + "?")) { return; }
    api.post(P + "/rollback", { version: number }).then(function (data) {
      api.flash(t("rolled_back") + " " + data.version.number);
      diffView($("version-diff"), data.diff);
      loadVersions();
      editor.reload();
    }, editor.fail);
  }

  window.MajlisPanels = {
    shown: function (name) { if (name === "versions") { loadVersions(); } },
    draftChanged: function (view) { diffView($("draft-diff"), view.diff); }
  };
  document.addEventListener("DOMContentLoaded", function () {
    $("test-form").addEventListener("submit", runTest);
    $("backtest-form").addEventListener("submit", startBacktest);
    $("publish-form").addEventListener("submit", publish);
  });
}());
