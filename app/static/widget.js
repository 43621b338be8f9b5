/*! Majlis comment widget. Embed:
 *  <div id="majlis-thread" data-thread="SLUG"></div><script src="https://MAJLIS/widget.js" async></script>
 * Plain JavaScript, no framework; talks to the Majlis server it was loaded from and to nothing else.
 * Comment HTML is the server's sanitized body_html (checked again here against the same allow-list);
 * names and websites are inserted as text; links are http(s) only, rel="nofollow ugc noopener".
 */
(() => {
  "use strict";
  const script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  const ORIGIN = new URL(script ? script.src : "/widget.js", location.href).origin;
  const PAGE_SIZE = 50;
  const KEEP_DAYS = 30;

  const STRINGS = {
    ar: {
      leave: "اترك تعليق", replyTo: "الرد على ", cancelReply: "إلغاء الرد",
      emailNote: "لن يتم نشر عنوان بريدك الإلكتروني.", required: "الحقول الإلزامية مشار إليها بـ ",
      body: "التعليق", name: "الاسم", email: "البريد الإلكتروني", website: "الموقع الإلكتروني",
      remember: "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.",
      submit: "إرسال التعليق", sending: "جارٍ الإرسال…", reply: "رد", edit: "تعديل", del: "حذف",
      save: "حفظ", cancel: "إلغاء", confirmDelete: "هل تريد حذف تعليقك؟", yesDelete: "نعم، احذفه",
      deleted: "تم حذف هذا التعليق.", pending: "تعليقك بانتظار المراجعة", published: "تم نشر تعليقك.",
      held: "تعليقك بانتظار المراجعة، ولن يظهر لغيرك قبل موافقة المشرفين.", edited: "معدّل",
      more: "تحميل المزيد من التعليقات", closed: "التعليقات على هذا المقال مغلقة.",
      terms: "شروط التعليق", broken: "الشروط التي يخالفها التعليق:", honeypot: "اترك هذا الحقل فارغاً",
      network: "تعذّر الاتصال بخادم التعليقات. حاول مرة أخرى.", loadError: "تعذّر تحميل التعليقات.",
      failed: "تعذّر إرسال التعليق.", editUntil: "يمكنك تعديله أو حذفه حتى ",
      count: {zero: "لا توجد تعليقات بعد", one: "تعليق واحد", two: "تعليقان", few: "# تعليقات",
              many: "# تعليقاً", other: "# تعليق"},
    },
    en: {
      leave: "Leave a comment", replyTo: "Reply to ", cancelReply: "Cancel reply",
      emailNote: "Your email address will not be published.", required: "Required fields are marked ",
      body: "Comment", name: "Name", email: "Email", website: "Website",
      remember: "Save my name, email, and website in this browser for the next time I comment.",
      submit: "Post Comment", sending: "Sending…", reply: "Reply", edit: "Edit", del: "Delete",
      save: "Save", cancel: "Cancel", confirmDelete: "Delete your comment?", yesDelete: "Yes, delete it",
      deleted: "This comment was deleted.", pending: "Your comment is awaiting moderation.",
      published: "Your comment was published.",
      held: "Your comment is awaiting moderation; only you can see it until a moderator approves it.",
      edited: "edited", more: "Load more comments", closed: "Comments on this article are closed.",
      terms: "Commenting terms", broken: "The terms this comment breaks:", honeypot: "Leave this field empty",
      network: "Could not reach the comment server. Please try again.",
      loadError: "The comments could not be loaded.", failed: "The comment could not be sent.",
      editUntil: "You can edit or delete it until ",
      count: {zero: "No comments yet", one: "1 comment", other: "# comments"},
    },
  };

  // The server's allow-list (WordPress's comment tags), applied again before anything is shown.
  const TAGS = new Set("A ABBR ACRONYM B BLOCKQUOTE CITE CODE DEL EM I Q S STRIKE STRONG P BR".split(" "));
  const ATTRS = {A: ["href", "title"], ABBR: ["title"], ACRONYM: ["title"], BLOCKQUOTE: ["cite"],
                 DEL: ["datetime"], Q: ["cite"]};
  const DROP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "NOSCRIPT", "TITLE"]);
  const REL = "nofollow ugc noopener";

  function safeUrl(value, mailto) {
    if (typeof value !== "string" || !value.trim()) return null;
    let url;
    try { url = new URL(value.trim()); } catch (e) { return null; }
    const ok = url.protocol === "http:" || url.protocol === "https:" || (mailto && url.protocol === "mailto:");
    return ok ? url.href : null;
  }

  function cleanTree(node) {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) continue;
      if (child.nodeType !== Node.ELEMENT_NODE) { child.remove(); continue; }
      const tag = child.tagName.toUpperCase();
      cleanTree(child);
      if (!TAGS.has(child.tagName)) {  // SVG/MathML names are lower case: never in TAGS
        if (DROP.has(tag)) child.remove(); else child.replaceWith(...child.childNodes);
        continue;
      }
      const allowed = ATTRS[tag] || [];
      for (const attr of Array.from(child.attributes)) {
        if (!allowed.includes(attr.name)) child.removeAttribute(attr.name);
      }
      for (const name of ["href", "cite"]) {
        if (!child.hasAttribute(name)) continue;
        const url = safeUrl(child.getAttribute(name), name === "href");
        if (url) child.setAttribute(name, url); else child.removeAttribute(name);
      }
      if (tag === "A") child.setAttribute("rel", REL);
    }
  }

  function safeHtml(html) {
    const tpl = document.createElement("template");
    tpl.innerHTML = typeof html === "string" ? html : "";  // inert: nothing runs or loads in a template
    cleanTree(tpl.content);
    return tpl.content;
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);  // strings → text
    return el;
  }

  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem("majlis:" + k)); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem("majlis:" + k, JSON.stringify(v)); } catch (e) { /* full or off */ } },
    del(k) { try { localStorage.removeItem("majlis:" + k); } catch (e) { /* off */ } },
  };

  function threadKey(root) {
    let key = root.getAttribute("data-thread") || "";
    if (!key) { try { key = decodeURIComponent(location.pathname); } catch (e) { key = location.pathname; } }
    return key.replace(/^\/+|\/+$/g, "") || "index";
  }

  function pageLang(root) {
    const holder = root.closest("[lang]") || document.documentElement;
    const lang = root.getAttribute("data-lang") || holder.getAttribute("lang") || "";
    return /^en\b/i.test(lang) ? "en" : "ar";
  }

  class Widget {
    constructor(root) {
      this.root = root;
      this.key = threadKey(root);
      this.path = this.key.split("/").map(encodeURIComponent).join("/");
      this.lang = pageLang(root);
      this.t = STRINGS[this.lang];
      this.items = new Map();      // id → {view, el, article, children}
      this.tokens = new Map();     // id → {t: token, k: thread key, c: time posted (ms)}
      this.source = new Map();     // id → the text the author typed (for editing)
      this.cursor = null;
      this.replyTo = null;
      this.windowMinutes = 15;
      this.count = 0;
      const saved = store.get("tokens") || {};
      const oldest = Date.now() - KEEP_DAYS * 864e5;
      for (const [id, entry] of Object.entries(saved)) {
        if (entry && entry.k === this.key && entry.c > oldest) this.tokens.set(Number(id), entry);
      }
    }

    async call(method, path, body, token) {
      const headers = {"Accept": "application/json", "Accept-Language": this.lang};
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (token) headers["X-Edit-Token"] = token;
      let res;
      try {
        res = await fetch(ORIGIN + path, {method, headers, credentials: "omit", mode: "cors",
          body: body === undefined ? undefined : JSON.stringify(body)});
      } catch (e) {
        return {status: 0, data: null};
      }
      let data = null;
      if (res.status !== 204) { try { data = await res.json(); } catch (e) { data = null; } }
      return {status: res.status, data: data || {}};
    }

    async start() {
      if (!document.querySelector("link[data-majlis]")) {
        document.head.append(h("link", {rel: "stylesheet", href: ORIGIN + "/widget.css", "data-majlis": ""}));
      }
      this.render();
      await Promise.all([this.loadPage(), this.loadTerms()]);
      await this.loadOwn();
      this.root.setAttribute("data-majlis-ready", "");
    }

    render() {
      const t = this.t;
      this.heading = h("h2", {class: "majlis-count"});
      this.notice = h("div", {class: "majlis-notice", role: "status", "aria-live": "polite"});
      this.list = h("ol", {class: "majlis-comments"});
      this.more = h("button", {type: "button", class: "majlis-more", hidden: true, text: t.more,
                               onclick: () => this.loadPage()});
      this.form = this.renderForm();
      this.cancel = h("button", {type: "button", class: "majlis-cancel majlis-link", hidden: true,
                                 text: t.cancelReply, onclick: () => this.setReply(null)});
      this.title = h("span", {class: "majlis-title-text", text: t.leave});
      this.termsBox = h("div", {class: "majlis-terms"});
      this.respond = h("div", {class: "majlis-respond"},
        h("h3", {class: "majlis-title"}, this.title, " ", this.cancel), this.form, this.termsBox);
      this.closedNote = h("p", {class: "majlis-closed", hidden: true, text: t.closed});
      this.box = h("div", {class: "majlis", dir: this.lang === "ar" ? "rtl" : "ltr", lang: this.lang},
        this.heading, this.list, this.more, this.notice, this.closedNote, this.respond);
      this.root.replaceChildren(this.box);
    }

    field(name, label, input, required) {
      input.id = "majlis-" + name;
      input.name = name;
      const error = h("span", {class: "majlis-error", id: "majlis-" + name + "-error", hidden: true});
      input.setAttribute("aria-describedby", error.id);
      if (required) input.required = true;
      return h("p", {class: "majlis-field majlis-field-" + name},
        h("label", {for: input.id}, label, required ? h("span", {class: "majlis-required", text: " *"}) : null),
        input, error);
    }

    renderForm() {
      const t = this.t;
      const author = store.get("author");
      this.inputs = {
        body: h("textarea", {rows: 6, maxlength: 5000}),
        name: h("input", {type: "text", maxlength: 245, autocomplete: "name"}),
        email: h("input", {type: "email", maxlength: 254, autocomplete: "email"}),
        website: h("input", {type: "url", maxlength: 200, autocomplete: "url"}),
      };
      this.honeypot = h("input", {type: "text", name: "homepage", tabindex: "-1", autocomplete: "off"});
      this.rememberBox = h("input", {type: "checkbox", id: "majlis-remember", name: "remember"});
      if (author) {
        for (const k of ["name", "email", "website"]) this.inputs[k].value = author[k] || "";
        this.rememberBox.checked = true;
      }
      this.formError = h("div", {class: "majlis-form-error", role: "alert", hidden: true});
      this.submit = h("button", {type: "submit", class: "majlis-submit", text: t.submit});
      return h("form", {class: "majlis-form", novalidate: true, onsubmit: (e) => this.post(e)},
        h("p", {class: "majlis-notes"}, h("span", {text: t.emailNote}), " ",
          h("span", {}, t.required, h("span", {class: "majlis-required", text: "*"}))),
        this.field("body", t.body, this.inputs.body, true),
        this.field("name", t.name, this.inputs.name, true),
        this.field("email", t.email, this.inputs.email, true),
        this.field("website", t.website, this.inputs.website, false),
        h("p", {class: "majlis-hp", "aria-hidden": "true"}, h("label", {}, t.honeypot, this.honeypot)),
        h("p", {class: "majlis-remember"}, this.rememberBox, " ", h("label", {for: "majlis-remember", text: t.remember})),
        this.formError,
        h("p", {class: "majlis-actions"}, this.submit));
    }

    setCount(n) {
      this.count = Math.max(0, n);
      const forms = this.t.count;
      const rule = this.count === 0 ? "zero" : new Intl.PluralRules(this.lang).select(this.count);
      this.heading.textContent = (forms[rule] || forms.other).replace("#", this.count.toLocaleString(this.lang === "ar" ? "ar-u-nu-latn" : "en"));
    }

    async loadPage() {
      const query = new URLSearchParams({limit: String(PAGE_SIZE)});
      if (this.cursor) query.set("cursor", this.cursor);
      this.more.disabled = true;
      const {status, data} = await this.call("GET", `/api/v1/threads/${this.path}/comments?${query}`);
      this.more.disabled = false;
      if (status !== 200) { this.say(status ? (data.detail || this.t.loadError) : this.t.network, true); return; }
      this.setCount(data.thread.comment_count || 0);
      if (data.thread.closed) { this.respond.hidden = true; this.closedNote.hidden = false; }
      for (const view of data.comments || []) this.place(view);
      this.cursor = data.next_cursor || null;
      this.more.hidden = !this.cursor;
    }

    async loadTerms() {
      const {status, data} = await this.call("GET", "/api/v1/terms");
      if (status !== 200) return;
      if (data.edit_window_minutes) this.windowMinutes = data.edit_window_minutes;
      this.termsBox.replaceChildren(
        h("h4", {class: "majlis-terms-title", text: (data.intro || this.t.terms) + " :"}),
        h("ul", {}, ...(data.terms || []).map((term) => h("li", {"data-category": term.category, text: term.text}))));
    }

    async loadOwn() {
      for (const [id, entry] of Array.from(this.tokens)) {
        const {status, data} = await this.call("GET", `/api/v1/comments/${id}`, undefined, entry.t);
        const view = data && data.comment;
        if (status !== 200 || !view || !["approved", "pending"].includes(view.status)) {
          if (status === 404 || status === 200) this.forget(id);
          continue;
        }
        this.place(view);
        if (view.status === "approved" && !this.editable(view)) this.forget(id);
      }
    }

    persistTokens() {
      const all = store.get("tokens") || {};
      for (const [id, entry] of this.tokens) if (entry.saved) all[id] = {t: entry.t, k: entry.k, c: entry.c};
      store.set("tokens", all);
    }

    forget(id) {
      this.tokens.delete(id);
      const all = store.get("tokens");
      if (all && all[id]) { delete all[id]; store.set("tokens", all); }
    }

    editable(view) {
      return Date.parse(view.created_at) + this.windowMinutes * 60000 > Date.now();
    }

    formatDate(iso) {
      const date = new Date(iso);
      if (isNaN(date)) return "";
      return new Intl.DateTimeFormat(this.lang === "ar" ? "ar-u-nu-latn" : "en",
        {dateStyle: "long", timeStyle: "short"}).format(date);
    }

    renderAuthor(view) {
      const name = typeof view.name === "string" ? view.name : "";
      const href = safeUrl(view.website, false);
      return href ? h("a", {class: "majlis-author", href, rel: "nofollow ugc noopener", text: name})
                  : h("span", {class: "majlis-author", text: name});
    }

    renderAvatar(view) {
      let src = null;
      try {
        const url = new URL(view.avatar, ORIGIN);
        if (url.origin === ORIGIN) src = url.href;  // Majlis's own identicons: no other host
      } catch (e) { src = null; }
      return src ? h("img", {class: "majlis-avatar", src, alt: "", width: 40, height: 40, loading: "lazy"}) : null;
    }

    place(view) {
      const id = Number(view.id);
      const known = this.items.get(id);
      if (known) { this.update(known, view); return known; }
      const item = {view, controls: h("span", {class: "majlis-own-controls"})};
      item.text = h("div", {class: "majlis-text"}, safeHtml(view.body_html));
      item.meta = h("span", {class: "majlis-meta"});
      item.children = h("ol", {class: "majlis-children"});
      item.article = h("article", {class: "majlis-body"},
        h("header", {class: "majlis-head"}, this.renderAvatar(view), this.renderAuthor(view), " ", item.meta),
        item.text,
        h("footer", {class: "majlis-foot"},
          h("button", {type: "button", class: "majlis-reply majlis-link", text: this.t.reply,
                       onclick: () => this.setReply(id)}), item.controls));
      item.el = h("li", {class: "majlis-comment", id: "majlis-comment-" + id, "data-id": id},
        item.article, item.children);
      const parent = view.parent_id ? this.items.get(Number(view.parent_id)) : null;
      (parent ? parent.children : this.list).append(item.el);
      this.items.set(id, item);
      this.update(item, view);
      return item;
    }

    update(item, view) {
      item.view = view;
      const id = Number(view.id);
      item.text.replaceChildren(safeHtml(view.body_html));
      const time = h("time", {datetime: view.created_at, text: this.formatDate(view.created_at)});
      item.meta.replaceChildren(time, view.edited_at ? h("span", {class: "majlis-edited", text: " · " + this.t.edited}) : "");
      const pending = view.status === "pending";
      item.el.classList.toggle("majlis-pending", pending);
      const mark = item.article.querySelector(".majlis-pending-mark");
      if (pending && !mark) item.article.insertBefore(h("p", {class: "majlis-pending-mark", text: this.t.pending}), item.text);
      if (!pending && mark) mark.remove();
      item.el.querySelector(".majlis-reply").hidden = pending;
      const entry = this.tokens.get(id);
      item.el.classList.toggle("majlis-own", Boolean(entry));
      item.controls.replaceChildren();
      clearTimeout(item.timer);
      if (entry && this.editable(view)) {
        const until = Date.parse(view.created_at) + this.windowMinutes * 60000;
        item.controls.append(
          h("button", {type: "button", class: "majlis-edit majlis-link", text: this.t.edit, onclick: () => this.startEdit(id)}),
          h("button", {type: "button", class: "majlis-delete majlis-link", text: this.t.del, onclick: () => this.askDelete(id)}),
          h("small", {class: "majlis-until", text: this.t.editUntil +
            new Intl.DateTimeFormat(this.lang === "ar" ? "ar-u-nu-latn" : "en", {timeStyle: "short"}).format(until)}));
        item.timer = setTimeout(() => item.controls.replaceChildren(), Math.min(until - Date.now(), 2 ** 31 - 1));
      }
    }

    setReply(id) {
      const item = id === null ? null : this.items.get(id);
      this.replyTo = item ? id : null;
      this.title.replaceChildren(item ? this.t.replyTo : this.t.leave,
        item ? h("span", {class: "majlis-reply-name", text: item.view.name}) : "");
      this.cancel.hidden = !item;
      if (item) item.el.insertBefore(this.respond, item.children); else this.box.append(this.respond);
      if (item) this.inputs.body.focus();
    }

    say(text, isError) {
      this.notice.textContent = text || "";
      this.notice.classList.toggle("majlis-notice-error", Boolean(isError));
    }

    clearErrors() {
      this.formError.hidden = true;
      this.formError.replaceChildren();
      for (const input of Object.values(this.inputs)) {
        input.removeAttribute("aria-invalid");
        const error = document.getElementById(input.getAttribute("aria-describedby"));
        error.hidden = true;
        error.textContent = "";
      }
    }

    showFormError(text, terms) {
      this.formError.hidden = false;
      this.formError.replaceChildren(h("p", {text: text || this.t.failed}));
      if (terms && terms.length) {
        this.formError.append(h("p", {text: this.t.broken}),
          h("ul", {class: "majlis-violations"}, ...terms.map((v) => h("li", {"data-category": v.category, text: v.term}))));
      }
    }

    showProblem(status, data, inputs, showError) {
      if (status === 422 && data.code === "policy_violation") {
        showError(data.detail, data.violations || []);
        if (inputs.body) inputs.body.setAttribute("aria-invalid", "true");
        return;
      }
      if (status === 422 && data.errors) {
        const other = [];
        let first = null;
        for (const [name, messages] of Object.entries(data.errors)) {
          const text = [].concat(messages).join(" ");
          const input = inputs[name];
          const error = input && document.getElementById(input.getAttribute("aria-describedby"));
          if (!error) { other.push(text); continue; }
          input.setAttribute("aria-invalid", "true");
          error.textContent = text;
          error.hidden = false;
          first = first || input;
        }
        if (other.length || !first) showError(other.join(" ") || data.detail);
        if (first) first.focus();
        return;
      }
      showError(status === 0 ? this.t.network : (data.detail || data.title || this.t.failed));
    }

    async post(event) {
      event.preventDefault();
      this.clearErrors();
      const remember = this.rememberBox.checked;
      const value = (k) => this.inputs[k].value.trim();
      const pageUrl = location.origin + location.pathname;
      const payload = {
        body: this.inputs.body.value, name: value("name"), email: value("email"), website: value("website"),
        parent_id: this.replyTo, remember, homepage: this.honeypot.value,
        thread_title: document.title.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim().slice(0, 300) || null,
      };
      if (pageUrl.length <= 200 && /^https?:/.test(pageUrl)) payload.thread_url = pageUrl;
      this.submit.disabled = true;
      this.submit.textContent = this.t.sending;
      const {status, data} = await this.call("POST", `/api/v1/threads/${this.path}/comments`, payload);
      this.submit.disabled = false;
      this.submit.textContent = this.t.submit;
      if (status === 201 || status === 202) {
        if (remember) store.set("author", {name: payload.name, email: payload.email, website: payload.website});
        else store.del("author");
        const view = data.comment;
        this.tokens.set(Number(view.id), {t: data.edit_token, k: this.key, c: Date.now(), saved: remember});
        if (remember) this.persistTokens();
        this.source.set(Number(view.id), payload.body);
        this.setReply(null);
        const item = this.place(view);
        if (status === 201) this.setCount(this.count + 1);
        this.inputs.body.value = "";
        this.say(status === 201 ? this.t.published : this.t.held);
        item.el.scrollIntoView({block: "nearest"});
        return;
      }
      this.showProblem(status, data, this.inputs, (text, terms) => this.showFormError(text, terms));
    }

    sourceText(item) {
      const typed = this.source.get(Number(item.view.id));
      if (typed !== undefined) return typed;
      const blocks = Array.from(item.text.querySelectorAll("p"));
      const text = (node) => Array.from(node.childNodes).map((c) => c.nodeName === "BR" ? "\n" : c.textContent).join("");
      return (blocks.length ? blocks.map(text).join("\n\n") : text(item.text)).replace(/\n\n+/g, "\n\n").trim();
    }

    startEdit(id) {
      const item = this.items.get(id);
      const t = this.t;
      const area = h("textarea", {class: "majlis-edit-body", rows: 5, "aria-label": t.body, maxlength: 5000});
      area.value = this.sourceText(item);
      const error = h("div", {class: "majlis-form-error", role: "alert", hidden: true});
      const done = () => { editor.replaceWith(item.text); item.controls.hidden = false; };
      const editor = h("form", {class: "majlis-editor", novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        error.hidden = true;
        const entry = this.tokens.get(id);
        const {status, data} = await this.call("PATCH", `/api/v1/comments/${id}`, {body: area.value}, entry && entry.t);
        if (status === 200 || status === 202) {
          const wasApproved = item.view.status !== "pending";
          this.source.set(id, area.value);
          done();
          this.update(item, data.comment);
          if (wasApproved && status === 202) this.setCount(this.count - 1);
          this.say(status === 202 ? t.held : "");
          return;
        }
        const show = (text, terms) => {
          error.hidden = false;
          error.replaceChildren(h("p", {text: text || t.failed}));
          if (terms && terms.length) error.append(h("ul", {class: "majlis-violations"}, ...terms.map((v) => h("li", {text: v.term}))));
        };
        this.showProblem(status, data, {}, show);
      }}, area, error, h("p", {class: "majlis-actions"},
        h("button", {type: "submit", class: "majlis-save", text: t.save}), " ",
        h("button", {type: "button", class: "majlis-link", text: t.cancel, onclick: done})));
      item.controls.hidden = true;
      item.text.replaceWith(editor);
      area.focus();
    }

    askDelete(id) {
      const item = this.items.get(id);
      const t = this.t;
      const box = h("span", {class: "majlis-confirm"}, t.confirmDelete, " ",
        h("button", {type: "button", class: "majlis-confirm-delete majlis-link", text: t.yesDelete, onclick: async () => {
          const entry = this.tokens.get(id);
          const {status, data} = await this.call("DELETE", `/api/v1/comments/${id}`, undefined, entry && entry.t);
          if (status !== 204) { box.replaceWith(h("span", {class: "majlis-error", text: data.detail || t.failed})); return; }
          if (item.view.status === "approved") this.setCount(this.count - 1);
          this.forget(id);
          item.article.replaceWith(h("p", {class: "majlis-deleted", text: t.deleted}));
          this.say(t.deleted);
        }}), " ",
        h("button", {type: "button", class: "majlis-link", text: t.cancel, onclick: () => this.update(item, item.view)}));
      item.controls.replaceChildren(box);
    }
  }

  function boot() {
    const root = document.getElementById("majlis-thread");
    if (!root || root.hasAttribute("data-majlis-started")) return;
    root.setAttribute("data-majlis-started", "");
    new Widget(root).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
