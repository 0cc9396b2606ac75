// What any component (built-in or high-level) may ask of the page besides
// its renderer: its size reported (`_report_resize`, sent for components with
// a @rio.event.on_resize handler) and an ARIA role (`accessibility_role`).

let observer = null;
const watched = new Map(); // element -> { id, width, height, sendEvent }

function remPixels() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

function reportSizes(entries) {
  const rem = remPixels();
  for (const entry of entries) {
    const w = watched.get(entry.target);
    if (!w || !entry.target.isConnected) continue;
    // Font-heights, like every size the server sees (Rio measures offsetWidth).
    const width = entry.target.offsetWidth / rem;
    const height = entry.target.offsetHeight / rem;
    if (width === w.width && height === w.height) continue;
    w.width = width;
    w.height = height;
    w.sendEvent(w.id, "resize", { width, height });
  }
}

/** Apply the extras among `keys` (the props just set) to component `c`. */
export function applyExtras(c, keys, ctx) {
  if (keys.includes("accessibility_role")) {
    const role = c.props.accessibility_role;
    if (role === null || role === undefined) c.el.removeAttribute("role");
    else c.el.setAttribute("role", role);
  }
  if (keys.includes("_report_resize") && c.props._report_resize && !watched.has(c.el)) {
    observer ??= new ResizeObserver(reportSizes);
    watched.set(c.el, { id: c.id, width: null, height: null, sendEvent: ctx.sendEvent });
    observer.observe(c.el);
  }
}

/** Whether a new component's props need `applyExtras` at all. */
export function hasExtras(props) {
  return props._report_resize !== undefined || props.accessibility_role !== undefined;
}

/** The component left the page. */
export function forgetExtras(c) {
  if (watched.delete(c.el)) observer.unobserve(c.el);
}

/** Every component left the page (a full resend). */
export function forgetAllExtras() {
  for (const el of watched.keys()) observer.unobserve(el);
  watched.clear();
}
