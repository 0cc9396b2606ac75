// Layout fields every component has: margins, minimum size, grow, align.
// Sizes arrive in font-heights and become rem. How the parent places the
// element (flex or grid) is decided by the parent's CSS class; see style.css.

const LAYOUT_KEYS = new Set([
  "margin", "margin_x", "margin_y", "margin_left", "margin_top",
  "margin_right", "margin_bottom", "min_width", "min_height",
  "grow_x", "grow_y", "align_x", "align_y",
]);

export function touchesLayout(keys) {
  for (const key of keys) if (LAYOUT_KEYS.has(key)) return true;
  return false;
}

function rem(value) {
  return value ? `${value}rem` : "0";
}

function alignName(fraction) {
  if (fraction === null || fraction === undefined) return null;
  if (fraction <= 0) return "start";
  if (fraction >= 1) return "end";
  if (fraction === 0.5) return "center";
  return "frac";
}

export function applyLayout(el, p) {
  const s = el.style;
  const m = p.margin ?? 0;
  s.marginLeft = rem(p.margin_left ?? p.margin_x ?? m);
  s.marginRight = rem(p.margin_right ?? p.margin_x ?? m);
  s.marginTop = rem(p.margin_top ?? p.margin_y ?? m);
  s.marginBottom = rem(p.margin_bottom ?? p.margin_y ?? m);
  s.minWidth = p.min_width ? `${p.min_width}rem` : "";
  s.minHeight = p.min_height ? `${p.min_height}rem` : "";
  setMinSize(el, "rio-min-w", p.min_width);
  setMinSize(el, "rio-min-h", p.min_height);
  el.classList.toggle("rio-grow-x", !!p.grow_x);
  el.classList.toggle("rio-grow-y", !!p.grow_y);
  // Remembered on the element: renderers may reset className on update.
  const grow = `${!!p.grow_x} ${!!p.grow_y}`;
  if ((el.rioGrow ?? "false false") !== grow) {
    el.rioGrow = grow;
    if (el.parentElement) markSharedSpace(el.parentElement);
  }
  setAlign(el, "ax", "--rio-ax", p.align_x);
  setAlign(el, "ay", "--rio-ay", p.align_y);
}

// In a Row (Column), Rio counts the minimum size into the natural size that
// extra space is added to; CSS flex does not (style.css uses the variable).
function setMinSize(el, name, value) {
  if (value) {
    el.classList.add(name);
    el.style.setProperty(`--${name}`, `${value}rem`);
  } else if (el.classList.contains(name)) {
    el.classList.remove(name);
    el.style.removeProperty(`--${name}`);
  }
}

/** Put back the grow classes a renderer's update may have reset. */
export function keepGrowClasses(el, p) {
  if (p.grow_x) el.classList.add("rio-grow-x");
  if (p.grow_y) el.classList.add("rio-grow-y");
  if (p.min_width) el.classList.add("rio-min-w");
  if (p.min_height) el.classList.add("rio-min-h");
}

function setAlign(el, attribute, variable, fraction) {
  const name = alignName(fraction);
  if (name === null) {
    delete el.dataset[attribute];
  } else {
    el.dataset[attribute] = name;
  }
  if (name === "frac") el.style.setProperty(variable, String(fraction));
  else el.style.removeProperty(variable);
}

// Rio: if no child of a Row (Column) grows in x (y), the extra space is
// shared by all of them. A class says so; a CSS :has() selector would do it
// too, but makes Chromium restyle every child on any change inside (slow
// with thousands of rows: README.md, what the profiles showed).
export function markSharedSpace(container) {
  const list = container.classList;
  if (list.contains("rio-grid")) {
    sizeGridTracks(container);
    return;
  }
  const grow = list.contains("rio-column") ? "rio-grow-y"
    : list.contains("rio-row") ? "rio-grow-x" : null;
  if (grow === null) return;
  let anyGrows = false;
  for (const child of container.children) {
    if (child.classList.contains(grow)) { anyGrows = true; break; }
  }
  list.toggle("rio-share-space", !anyGrows);
}

// Put `wanted` (elements, in order) as the children of `container`, moving
// only what is out of place. Example: [a b c] -> [c a b] moves c once.
export function syncChildren(container, wanted) {
  const current = container.children;
  if (current.length === 0) {
    // A new or emptied container: one append, no per-child bookkeeping.
    container.append(...wanted);
    markSharedSpace(container);
    return;
  }
  for (let i = 0; i < wanted.length; i++) {
    const el = wanted[i];
    if (current[i] === el) continue;
    if (i + 1 < current.length && current[i + 1] === el) {
      // One element was dropped here: it goes when the loop is done.
      container.appendChild(current[i]);
      i--;
      continue;
    }
    const before = current[i] ?? null;
    if (container.moveBefore && el.isConnected && el.parentNode === container) {
      container.moveBefore(el, before);
    } else {
      container.insertBefore(el, before);
    }
  }
  while (current.length > wanted.length) container.lastChild.remove();
  markSharedSpace(container);
}

// Rio's grid: a track is as large as its largest child; the space left over
// goes to the tracks a growing child spans, or to every track when none
// does. CSS grid stretches `auto` tracks by equal amounts and leaves
// `minmax(auto, max-content)` ones at their content size.
export function sizeGridTracks(grid) {
  const columns = [], rows = [];
  for (const child of grid.children) {
    const cell = child.rioGridCell;
    if (!cell) continue;
    const [row, column, width, height] = cell;
    markTracks(columns, column, width, child.classList.contains("rio-grow-x"));
    markTracks(rows, row, height, child.classList.contains("rio-grow-y"));
  }
  grid.style.gridTemplateColumns = trackTemplate(columns);
  grid.style.gridTemplateRows = trackTemplate(rows);
}

function markTracks(tracks, start, span, grows) {
  for (let i = tracks.length; i < start + span; i++) tracks.push(false);
  if (grows) for (let i = start; i < start + span; i++) tracks[i] = true;
}

function trackTemplate(grows) {
  if (!grows.includes(true)) return grows.length ? `repeat(${grows.length}, auto)` : "";
  return grows.map((g) => (g ? "auto" : "minmax(auto, max-content)")).join(" ");
}
