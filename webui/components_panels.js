// Panels: Drawer, ScrollTarget, Slideshow. Loaded when a page first shows
// one (LAZY_FAMILIES in components.js). Renderer contract: components.js.
// The module brings its own CSS, added to the page once when it loads.
import { cssColor, setContextColor } from "./components_layout.js";

const CSS = `
.rio-drawer { display: grid; grid-template: minmax(0, 1fr) / minmax(0, 1fr); overflow: hidden; position: relative; z-index: 0; }
.rio-drawer > * { grid-area: 1 / 1; min-width: 0; min-height: 0; }
.rio-drawer-shade { z-index: 2; pointer-events: none; transition: background-color 0.3s ease-in-out; }
.rio-drawer-panel {
  z-index: 3; display: flex; background: var(--rio-neutral);
  box-shadow: 0 0 1.3rem var(--rio-shadow, rgba(0, 0, 0, 0.3));
  transition: transform 0.3s ease-out;
}
.rio-drawer-body { display: grid; grid-template: minmax(0, 1fr) / minmax(0, 1fr); flex: 1 1 auto; }
.rio-drawer-knob {
  align-self: center; flex: none; margin: 0.5rem; border-radius: 99999px;
  background: var(--rio-text); opacity: 0.15;
}
.rio-drawer-left > .rio-drawer-panel, .rio-drawer-right > .rio-drawer-panel { width: fit-content; max-width: 100%; }
.rio-drawer-top > .rio-drawer-panel, .rio-drawer-bottom > .rio-drawer-panel { height: fit-content; max-height: 100%; flex-direction: column; }
.rio-drawer-left > .rio-drawer-panel { justify-self: start; border-radius: 0 var(--rio-radius-large) var(--rio-radius-large) 0; }
.rio-drawer-right > .rio-drawer-panel { justify-self: end; border-radius: var(--rio-radius-large) 0 0 var(--rio-radius-large); }
.rio-drawer-top > .rio-drawer-panel { align-self: start; border-radius: 0 0 var(--rio-radius-large) var(--rio-radius-large); }
.rio-drawer-bottom > .rio-drawer-panel { align-self: end; border-radius: var(--rio-radius-large) var(--rio-radius-large) 0 0; }
.rio-drawer-left .rio-drawer-body, .rio-drawer-right .rio-drawer-body { overflow-y: auto; }
.rio-drawer-top .rio-drawer-body, .rio-drawer-bottom .rio-drawer-body { overflow-x: auto; }
.rio-drawer-left .rio-drawer-knob, .rio-drawer-right .rio-drawer-knob { width: 0.4rem; height: 4rem; }
.rio-drawer-top .rio-drawer-knob, .rio-drawer-bottom .rio-drawer-knob { width: 4rem; height: 0.4rem; }
.rio-drawer-right .rio-drawer-knob, .rio-drawer-bottom .rio-drawer-knob { order: -1; }
.rio-drawer-still, .rio-drawer-still > * { transition: none !important; }
.rio-drawer-dragging { user-select: none; }
.rio-scroll-target { display: flex; align-items: stretch; }
.rio-scroll-target > .rio-scroll-target-body { flex: 1 1 auto; min-width: 0; }
.rio-scroll-target > .rio-scroll-target-copy { visibility: hidden; cursor: pointer; }
.rio-scroll-target:hover > .rio-scroll-target-copy { visibility: visible; }
.rio-scroll-target-copy[hidden] { display: none; }
.rio-scroll-target-copy > a { color: var(--rio-secondary); text-decoration: none; }
.rio-slideshow { position: relative; overflow: hidden; display: grid; grid-template: minmax(0, 1fr) / minmax(0, 1fr); border-radius: var(--rio-radius-medium); }
.rio-slideshow > .rio-slide { grid-area: 1 / 1; min-width: 0; min-height: 0; }
.rio-slideshow-bar {
  position: absolute; left: 0; bottom: 0; height: 0.3rem; width: 0;
  background: var(--rio-secondary); pointer-events: none; z-index: 1;
}
`;

const style = document.createElement("style");
style.textContent = CSS;
document.head.append(style);

function div(className) {
  const el = document.createElement("div");
  el.className = className;
  return el;
}

function one(id) {
  return id === null || id === undefined ? [] : [id];
}

// --- Drawer ---------------------------------------------------------------

/** Font-height in CSS px (the page's rem). */
function remPx() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

function drawerAxis(side) {
  const horizontal = side === "left" || side === "right";
  const sign = side === "right" || side === "bottom" ? -1 : 1;
  return { horizontal, sign };
}

