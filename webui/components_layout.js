// Layout components: Grid, Stack, Overlay, FlowContainer, ScrollContainer,
// Spacer, Separator, Rectangle, Container, Switcher, ThemeContextSwitcher
// (Revealer, Popup and Tooltip: components_layout_more.js, lazy).
// Each entry follows the renderer contract described in components.js.

import { fillCss } from "./fills.js";
import { sizeGridTracks } from "./layout.js";

// A colour field as CSS: a colour set name becomes the theme's variable,
// "keep" and null mean "not set", anything else is already CSS.
export function cssColor(color, part = "") {
  if (color === null || color === undefined || color === "keep") return null;
  if (/^[a-z_]+$/.test(color)) return `var(--rio-${color}${part})`;
  return color;
}

/** Rio's `ripple`: a circle spreading from the pointer and fading out. */
export function ripple(el, event) {
  const rect = el.getBoundingClientRect();
  const size = 2 * Math.hypot(rect.width, rect.height);
  // A clipping layer over the element, so the element's own overflow stays.
  const layer = document.createElement("span");
  layer.className = "rio-ripple";
  layer.style.cssText = "position: absolute; inset: 0; overflow: hidden;"
    + " border-radius: inherit; pointer-events: none;";
  const dot = document.createElement("span");
  dot.style.cssText = `position: absolute; width: ${size}px; height: ${size}px;`
    + ` left: ${event.clientX - rect.left - size / 2}px; top: ${event.clientY - rect.top - size / 2}px;`
    + " border-radius: 50%; background: currentColor; opacity: 0;";
  layer.append(dot);
  if (getComputedStyle(el).position === "static") el.style.position = "relative";
  el.append(layer);
  const animation = dot.animate(
    [{ transform: "scale(0)", opacity: 0.25 }, { transform: "scale(1)", opacity: 0 }],
    { duration: 600, easing: "ease-out" },
  );
  animation.onfinish = () => layer.remove();
}

function isColorSet(color) {
  return typeof color === "string" && /^[a-z_]+$/.test(color) && color !== "keep";
}

// Text inside a surface of colour set `color` takes that set's foreground.
export function setContextColor(el, color) {
  if (typeof color !== "string") color = null;
  el.classList.toggle("rio-context", isColorSet(color));
  if (isColorSet(color)) el.style.setProperty("--rio-text", `var(--rio-${color}-fg)`);
  else el.style.removeProperty("--rio-text");
  // Buttons inside take the next colour up: primary on secondary and hud.
  const up = color === "secondary" || color === "hud" ? "primary" : null;
  for (const suffix of ["", "-fg"]) {
    if (up) el.style.setProperty(`--rio-bump${suffix}`, `var(--rio-${up}${suffix})`);
    else el.style.removeProperty(`--rio-bump${suffix}`);
  }
}

export function div(className) {
  const el = document.createElement("div");
  el.className = className;
  return el;
}

export function rem(value) {
  return `${value ?? 0}rem`;
}

function single(className) {
  // A container with one child field "content" that fills it.
  return {
    defaults: { content: null },
    create: () => div(`rio-single ${className}`),
    update(c, keys, ctx) {
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, c.props.content === null ? [] : [c.props.content]);
      }
    },
  };
}

// Grid cell placement of one child: [row, column, width, height].
function placeGridChildren(c, ctx) {
  const { children, positions } = c.props;
  children.forEach((id, index) => {
    const el = ctx.element(id);
    const [row, column, width, height] = positions[index] ?? [index, 0, 1, 1];
    if (!el) return;
    el.rioGridCell = [row, column, width, height];
    el.style.gridRow = `${row + 1} / span ${height}`;
    el.style.gridColumn = `${column + 1} / span ${width}`;
  });
  sizeGridTracks(c.el);
}

function boxShadow(p, hover) {
  const pick = (name) => (hover && p[`hover_${name}`] !== null ? p[`hover_${name}`] : p[name]);
  const parts = [];
  const strokeWidth = pick("stroke_width");
  const strokeColor = cssColor(pick("stroke_color"));
  if (strokeWidth && strokeColor) parts.push(`inset 0 0 0 ${rem(strokeWidth)} ${strokeColor}`);
  const radius = pick("shadow_radius");
  if (radius) {
    const color = cssColor(pick("shadow_color")) ?? "var(--rio-shadow)";
    parts.push(`${rem(pick("shadow_offset_x"))} ${rem(pick("shadow_offset_y"))} ${rem(radius)} ${color}`);
  }
  return parts.length ? parts.join(", ") : "none";
}

