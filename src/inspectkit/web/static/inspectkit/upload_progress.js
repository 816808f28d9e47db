/* The case-list upload's feedback: how much of the file has gone, then how long the
   server has been checking it and drawing the sample, updated every second.

   The form works without this file (a plain multipart POST); with htmx it is posted by
   htmx, whose events (htmx:xhr:*) give the upload's progress.  Served as a static file:
   the Content-Security-Policy forbids inline scripts.  The form is found through the
   event (it is replaced when the answer is swapped in), so listeners sit on document. */
(function () {
  "use strict";
  var FORM = "sample-form";
  var state = null; // {form, phase: "uploading" | "working", started, timer}

  function parts(form) {
    return {
      box: form.querySelector("[data-upload-status]"),
      bar: form.querySelector("[data-upload-bar]"),
      words: form.querySelector("[data-upload-words]")
    };
  }

  function say(form, text) {
    var p = parts(form);
    p.box.hidden = false;
    p.words.textContent = text;
  }

  function ours(event) {
    // request events fire on the form; swap events on the target (#main), naming the form
    var config = event.detail && event.detail.requestConfig;
    var form = config && config.elt ? config.elt : event.target;
    return form && form.id === FORM ? form : null;
  }

  function stopTimer() {
    if (state && state.timer) { window.clearInterval(state.timer); }
  }

  function working(form) {
    // the file is all sent: the server reads, checks and draws; say so every second
    state.phase = "working";
    state.started = Date.now();
    var bar = parts(form).bar;
    bar.removeAttribute("value"); // an indeterminate bar: the browser animates it
    bar.setAttribute("aria-label", "Checking the list and drawing the sample");
    var tell = function () {
      var seconds = Math.round((Date.now() - state.started) / 1000);
      say(form, "Uploaded. Checking the list and drawing the sample" +
        (seconds ? ": " + seconds + " s so far" : "") + ". A long list takes a while.");
    };
    tell();
    state.timer = window.setInterval(tell, 1000);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = ours(event);
    if (!form) { return; }
    var input = form.querySelector("input[type=file]");
    var limit = Number(form.getAttribute("data-upload-limit"));
    var file = input && input.files && input.files[0];
    if (file && limit && file.size > limit) {
      event.preventDefault(); // refused here too, before a byte is sent
      say(form, file.name + " is larger than the upload limit of " +
        form.getAttribute("data-upload-limit-text") + "; it was not sent.");
      return;
    }
    stopTimer();
    state = {form: form, phase: "uploading", started: Date.now(), timer: null};
    var bar = parts(form).bar;
    bar.setAttribute("value", "0");
    bar.setAttribute("aria-label", "Upload progress");
    say(form, "Uploading " + (file ? file.name : "the file") + "…");
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = ours(event);
    if (!form || !state || state.phase !== "uploading") { return; }
    var detail = event.detail;
    if (!detail.lengthComputable || !detail.total) { return; }
    var percent = Math.floor((100 * detail.loaded) / detail.total);
    parts(form).bar.value = percent;
    say(form, "Uploading: " + percent + "% sent.");
  });

  document.addEventListener("htmx:xhr:loadend", function (event) {
    // the first loadend is the upload's (the response's own comes after)
    var form = ours(event);
    if (form && state && state.phase === "uploading") { working(form); }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    // a list with problems, or a form error, is answered 400 with the page to show
    if (ours(event) && event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = ours(event);
    if (!form) { return; }
    stopTimer();
    state = null;
    var xhr = event.detail.xhr;
    if (event.detail.failed && xhr && xhr.status !== 400) {
      say(form, "The upload did not finish (" + (xhr.status ? "the server answered " +
        xhr.status : "no answer from the server") + "). Nothing was drawn; try again.");
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    // the new page's first error, or the sample, gets the focus a page load would give
    if (!ours(event)) { return; }
    var main = document.getElementById("main");
    var target = main && (main.querySelector(".error-summary, .field-error") ||
      main.querySelector("h1"));
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
    }
  });
})();
