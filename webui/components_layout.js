// Layout components: Grid, Stack, Overlay, FlowContainer, ScrollContainer,
// Spacer, Separator, Rectangle, Container, Revealer, Switcher, Popup,
// Tooltip, ThemeContextSwitcher.
// Each entry follows the renderer contract described in components.js.

import { fillCss } from "./fills.js";

// A colour field as CSS: a colour set name becomes the theme's variable,
// "keep" and null mean "not set", anything else is already CSS.
export function cssColor(color, part = "") {
  if (color === null || color === undefined || color === "keep") return null;
  if (/^[a-z_]+$/.test(color)) return `var(--rio-${color}${part})`;
  return color;
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
}

function div(className) {
  const el = document.createElement("div");
  el.className = className;
  return el;
}

function rem(value) {
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
    el.style.gridRow = `${row + 1} / span ${height}`;
    el.style.gridColumn = `${column + 1} / span ${width}`;
  });
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
    parts.push(`${rem(p.shadow_offset_x)} ${rem(p.shadow_offset_y)} ${rem(radius)} ${color}`);
  }
  return parts.length ? parts.join(", ") : "none";
}

// Where the floating part of a Popup / Tooltip goes, around its host.
function placeFloating(float, direction, alignment, gap) {
  const s = float.style;
  for (const side of ["top", "bottom", "left", "right"]) s[side] = "";
  const along = `${alignment * 100}%`;
  const back = `${-alignment * 100}%`;
  const away = `calc(100% + ${rem(gap)})`;
  switch (direction) {
    case "top":
      s.bottom = away; s.left = along; s.translate = `${back} 0`; break;
    case "left":
      s.right = away; s.top = along; s.translate = `0 ${back}`; break;
    case "right":
      s.left = away; s.top = along; s.translate = `0 ${back}`; break;
    case "bottom":
      s.top = away; s.left = along; s.translate = `${back} 0`; break;
    default:
      s.left = "50%"; s.top = "50%"; s.translate = "-50% -50%";
  }
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
    defaults: { children: [], row_spacing: 0, column_spacing: 0, justify: "left" },
    create: () => div("rio-flow"),
    update(c, keys, ctx) {
      const p = c.props;
      c.el.style.rowGap = rem(p.row_spacing);
      c.el.style.columnGap = rem(p.column_spacing);
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
      initial_y: 0, sticky_bottom: false,
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
      hover_shadow_radius: null, hover_shadow_color: null, transition_time: 1.0,
      cursor: "default",
    },
    create: () => div("rio-single rio-rectangle"),
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

  Revealer: {
    defaults: {
      header: null, content: null, header_style: "heading3", is_open: false,
      on_change: null,
    },
    create(c, ctx) {
      const el = div("rio-revealer");
      c.header = document.createElement("button");
      c.header.type = "button";
      c.header.className = "rio-revealer-header";
      c.label = div("rio-text");
      c.arrow = div("rio-revealer-arrow");
      c.header.append(c.label, c.arrow);
      c.body = div("rio-revealer-body");
      c.inner = div("rio-single rio-revealer-inner");
      c.body.append(c.inner);
      el.append(c.header, c.body);
      c.header.addEventListener("click", () => {
        c.props.is_open = !c.props.is_open;
        el.classList.toggle("rio-open", c.props.is_open);
        c.header.setAttribute("aria-expanded", String(c.props.is_open));
        ctx.sendEvent(c.id, "change", c.props.is_open);
      });
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      c.header.hidden = p.header === null;
      c.label.textContent = p.header ?? "";
      c.label.className = `rio-text rio-style-${p.header_style}`;
      c.el.classList.toggle("rio-open", !!p.is_open);
      c.header.setAttribute("aria-expanded", String(!!p.is_open));
      if (keys.includes("content")) {
        ctx.syncChildren(c.inner, p.content === null ? [] : [p.content]);
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

  Popup: {
    defaults: {
      anchor: null, content: null, is_open: false, direction: "center",
      alignment: 0.5, gap: 0.8, color: "neutral", corner_radius: null,
    },
    create(c) {
      const el = div("rio-popup-host rio-single");
      c.slot = div("rio-single");
      c.float = div("rio-single rio-popup");
      el.append(c.slot, c.float);
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      if (keys.includes("anchor")) ctx.syncChildren(c.slot, p.anchor === null ? [] : [p.anchor]);
      if (keys.includes("content")) ctx.syncChildren(c.float, p.content === null ? [] : [p.content]);
      c.float.hidden = !p.is_open;
      placeFloating(c.float, p.direction, p.alignment, p.gap);
      c.float.style.background = cssColor(p.color) ?? "var(--rio-neutral)";
      c.float.style.borderRadius = p.corner_radius === null ? "" : rem(p.corner_radius);
      setContextColor(c.float, p.color);
    },
  },

  Tooltip: {
    defaults: { anchor: null, tip: "", position: "auto", gap: 0.5 },
    create(c) {
      const el = div("rio-tooltip-host rio-single");
      c.slot = div("rio-single");
      c.float = div("rio-single rio-tooltip rio-context");
      c.float.setAttribute("role", "tooltip");
      el.append(c.slot, c.float);
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      if (keys.includes("anchor")) ctx.syncChildren(c.slot, p.anchor === null ? [] : [p.anchor]);
      if (keys.includes("tip")) {
        if (typeof p.tip === "number") {
          ctx.syncChildren(c.float, [p.tip]);
        } else {
          const text = div("rio-text");
          text.textContent = p.tip;
          c.float.replaceChildren(text);
        }
      }
      const direction = p.position === "auto" ? "top" : p.position;
      placeFloating(c.float, direction, 0.5, p.gap);
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
