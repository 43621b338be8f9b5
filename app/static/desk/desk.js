/* The moderator's desk: decisions through the moderators' JSON API, keyboard shortcuts, bulk
 * selection, the author-history panel and the editors' forms. No inline script (strict CSP); text
 * from the server is only ever set with textContent or by cloning server-rendered nodes. */
(function () {
  "use strict";

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var lang = document.documentElement.lang || "ar";
  var API = "/api/v1/moderation";

  function api(method, url, body) {
    var init = {
      method: method, credentials: "same-origin",
      headers: {"Accept": "application/json", "Accept-Language": lang, "X-CSRFToken": csrf}
    };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return {ok: response.ok, status: response.status, data: data};
      });
    }, function () {
      return {ok: false, status: 0, data: {title: lang === "ar" ? "تعذّر الاتصال بالخادم" : "Cannot reach the server"}};
    });
  }

  function problemText(data) {
    var text = data.detail || data.title || String(data.status || "");
    if (data.errors) {
      Object.keys(data.errors).forEach(function (key) { text += " — " + key + ": " + [].concat(data.errors[key]).join(" "); });
    }
    return text;
  }

  function say(el, text, isError) {
    if (!el) { return; }
    el.textContent = text;
    el.classList.toggle("error", !!isError);
  }

  /* ---------------------------------------------------------------- the queue */

  var list = document.getElementById("items");
  var items = list ? Array.prototype.slice.call(list.querySelectorAll(".item")) : [];
  var current = -1;
  var panel = document.getElementById("history-panel");

  function statusLabel(status) {
    var tab = document.querySelector('.tab[data-status="' + status + '"] .label');
    return tab ? tab.textContent : status;
  }

  function bumpCount(status, delta) {
    var el = document.querySelector('[data-count="' + status + '"]');
    if (el) { el.textContent = String(Math.max(0, (parseInt(el.textContent, 10) || 0) + delta)); }
  }

  function focusItem(index) {
    if (!items.length) { return; }
    index = Math.max(0, Math.min(items.length - 1, index));
    if (items[current]) { items[current].classList.remove("current"); }
    current = index;
    var item = items[current];
    item.classList.add("current");
    item.focus({preventScroll: true});
    item.scrollIntoView({block: "nearest"});
    var tpl = item.querySelector("template.history-tpl");
    if (panel && tpl) { panel.replaceChildren(tpl.content.cloneNode(true)); }
  }

  function itemOf(el) { return el.closest ? el.closest(".item") : null; }

  function closeForms(item) {
    item.querySelectorAll("form").forEach(function (f) { f.hidden = true; });
  }

  function markDone(item, status) {
    var old = item.dataset.status;
    if (old !== status) { bumpCount(old, -1); bumpCount(status, 1); }
    item.dataset.status = status;
    item.className = item.className.replace(/\bstatus-\S+/, "status-" + status);
    item.classList.add("done");
    var badge = item.querySelector('[data-role="status"]');
    if (badge) { badge.textContent = statusLabel(status); }
    var box = item.querySelector(".select");
    if (box) { box.checked = false; }
    closeForms(item);
    updateSelected();
  }

  function after(item, result) {
    var msg = item.querySelector(".msg");
    if (result.ok) {
      markDone(item, result.data.comment.status);
      say(msg, statusLabel(result.data.comment.status), false);
      var index = items.indexOf(item);
      if (index === current && index < items.length - 1) { focusItem(index + 1); }
    } else {
      say(msg, problemText(result.data), true);
    }
    return result;
  }

  function decide(item, action, extra) {
    var body = {action: action, expected_status: item.dataset.status};
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return api("POST", API + "/comments/" + item.dataset.id + "/decision", body).then(function (r) { return after(item, r); });
  }

  function openForm(item, selector) {
    closeForms(item);
    var form = item.querySelector(selector);
    form.hidden = false;
    var first = form.querySelector("select, textarea, input");
    if (first) { first.focus(); }
  }

  function ban(item, kind) {
    var reason = window.prompt(lang === "ar" ? "سبب الحظر (اختياري)" : "Reason for the ban (optional)", "");
    if (reason === null) { return; }
    api("POST", API + "/bans", {kind: kind, comment_id: parseInt(item.dataset.id, 10), reason: reason || null})
      .then(function (r) {
        say(item.querySelector(".msg"), r.ok ? r.data.ban.label : problemText(r.data), !r.ok);
      });
  }

  function act(item, what, button) {
    if (what === "approve") { return decide(item, "approve"); }
    if (what === "spam") { return decide(item, "spam"); }
    if (what === "reject") { return openForm(item, ".reject-form"); }
    if (what === "edit") { return openForm(item, ".edit-form"); }
    if (what === "cancel") { return closeForms(item); }
    if (what === "claim") {
      return api("POST", API + "/comments/" + item.dataset.id + "/claim").then(function (r) {
        say(item.querySelector(".msg"), r.ok ? (lang === "ar" ? "محجوز لك" : "Claimed by you") : problemText(r.data), !r.ok);
      });
    }
    if (what === "ban") { return ban(item, button.dataset.kind); }
  }

  if (list) {
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-act]");
      var item = itemOf(event.target);
      if (!item) { return; }
      focusItem(items.indexOf(item));
      if (button) { act(item, button.dataset.act, button); }
    });
    list.addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      var item = itemOf(form);
      if (form.classList.contains("reject-form")) {
        var category = form.elements.category.value;
        if (!category) { say(item.querySelector(".msg"), lang === "ar" ? "اختر الشرط المخالَف" : "Choose the term broken", true); return; }
        decide(item, "reject", {category: category, note: form.elements.note.value || null});
      } else if (form.classList.contains("edit-form")) {
        api("POST", API + "/comments/" + item.dataset.id + "/edit", {
          body: form.elements.body.value, note: form.elements.note.value || null, approve: true,
          expected_status: item.dataset.status
        }).then(function (r) {
          if (r.ok) {
            var body = item.querySelector(".body");
            body.textContent = r.data.comment.body;
          }
          after(item, r);
        });
      }
    });
    list.addEventListener("change", function (event) {
      if (event.target.classList.contains("select")) { updateSelected(); }
    });
  }

  /* bulk */
  var selectAll = document.getElementById("select-all");
  function selectedItems() { return items.filter(function (it) { var b = it.querySelector(".select"); return b && b.checked; }); }
  function updateSelected() {
    var count = document.getElementById("selected-count");
    if (count) { count.textContent = String(selectedItems().length); }
  }
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      items.forEach(function (it) { if (!it.classList.contains("done")) { it.querySelector(".select").checked = selectAll.checked; } });
      updateSelected();
    });
  }
  document.querySelectorAll("[data-bulk]").forEach(function (button) {
    button.addEventListener("click", function () {
      var chosen = selectedItems();
      var msg = document.getElementById("bulk-msg");
      if (!chosen.length) { say(msg, lang === "ar" ? "لم تحدد شيئاً" : "Nothing selected", true); return; }
      var body = {ids: chosen.map(function (it) { return parseInt(it.dataset.id, 10); }), action: button.dataset.bulk};
      if (body.action === "reject") {
        body.category = document.getElementById("bulk-category").value;
        if (!body.category) { say(msg, lang === "ar" ? "اختر الشرط المخالَف" : "Choose the term broken", true); return; }
        body.note = document.getElementById("bulk-note").value || null;
      }
      api("POST", API + "/decisions", body).then(function (r) {
        if (!r.ok) { say(msg, problemText(r.data), true); return; }
        var done = 0;
        r.data.results.forEach(function (res) {
          var item = document.getElementById("comment-" + res.id);
          if (!item) { return; }
          if (res.status) { markDone(item, res.status); done += 1; }
          else { say(item.querySelector(".msg"), res.error.detail || res.error.title, true); }
        });
        say(msg, (lang === "ar" ? "تم: " : "Done: ") + done + " / " + r.data.results.length, done !== r.data.results.length);
        if (selectAll) { selectAll.checked = false; }
      });
    });
  });

  /* keyboard */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && items[current]) { closeForms(items[current]); items[current].focus(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || !items.length) { return; }
    if (target && (target.isContentEditable || (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== "checkbox"))) { return; }
    var item = items[current];
    switch (event.key) {
      case "j": focusItem(current + 1); break;
      case "k": focusItem(current < 0 ? 0 : current - 1); break;
      case "a": if (item) { decide(item, "approve"); } break;
      case "s": if (item) { decide(item, "spam"); } break;
      case "r": if (item) { openForm(item, ".reject-form"); } break;
      case "e": if (item) { openForm(item, ".edit-form"); } break;
      case "x": if (item) { var box = item.querySelector(".select"); box.checked = !box.checked; updateSelected(); } break;
      default: return;
    }
    event.preventDefault();
  });

  if (items.length) {
    var wanted = window.location.hash && document.getElementById(window.location.hash.slice(1));
    focusItem(wanted && items.indexOf(wanted) >= 0 ? items.indexOf(wanted) : 0);
  }

  /* ------------------------------------------------------- editors' forms */

  function formBody(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !el.dataset.type) { return; }
      var type = el.dataset.type;
      if (type === "bool") { body[el.name] = el.checked; return; }
      if (type === "bool-value") { body[el.name] = el.value === "true"; return; }
      if (el.value === "" && el.hasAttribute("data-optional")) { return; }
      body[el.name] = type === "int" ? parseInt(el.value || "0", 10) : el.value;
    });
    return body;
  }

  document.querySelectorAll("form[data-api]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var msg = form.querySelector(".msg") || document.getElementById("toast");
      api(form.dataset.method || "POST", form.dataset.api, formBody(form)).then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        if (msg) { msg.hidden = false; }
        say(msg, problemText(r.data), true);
      });
    });
  });
}());