// Draw the panel `fraction` of the way in (0 closed, 1 open).
function paintDrawer(c) {
  const { horizontal, sign } = drawerAxis(c.props.side);
  const hidden = 1 - c.fraction;
  // Fully closed, the panel also moves its shadow's width (1 rem) out.
  const offset = `calc(${-sign * hidden * 100}% ${sign > 0 ? "-" : "+"} ${hidden}rem)`;
  c.panel.style.transform = horizontal ? `translateX(${offset})` : `translateY(${offset})`;
  const modal = c.props.is_modal;
  c.shade.style.backgroundColor = `rgba(0, 0, 0, ${modal ? c.fraction * 0.5 : 0})`;
  c.shade.style.pointerEvents = modal && c.props.is_open ? "auto" : "none";
  c.panel.inert = c.fraction === 0 && !c.dragging;
  c.el.classList.toggle("rio-drawer-open", c.fraction > 0.5);
}

function setDrawerOpen(c, open, ctx) {
  c.fraction = open ? 1 : 0;
  c.el.classList.remove("rio-drawer-still");
  const changed = c.props.is_open !== open;
  c.props.is_open = open;
  paintDrawer(c);
  if (changed) ctx.sendEvent(c.id, "open_or_close", open);
}

// Where along the drag axis the pointer is, and the panel's full size.
function drawerPointer(c, event) {
  const { horizontal } = drawerAxis(c.props.side);
  return horizontal ? event.clientX : event.clientY;
}

function drawerSize(c) {
  const { horizontal } = drawerAxis(c.props.side);
  return horizontal ? c.panel.offsetWidth : c.panel.offsetHeight;
}

// A press: inside the edge strip (or the open panel) starts a drag; outside,
// a modal open drawer closes.
function drawerPointerDown(c, event, ctx) {
  if (!c.props.is_user_openable || event.button !== 0) return;
  const rect = c.el.getBoundingClientRect();
  const side = c.props.side;
  const at = drawerPointer(c, event);
  const reach = Math.max(2 * remPx(), drawerSize(c) * c.fraction);
  let inside;
  if (side === "left") inside = at > rect.left && at < rect.left + reach;
  else if (side === "right") inside = at < rect.right && at > rect.right - reach;
  else if (side === "top") inside = at > rect.top && at < rect.top + reach;
  else inside = at < rect.bottom && at > rect.bottom - reach;
  if (!inside) {
    if (c.props.is_modal && c.props.is_open) {
      event.stopPropagation();
      event.preventDefault();
      setDrawerOpen(c, false, ctx);
    }
    return;
  }
  const start = at;
  const startFraction = c.fraction;
  const { sign } = drawerAxis(side);
  let moved = false;
  const move = (e) => {
    if (e.pointerId !== event.pointerId) return;
    const size = drawerSize(c) || 1;
    const delta = drawerPointer(c, e) - start;
    if (!moved && Math.abs(delta) < 3) return;
    moved = true;
    c.dragging = true;
    c.el.classList.add("rio-drawer-still", "rio-drawer-dragging");
    c.fraction = Math.max(0, Math.min(1, startFraction + (sign * delta) / size));
    paintDrawer(c);
  };
  const end = (e) => {
    if (e.pointerId !== event.pointerId) return;
    window.removeEventListener("pointermove", move, true);
    window.removeEventListener("pointerup", end, true);
    window.removeEventListener("pointercancel", end, true);
    c.dragging = false;
    c.el.classList.remove("rio-drawer-dragging");
    if (!moved) return;
    // Open past a quarter from closed, stay open above three quarters.
    const threshold = startFraction > 0.5 ? 0.75 : 0.25;
    setDrawerOpen(c, c.fraction > threshold, ctx);
  };
  window.addEventListener("pointermove", move, true);
  window.addEventListener("pointerup", end, true);
  window.addEventListener("pointercancel", end, true);
}

