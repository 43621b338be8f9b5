/* Talking to the API with the signed-in session: JSON in and out, the CSRF header on changes,
   problem+json errors turned into {status, body} rejections. Small DOM helpers live here too. */
(function () {
  "use strict";
  var csrf = null;

  function request(method, path, body) {
    var headers = { "Accept": "application/json", "Accept-Language": window.MajlisI18n.lang() };
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    if (method !== "GET" && csrf) { headers["X-CSRFToken"] = csrf; }
    return fetch(path, {
      method: method, headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 204) { return null; }
      return response.json().then(function (data) {
        if (!response.ok) { throw { status: response.status, body: data || {} }; }
        return data;
      }, function () {
        if (!response.ok) { throw { status: response.status, body: {} }; }
        return null;
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key === "class") { node.className = attrs[key]; }
      else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), attrs[key]); }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  /* Field-level errors of a 422 into the [data-error=field] spans of a form; the rest below it. */
  function showErrors(form, error) {
    form.querySelectorAll("[data-error]").forEach(function (span) { span.textContent = ""; });
    var body = (error && error.body) || {};
    var errors = body.errors || {};
    var other = [];
    Object.keys(errors).forEach(function (field) {
      var span = form.querySelector('[data-error="' + field + '"]');
      var text = [].concat(errors[field]).join(" ");
      if (span) { span.textContent = text; } else { other.push(field + ": " + text); }
    });
    if (!Object.keys(errors).length) { other.push(body.detail || body.title || String(error)); }
    var rest = form.querySelector('[data-error="_other"]');
    if (other.length) {
      if (rest) { rest.textContent = other.join(" — "); } else { window.MajlisApi.flash(other.join(" — "), true); }
    }
  }

  function flash(text, isError) {
    var box = document.getElementById("flash");
    box.textContent = text;
    box.className = isError ? "flash error" : "flash";
    box.hidden = false;
  }

  window.MajlisApi = {
    get: function (path) { return request("GET", path); },
    post: function (path, body) { return request("POST", path, body === undefined ? {} : body); },
    put: function (path, body) { return request("PUT", path, body); },
    patch: function (path, body) { return request("PATCH", path, body); },
    del: function (path) { return request("DELETE", path); },
    setCsrf: function (token) { csrf = token; },
    el: el, clear: clear, showErrors: showErrors, flash: flash
  };
}());
