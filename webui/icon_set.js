// Icons travel with the components that show them: {name, svg} the first
// time this page sees an icon, its name after that (_icon_registry.py).
// The markup is ours or checked on the server (no scripts, no links).
const known = new Map();
const waiting = new Map();

export const iconName = (value) => (value && typeof value === "object" ? value.name : value);

/** Call `draw(svg)` with a new <svg> of an icon field's value, now or once it is here. */
export function withIcon(value, draw) {
  if (value && typeof value === "object") {
    const doc = new DOMParser().parseFromString(value.svg || "<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml");
    const svg = document.importNode(doc.documentElement, true);
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("aria-hidden", "true");
    known.set(value.name, svg);
    for (const later of waiting.get(value.name) ?? []) later(svg.cloneNode(true));
    waiting.delete(value.name);
  }
  const svg = known.get(iconName(value));
  if (svg) draw(svg.cloneNode(true));
  else if (value) waiting.set(value, [...(waiting.get(value) ?? []), draw]);
}