const Drawer = {
  defaults: {
    anchor: null, content: null, on_open_or_close: null, side: "left",
    is_modal: true, is_open: false, is_user_openable: true, color: "neutral",
  },
  create(c, ctx) {
    const el = div("rio-drawer rio-drawer-still");
    c.anchorSlot = div("rio-single rio-drawer-anchor");
    c.shade = div("rio-drawer-shade");
    c.panel = div("rio-drawer-panel");
    c.body = div("rio-single rio-drawer-body");
    c.knob = div("rio-drawer-knob");
    c.panel.append(c.body, c.knob);
    el.append(c.anchorSlot, c.shade, c.panel);
    c.fraction = 0;
    c.dragging = false;
    el.addEventListener("pointerdown", (event) => drawerPointerDown(c, event, ctx));
    return el;
  },
  update(c, keys, ctx) {
    const p = c.props;
    if (keys.includes("anchor")) ctx.syncChildren(c.anchorSlot, one(p.anchor));
    if (keys.includes("content")) ctx.syncChildren(c.body, one(p.content));
    for (const side of ["left", "right", "top", "bottom"]) {
      c.el.classList.toggle(`rio-drawer-${side}`, p.side === side);
    }
    if (keys.includes("color")) {
      const bare = p.color === "none";
      c.panel.style.background = bare ? "transparent" : cssColor(p.color) ?? "";
      setContextColor(c.panel, p.color);
    }
    if (keys.includes("is_open")) {
      c.fraction = p.is_open ? 1 : 0;
      // The first drawing jumps to the state; later changes slide.
      if (!c.created) c.el.classList.add("rio-drawer-still");
      else c.el.classList.remove("rio-drawer-still");
    }
    paintDrawer(c);
    if (!c.created) {
      c.created = true;
      // Transitions start once the first state is on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (!c.dragging) c.el.classList.remove("rio-drawer-still");
      }));
    }
  },
};

// --- ScrollTarget ---------------------------------------------------------

// The fragment to scroll to once its target is on the page: the address's
// at load, and each one navigate_to() puts in the address later.
let pendingFragment = fragmentOf(location.href);

function fragmentOf(url) {
  const hash = new URL(url, location.href).hash;
  return hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
}

function scrollToFragment(behavior) {
  if (pendingFragment === null) return;
  const target = document.getElementById(pendingFragment);
  if (target === null || !target.classList.contains("rio-scroll-target")) return;
  pendingFragment = null;
  target.scrollIntoView({ behavior, block: "start" });
}

// navigate_to() changes the address with history.pushState/replaceState,
// which the page is not told about: watch those, and back/forward.
for (const method of ["pushState", "replaceState"]) {
  const original = history[method].bind(history);
  history[method] = (state, unused, url) => {
    original(state, unused, url);
    if (url !== undefined && url !== null) {
      pendingFragment = fragmentOf(url);
      // After this message's delta, which may make the target.
      requestAnimationFrame(() => scrollToFragment("smooth"));
    }
  };
}
window.addEventListener("hashchange", () => {
  pendingFragment = fragmentOf(location.href);
  scrollToFragment("smooth");
});

async function copyTargetUrl(id) {
  const url = new URL(location.href);
  url.hash = id;
  try {
    await navigator.clipboard.writeText(url.href);
  } catch (error) {
    console.warn("rio-desktop: copying the link failed", error);
  }
}

const ScrollTarget = {
  defaults: { id: "", content: null, copy_button_content: "\u00b6", copy_button_spacing: 0.5 },
  create(c) {
    const el = div("rio-scroll-target");
    c.body = div("rio-single rio-scroll-target-body");
    c.copy = div("rio-single rio-scroll-target-copy");
    el.append(c.body, c.copy);
    c.copy.addEventListener("click", () => copyTargetUrl(c.props.id));
    return el;
  },
  update(c, keys, ctx) {
    const p = c.props;
    if (keys.includes("content")) ctx.syncChildren(c.body, one(p.content));
    if (keys.includes("id")) c.el.id = p.id;
    if (keys.includes("copy_button_content")) {
      const button = p.copy_button_content;
      c.copy.hidden = button === null;
      if (typeof button === "number") {
        ctx.syncChildren(c.copy, [button]);
      } else if (typeof button === "string") {
        const link = document.createElement("a");
        link.className = "rio-text";
        link.textContent = button;
        c.copy.replaceChildren(link);
      } else {
        c.copy.replaceChildren();
      }
    }
    const link = c.copy.querySelector(":scope > a");
    if (link) link.href = `#${encodeURIComponent(p.id)}`;
    c.el.style.gap = `${p.copy_button_spacing}rem`;
    if (keys.includes("id") && pendingFragment === p.id) {
      // Scroll once the element is in the page and laid out.
      requestAnimationFrame(() => scrollToFragment("instant"));
    }
  },
};

// --- Slideshow ------------------------------------------------------------

const SLIDE_SECONDS = 0.8; // the slide from one child to the next
const BAR_FADE_SECONDS = 0.2;

const cube = (t) => t * t * t;
const easeOut = (t) => 1 - cube(1 - t);
const easeInOut = (t) => (t < 0.5 ? cube(2 * t) / 2 : easeOut(2 * t - 1) / 2 + 0.5);

