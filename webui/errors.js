// Errors in the app's code, as the server reports them (runtime.py's
// _show_error): in development a panel with the traceback, otherwise a short
// notice. calls.js loads this module with the first error. Every text is set
// with textContent: a traceback quotes user data and must never become HTML.

const MAX_REPORTS = 5; // older ones leave the panel
const CSS = `
.rio-error-panel { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 950;
  display: flex; flex-direction: column; gap: 0.5rem; max-height: 60vh; overflow: auto;
  font-family: var(--rio-font, system-ui, sans-serif); line-height: 1.3; }
.rio-error-panel.rio-error-notice { left: auto; width: min(25rem, calc(100vw - 2rem)); }
.rio-error-report { border: 2px solid #c62828; border-radius: var(--rio-radius-small, 0.4rem);
  background: #fdecea; color: #611a15; padding: 0.5rem 0.7rem;
  box-shadow: 0 0.2rem 0.8rem rgba(0, 0, 0, 0.3); }
.rio-error-head { display: flex; gap: 0.5rem; align-items: flex-start; }
.rio-error-title { flex: 1; font-weight: 700; overflow-wrap: anywhere; }
.rio-error-count { opacity: 0.8; }
.rio-error-close { border: none; background: none; color: inherit; cursor: pointer;
  font-size: 1.2rem; line-height: 1; padding: 0 0.2rem; }
.rio-error-note { margin-top: 0.3rem; overflow-wrap: anywhere; }
.rio-error-details { margin: 0.4rem 0 0; max-height: 40vh; overflow: auto; white-space: pre-wrap;
  font-size: 0.8rem; font-family: ui-monospace, monospace; }
`;

let panel = null;

function errorPanel(development) {
  if (!panel?.isConnected) {
    const style = document.createElement("style");
    style.textContent = CSS;
    document.head.appendChild(style);
    panel = document.createElement("div");
    panel.setAttribute("role", "alert");
    document.body.appendChild(panel);
  }
  panel.className = development ? "rio-error-panel" : "rio-error-panel rio-error-notice";
  return panel;
}

/** Show one report: {development, title, details, note}. The same report
 * again counts up instead of stacking; the newest is on top. */
export function showError({ development, title, details, note }) {
  const stack = errorPanel(development);
  const key = JSON.stringify([title, details, note]);
  for (const report of stack.children) {
    if (report.dataset.key !== key) continue;
    report.count += 1;
    report.querySelector(".rio-error-count").textContent = `\u00d7${report.count}`;
    stack.prepend(report);
    return;
  }
  const report = document.createElement("div");
  report.className = "rio-error-report";
  report.dataset.key = key;
  report.count = 1;
  const head = document.createElement("div");
  head.className = "rio-error-head";
  const heading = document.createElement("div");
  heading.className = "rio-error-title";
  heading.textContent = title;
  const count = document.createElement("span");
  count.className = "rio-error-count";
  const close = document.createElement("button");
  close.className = "rio-error-close";
  close.type = "button";
  close.textContent = "\u00d7";
  close.title = "Dismiss";
  close.setAttribute("aria-label", "Dismiss");
  close.addEventListener("click", () => {
    report.remove();
    if (stack.childElementCount === 0) stack.remove();
  });
  head.append(heading, count, close);
  report.append(head);
  if (note) {
    const text = document.createElement("div");
    text.className = "rio-error-note";
    text.textContent = note;
    report.append(text);
  }
  if (details) {
    const pre = document.createElement("pre");
    pre.className = "rio-error-details";
    pre.textContent = details;
    report.append(pre);
  }
  stack.prepend(report);
  while (stack.childElementCount > MAX_REPORTS) stack.lastElementChild.remove();
}
