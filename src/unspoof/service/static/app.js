// The web page: sends the pasted text to /v1/render and shows the view the server renders.
// Highlighting happens on the server from the report's code-point offsets, so no offset is
// ever converted to JavaScript's UTF-16 indices here.
"use strict";

(() => {
  const form = document.getElementById("scan-form");
  const text = document.getElementById("text");
  const button = document.getElementById("scan");
  const status = document.getElementById("status");
  const result = document.getElementById("result");

  function options() {
    const out = {};
    for (const box of form.querySelectorAll("input[data-option]")) out[box.dataset.option] = box.checked;
    return out;
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (body && body.error) return body.error;
    } catch (_) { /* not JSON: fall back to the status line */ }
    return `${response.status} ${response.statusText}`;
  }

  async function submit(event) {
    event.preventDefault();
    button.disabled = true;
    status.textContent = "Scanning…";
    result.dataset.state = "busy";
    try {
      const response = await fetch("/v1/render", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text.value, options: options() }),
      });
      if (!response.ok) throw new Error(await errorMessage(response));
      // The fragment is rendered by the service with every piece of the input escaped.
      result.innerHTML = await response.text();
      result.dataset.state = "done";
      status.textContent = "";
    } catch (err) {
      result.dataset.state = "error";
      status.textContent = `Error: ${err.message}`;
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", submit);
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
})();
