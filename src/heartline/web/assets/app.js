/* heartline web app: uploads with live progress. Served as a file (the CSP allows no inline script).
   Pages work without it: the form posts normally and the job page refreshes itself. */
"use strict";
(function () {
  var POLL_MS = 400;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function describe(job) {
    if (job.state === "queued") return "waiting" + (job.position ? " (" + job.position + " ahead)" : "");
    if (job.state === "running") return job.step + " " + job.percent + "%";
    if (job.state === "done") return job.added ? "added" : "already in the library";
    return "failed: " + (job.error || "unknown error");
  }

  function poll(id, onUpdate) {
    function tick() {
      fetch("/api/jobs/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error("status " + r.status)); })
        .then(function (job) {
          onUpdate(job);
          if (job.state === "queued" || job.state === "running") setTimeout(tick, POLL_MS);
        })
        .catch(function () { setTimeout(tick, POLL_MS * 5); });
    }
    tick();
  }

  /* -- the job page ------------------------------------------------------------------------- */
  function jobPage(box) {
    var bar = document.getElementById("job-progress");
    var status = document.getElementById("job-step");
    var error = document.getElementById("job-error");
    var lastStep = null;
    poll(box.getAttribute("data-job"), function (job) {
      bar.value = job.percent;
      bar.textContent = job.percent + "%";
      box.setAttribute("data-state", job.state);
      if (job.state === "done") {
        status.textContent = "Done. Opening the story.";
        window.location.assign("/stories/" + encodeURIComponent(job.story_id));
      } else if (job.state === "failed") {
        status.textContent = "The reading failed.";
        error.textContent = job.error;
        error.hidden = false;
      } else if (job.step !== lastStep) {  /* announce each step once, not every percent */
        lastStep = job.step;
        status.textContent = job.state === "queued"
          ? "Waiting to be read" + (job.position ? ": " + job.position + " ahead." : ".")
          : "Reading: " + job.step + ".";
      }
    });
  }

  /* -- the read page ------------------------------------------------------------------------ */
  function readPage(form) {
    var input = document.getElementById("file");
    var drop = document.getElementById("drop");
    var status = document.getElementById("upload-status");
    var queue = document.getElementById("queue");

    function showError(message) {
      var box = document.getElementById("upload-error");
      if (!box) {
        box = el("p", { id: "upload-error", "class": "error", role: "alert" });
        form.parentNode.insertBefore(box, form);
      }
      box.textContent = message;
      box.hidden = !message;
    }

    function row(job) {
      var li = el("li", { "data-job": job.id });
      var name = el("span", { "class": "name" });
      var link = el("a", { href: "/jobs/" + job.id }, job.name);
      name.appendChild(link);
      var bar = el("progress", { max: "100", value: String(job.percent), "aria-label": "Reading " + job.name });
      var state = el("span", { "class": "state" }, describe(job));
      li.appendChild(name); li.appendChild(bar); li.appendChild(state);
      var empty = document.getElementById("queue-empty");
      if (empty) empty.remove();
      queue.insertBefore(li, queue.firstChild);
      return { li: li, link: link, bar: bar, state: state };
    }

    function send(body) {
      return fetch("/api/uploads", { method: "POST", body: body, headers: { "Accept": "application/json" } })
        .then(function (r) {
          return r.json().catch(function () { return { error: "The server answered " + r.status + "." }; })
            .then(function (data) {
              if (!r.ok) throw new Error(data.error || ("The server answered " + r.status + "."));
              return data.jobs;
            });
        });
    }

    function submit(files) {
      var text = document.getElementById("text");
      var title = document.getElementById("title");
      var bodies = [];
      files.forEach(function (f) { var b = new FormData(); b.append("file", f, f.name); bodies.push(b); });
      if (text && text.value.trim()) {
        var b = new FormData();
        b.append("text", text.value);
        if (title && title.value.trim()) b.append("title", title.value);
        bodies.push(b);
      }
      if (!bodies.length) { showError("Choose a story file, or paste the story's text."); input.focus(); return; }
      showError("");
      status.textContent = bodies.length === 1 ? "Uploading." : "Uploading " + bodies.length + " stories.";
      var all = [];
      var failed = false;
      bodies.reduce(function (chain, body) {
        return chain.then(function () {
          return send(body).then(function (jobs) { all = all.concat(jobs); })
            .catch(function (e) { failed = true; showError(e.message); });
        });
      }, Promise.resolve()).then(function () {
        form.reset();
        if (!all.length) { status.textContent = "Nothing was queued."; return; }
        status.textContent = all.length === 1 ? "Reading " + all[0].name + "." : all.length + " stories queued.";
        var pending = all.length;
        all.forEach(function (job) {
          var r = row(job);
          poll(job.id, function (j) {
            r.bar.value = j.percent;
            r.state.textContent = describe(j);
            if (j.state === "done" || j.state === "failed") {
              pending -= 1;
              if (j.state === "done") r.link.setAttribute("href", "/stories/" + j.story_id);
              if (j.state === "failed") showError(j.name + ": " + j.error);
              status.textContent = j.name + ": " + describe(j) + ".";
              if (j.state === "done" && all.length === 1 && !failed) {
                window.location.assign("/stories/" + encodeURIComponent(j.story_id));
              } else if (pending === 0) {
                status.textContent = "All readings finished.";
              }
            }
          });
        });
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(Array.prototype.slice.call(input.files || []));
    });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = Array.prototype.slice.call((event.dataTransfer && event.dataTransfer.files) || []);
      if (files.length) submit(files);
    });
    /* rows already on the page (readings started earlier) keep updating */
    Array.prototype.forEach.call(queue.querySelectorAll("li[data-job]"), function (li) {
      var bar = li.querySelector("progress");
      var state = li.querySelector(".state");
      var link = li.querySelector("a");
      poll(li.getAttribute("data-job"), function (j) {
        bar.value = j.percent;
        state.textContent = describe(j);
        if (j.state === "done" && j.story_id) link.setAttribute("href", "/stories/" + j.story_id);
      });
    });
  }

  function start() {
    var box = document.getElementById("job");
    if (box) jobPage(box);
    var form = document.getElementById("upload");
    if (form) readPage(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