export const layoutRenderers = {
  Container: single("rio-container"),

  Stack: {
    defaults: { children: [] },
    create: () => div("rio-single rio-stack"),
    update(c, keys, ctx) {
      if (keys.includes("children")) ctx.syncChildren(c.el, c.props.children);
    },
  },

  Grid: {
    defaults: { children: [], positions: [], row_spacing: 0, column_spacing: 0 },
    create: () => div("rio-grid"),
    update(c, keys, ctx) {
      const p = c.props;
      c.el.style.rowGap = rem(p.row_spacing);
      c.el.style.columnGap = rem(p.column_spacing);
      if (keys.includes("children")) ctx.syncChildren(c.el, p.children);
      placeGridChildren(c, ctx);
    },
  },

  FlowContainer: {
    defaults: { children: [], spacing: null, row_spacing: null, column_spacing: null, justify: "left" },
    create: () => div("rio-flow"),
    update(c, keys, ctx) {
      const p = c.props;
      c.el.style.rowGap = rem(p.row_spacing ?? p.spacing ?? 0);
      c.el.style.columnGap = rem(p.column_spacing ?? p.spacing ?? 0);
      c.el.dataset.justify = p.justify;
      if (keys.includes("children")) ctx.syncChildren(c.el, p.children);
    },
  },

  Overlay: {
    defaults: { content: null },
    create: () => div("rio-overlay rio-single"),
    update(c, keys, ctx) {
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, c.props.content === null ? [] : [c.props.content]);
      }
    },
  },

  ScrollContainer: {
    defaults: {
      content: null, scroll_x: "auto", scroll_y: "auto", initial_x: 0,
      initial_y: 0, reserve_space_y: false, sticky_bottom: false,
    },
    create(c) {
      const el = div("rio-scroll rio-single");
      c.placedInitially = false;
      c.atBottom = true;
      el.addEventListener("scroll", () => {
        c.atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      c.observer = new ResizeObserver(() => {
        if (!c.placedInitially && el.isConnected) {
          c.placedInitially = true;
          el.scrollLeft = c.props.initial_x * (el.scrollWidth - el.clientWidth);
          el.scrollTop = c.props.initial_y * (el.scrollHeight - el.clientHeight);
        } else if (c.props.sticky_bottom && c.atBottom) {
          el.scrollTop = el.scrollHeight;
        }
      });
      c.observer.observe(el);
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const overflow = { never: "hidden", auto: "auto", always: "scroll" };
      c.el.style.overflowX = overflow[p.scroll_x] ?? "auto";
      c.el.style.overflowY = overflow[p.scroll_y] ?? "auto";
      // Room for the vertical scroll bar even while it is not needed.
      c.el.style.scrollbarGutter = p.reserve_space_y ? "stable" : "";
      c.el.classList.toggle("rio-scroll-x", p.scroll_x !== "never");
      c.el.classList.toggle("rio-scroll-y", p.scroll_y !== "never");
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, p.content === null ? [] : [p.content]);
        const child = ctx.element(p.content);
        if (child) c.observer.observe(child);
      }
    },
  },

  Spacer: {
    defaults: { grow_x: true, grow_y: true },
    create: () => div("rio-spacer"),
    update() {},
  },

  Separator: {
    defaults: { color: null },
    create: () => div("rio-separator"),
    update(c) {
      const color = cssColor(c.props.color);
      if (color) c.el.style.setProperty("--rio-separator-color", color);
      else c.el.style.removeProperty("--rio-separator-color");
    },
  },

  Rectangle: {
    defaults: {
      content: null, fill: null, stroke_color: null, stroke_width: 0,
      corner_radius: 0, shadow_radius: 0, shadow_offset_x: 0, shadow_offset_y: 0,
      shadow_color: null, hover_fill: null, hover_stroke_color: null,
      hover_stroke_width: null, hover_corner_radius: null,
      hover_shadow_radius: null, hover_shadow_offset_x: null, hover_shadow_offset_y: null,
      hover_shadow_color: null, transition_time: 1.0, ripple: false,
      cursor: "default",
    },
    create(c) {
      const el = div("rio-single rio-rectangle");
      el.addEventListener("pointerdown", (event) => {
        if (c.props.ripple) ripple(el, event);
      });
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const s = c.el.style;
      const fill = fillCss(p.fill);
      const hover = p.hover_fill === null ? fill : fillCss(p.hover_fill);
      s.setProperty("--rio-rect-fill", fill.background ?? "transparent");
      s.setProperty("--rio-rect-hover-fill", hover.background ?? "transparent");
      s.setProperty("--rio-rect-backdrop", fill.backdrop);
      s.setProperty("--rio-rect-hover-backdrop", hover.backdrop);
      s.setProperty("--rio-rect-radius", rem(p.corner_radius));
      s.setProperty("--rio-rect-hover-radius", rem(p.hover_corner_radius ?? p.corner_radius));
      s.setProperty("--rio-rect-shadow", boxShadow(p, false));
      s.setProperty("--rio-rect-hover-shadow", boxShadow(p, true));
      s.setProperty("--rio-rect-transition", `${p.transition_time}s`);
      s.cursor = p.cursor;
      setContextColor(c.el, p.fill);
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, p.content === null ? [] : [p.content]);
      }
    },
  },

  Switcher: {
    defaults: { content: null, transition_time: 0.35 },
    create: () => div("rio-single rio-switcher"),
    update(c, keys, ctx) {
      const p = c.props;
      if (!keys.includes("content")) return;
      const before = c.el.firstElementChild;
      ctx.syncChildren(c.el, p.content === null ? [] : [p.content]);
      const now = c.el.firstElementChild;
      if (now && now !== before && p.transition_time > 0) {
        now.animate([{ opacity: 0 }, { opacity: 1 }], {
          duration: p.transition_time * 1000, easing: "ease-out",
        });
      }
    },
  },

  ThemeContextSwitcher: {
    defaults: { content: null, color: "primary" },
    create: () => div("rio-single rio-theme-context"),
    update(c, keys, ctx) {
      const p = c.props;
      setContextColor(c.el, p.color);
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, p.content === null ? [] : [p.content]);
      }
    },
  },
};