// Show slide `index` alone (the others wait off to the right).
function placeSlides(c) {
  c.slides.forEach((slide, i) => {
    slide.style.transform = i === c.index ? "" : "translateX(100%)";
    slide.style.visibility = i === c.index ? "" : "hidden";
    slide.inert = i !== c.index;
  });
}

function slideshowFrame(c, now) {
  if (!c.el.isConnected) {
    // Not attached yet: wait. Attached once and now gone: stop.
    if (c.wasConnected) { c.running = false; return; }
  } else {
    c.wasConnected = true;
  }
  const dt = Math.min((now - (c.lastFrame ?? now)) / 1000, 0.25);
  c.lastFrame = now;
  const count = c.slides.length;
  const bar = c.bar;
  if (count <= 1) {
    bar.style.opacity = "0";
  } else if (c.switching !== null) {
    const s = c.switching;
    s.t = Math.min(s.t + dt / SLIDE_SECONDS, 1);
    const e = easeInOut(s.t);
    s.from.style.transform = `translateX(${-100 * e}%)`;
    s.to.style.transform = `translateX(${100 * (1 - e)}%)`;
    c.barOpacity = Math.max(c.barOpacity - dt / BAR_FADE_SECONDS, 0);
    bar.style.opacity = String(easeOut(c.barOpacity));
    if (s.t === 1) {
      c.switching = null;
      c.progress = 0;
      placeSlides(c);
    }
  } else if (c.props.pause_on_hover && c.hovered) {
    // Paused: the bar fades, and the wait starts over afterwards.
    c.barOpacity = Math.max(c.barOpacity - dt / BAR_FADE_SECONDS, 0);
    bar.style.opacity = String(easeOut(c.barOpacity));
    if (c.barOpacity === 0) c.progress = 0;
  } else {
    c.progress = Math.min(c.progress + dt / Math.max(c.props.linger_time, 0.01), 1);
    bar.style.width = `${c.progress * 100}%`;
    c.barOpacity = Math.min(c.barOpacity + dt / BAR_FADE_SECONDS, 1);
    bar.style.opacity = String(cube(c.barOpacity));
    if (c.progress === 1) {
      const from = c.slides[c.index];
      c.index = (c.index + 1) % count;
      const to = c.slides[c.index];
      c.switching = { from, to, t: 0 };
      for (const slide of [from, to]) { slide.style.visibility = ""; slide.inert = false; }
      to.style.transform = "translateX(100%)";
    }
  }
  requestAnimationFrame((t) => slideshowFrame(c, t));
}

const Slideshow = {
  defaults: { children: [], linger_time: 10, pause_on_hover: true, corner_radius: null },
  create(c) {
    const el = div("rio-slideshow");
    c.bar = div("rio-slideshow-bar");
    el.append(c.bar);
    c.wrappers = new Map(); // child id -> its slide
    c.slides = [];
    c.index = 0;
    c.progress = 0;
    c.barOpacity = 1;
    c.switching = null;
    c.hovered = false;
    el.addEventListener("pointerenter", () => { c.hovered = true; });
    el.addEventListener("pointerleave", () => { c.hovered = false; });
    return el;
  },
  update(c, keys, ctx) {
    const p = c.props;
    if (keys.includes("children")) {
      const current = c.slides[c.index];
      const wrappers = new Map();
      c.slides = p.children.map((id) => {
        const slide = c.wrappers.get(id) ?? div("rio-single rio-slide");
        ctx.syncChildren(slide, [id]);
        wrappers.set(id, slide);
        return slide;
      });
      c.wrappers = wrappers;
      const order = [...c.slides, c.bar];
      if (order.some((slide, i) => c.el.children[i] !== slide) || c.el.children.length !== order.length) {
        c.el.replaceChildren(...order);
      }
      // Keep showing the same child if it is still there.
      const kept = c.slides.indexOf(current);
      c.index = kept >= 0 ? kept : Math.min(c.index, Math.max(c.slides.length - 1, 0));
      c.switching = null;
      placeSlides(c);
    }
    const r = p.corner_radius;
    c.el.style.borderRadius = r === null ? "" : r.map((v) => `${v}rem`).join(" ");
    if (!c.running) {
      c.running = true;
      c.wasConnected = false;
      c.lastFrame = null;
      requestAnimationFrame((t) => slideshowFrame(c, t));
    }
  },
};

export const renderers = { Drawer, ScrollTarget, Slideshow };
