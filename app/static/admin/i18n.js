/* The policy editor's words in Arabic (first) and English; elements carry data-i18n keys. */
(function () {
  "use strict";
  var WORDS = {
    ar: {
      title: "محرر سياسة التعليقات", sign_in: "تسجيل الدخول", sign_out: "خروج", email: "البريد الإلكتروني",
      password: "كلمة المرور", active_version: "النسخة النافذة", draft: "المسودة",
      new_draft: "مسودة جديدة من النسخة النافذة", delete_draft: "حذف المسودة",
      stale: "تغيّرت النسخة النافذة بعد بدء هذه المسودة", rules: "القواعد", lists: "قوائم الكلمات",
      test: "تجربة نص", backtest: "اختبار على التعليقات", publish: "النشر", versions: "النسخ",
      thresholds: "العتبات", hold: "حجز", reject: "رفض", approve: "نشر", save: "حفظ", rule: "القاعدة",
      category: "الفئة", type: "النوع", action_or_score: "الإجراء / النقاط", hits_7d: "إصابات ٧ أيام",
      hits_30d: "إصابات ٣٠ يومًا", overturned: "نقضها المشرفون", new_rule: "قاعدة جديدة", rule_id: "المعرّف",
      action: "الإجراء", score_instead: "نقاط بدلًا من ذلك", score: "النقاط", fields: "الحقول",
      enabled: "مفعّلة", disabled: "معطّلة", description_ar: "الوصف بالعربية",
      description_en: "الوصف بالإنجليزية", examples_match: "أمثلة يجب أن تطابق (سطر لكل مثال)",
      examples_no_match: "أمثلة يجب ألا تطابق", pattern: "النمط (RE2)", lexicons: "قوائم الكلمات",
      targets: "قوائم الأهداف", options: "خيارات أخرى (JSON)", cancel: "إلغاء", word_list: "قائمة الكلمات",
      term: "الكلمة", note: "ملاحظة", add_term: "إضافة", bulk_paste: "لصق عدة كلمات",
      paste_hint: "كلمة في كل سطر، ويمكن إضافة ملاحظة بعد « # »", add_all: "إضافة الكل", test_text: "النص",
      name: "الاسم", website: "الموقع", run_test: "جرّب", last_n: "آخر عدد من التعليقات", since: "من",
      until: "إلى", thread: "المقال", start_backtest: "ابدأ", changes: "التغييرات عن النسخة النافذة",
      change_note: "ملاحظة التغيير (إلزامية)", publish_draft: "انشر المسودة", by: "بواسطة", when: "متى",
      edit: "تعديل", remove: "حذف", disable: "تعطيل", enable: "تفعيل", rollback: "الرجوع إليها",
      show_diff: "الفرق", active: "نافذة", no_hits: "لم تُصب أي قاعدة", outcome: "النتيجة",
      steps: "خطوات التطبيع", saved: "حُفظ", published: "نُشرت النسخة", rolled_back: "أصبحت نافذة النسخة",
      confirm_delete_rule: "حذف القاعدة؟", confirm_rollback: "الرجوع إلى النسخة", no_draft: "لا توجد مسودة",
      queued: "في الانتظار", running: "قيد التشغيل", done: "انتهى", failed: "فشل", comments: "تعليقات",
      changed: "تغيّرت نتيجتها", per_change: "لكل تغيير", per_rule: "لكل قاعدة", per_category: "لكل فئة",
      samples: "أمثلة", precision: "الدقة", recall: "الاستدعاء", decided: "قرّر فيها المشرفون",
      added: "أضيفت", removed: "حُذفت", rules_changed: "قواعد تغيّرت", nothing_changed: "لا تغيير",
      used_by: "تستعملها القواعد", new_list: "قائمة جديدة", list_name: "اسم القائمة الجديدة",
      error: "خطأ", score_word: "النقاط", settings: "إعدادات", reordered: "تغيّر ترتيب القواعد"
    },
    en: {
      title: "Comment policy editor", sign_in: "Sign in", sign_out: "Sign out", email: "Email",
      password: "Password", active_version: "Active version", draft: "Draft",
      new_draft: "New draft from the active version", delete_draft: "Delete draft",
      stale: "The active version changed after this draft was started", rules: "Rules", lists: "Word lists",
      test: "Test box", backtest: "Backtest", publish: "Publish", versions: "Versions",
      thresholds: "Thresholds", hold: "hold", reject: "reject", approve: "approve", save: "Save", rule: "Rule",
      category: "Category", type: "Type", action_or_score: "Action / score", hits_7d: "Hits 7 days",
      hits_30d: "Hits 30 days", overturned: "Overturned", new_rule: "New rule", rule_id: "Id",
      action: "Action", score_instead: "a score instead", score: "Score", fields: "Fields",
      enabled: "enabled", disabled: "disabled", description_ar: "Description (Arabic)",
      description_en: "Description (English)", examples_match: "Examples that must match (one per line)",
      examples_no_match: "Examples that must not match", pattern: "Pattern (RE2)", lexicons: "Word lists",
      targets: "Target lists", options: "Other options (JSON)", cancel: "Cancel", word_list: "Word list",
      term: "Term", note: "Note", add_term: "Add", bulk_paste: "Paste several terms",
      paste_hint: "One term per line; a note may follow « # »", add_all: "Add all", test_text: "Text",
      name: "Name", website: "Website", run_test: "Test", last_n: "Last N comments", since: "Since",
      until: "Until", thread: "Article", start_backtest: "Start", changes: "Changes from the active version",
      change_note: "Change note (required)", publish_draft: "Publish the draft", by: "By", when: "When",
      edit: "Edit", remove: "Remove", disable: "Disable", enable: "Enable", rollback: "Roll back to it",
      show_diff: "Diff", active: "active", no_hits: "No rule hit", outcome: "Outcome",
      steps: "Normalization steps", saved: "Saved", published: "Published version", rolled_back: "Now active: version",
      confirm_delete_rule: "Delete the rule?", confirm_rollback: "Roll back to version", no_draft: "No draft",
      queued: "queued", running: "running", done: "done", failed: "failed", comments: "comments",
      changed: "changed outcome", per_change: "Per change", per_rule: "Per rule", per_category: "Per category",
      samples: "Samples", precision: "Precision", recall: "Recall", decided: "decided by moderators",
      added: "added", removed: "removed", rules_changed: "Rules changed", nothing_changed: "No change",
      used_by: "Used by rules", new_list: "New list", list_name: "Name of the new list",
      error: "Error", score_word: "score", settings: "Settings", reordered: "Rules reordered"
    }
  };
  var lang = (function () {
    try { return localStorage.getItem("majlis-editor-lang") === "en" ? "en" : "ar"; } catch (e) { return "ar"; }
  }());

  function t(key) { return (WORDS[lang] && WORDS[lang][key]) || WORDS.ar[key] || key; }

  function apply() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    document.title = t("title");
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (el) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
    var button = document.getElementById("lang-switch");
    if (button) { button.textContent = lang === "ar" ? "English" : "العربية"; }
  }

  function toggle() {
    lang = lang === "ar" ? "en" : "ar";
    try { localStorage.setItem("majlis-editor-lang", lang); } catch (e) { /* private mode */ }
    apply();
  }

  window.MajlisI18n = { t: t, apply: apply, toggle: toggle, lang: function () { return lang; } };
}());
