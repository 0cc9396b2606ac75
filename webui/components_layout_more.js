// Revealer, Popup and Tooltip, loaded when a page first shows one (see
// lazyRendererModules in components.js). Each entry follows the renderer
// contract described in components.js.

import { cssColor, div, rem, setContextColor } from "./components_layout.js";

// The rules only these use, added once when the module loads.
const CSS = `
.rio-revealer { display: flex; flex-direction: column; }
.rio-revealer-header {
  display: flex; align-items: center; justify-content: space-between; gap: 1rem;
  font: inherit; color: inherit; background: none; border: 0; padding: 0.4rem 0;
  cursor: pointer; text-align: left;
}
.rio-revealer-arrow { width: 0.6rem; height: 0.6rem; border: solid currentColor;
  border-width: 0 2px 2px 0; rotate: 45deg; transition: rotate 0.2s; margin-right: 0.3rem; }
.rio-revealer.rio-open .rio-revealer-arrow { rotate: 225deg; }
.rio-revealer-body { display: grid; grid-template-rows: 0fr; transition: grid-template-rows 0.25s; }
.rio-revealer.rio-open > .rio-revealer-body { grid-template-rows: 1fr; }
.rio-revealer-inner { overflow: hidden; min-height: 0; }
.rio-revealer:not(.rio-open) .rio-revealer-inner { visibility: hidden; }
.rio-popup-host, .rio-tooltip-host { position: relative; }
.rio-popup {
  position: absolute; z-index: 400; border-radius: var(--rio-radius-medium);
  box-shadow: 0 0.3rem 1rem var(--rio-shadow, rgba(0, 0, 0, 0.25));
}
.rio-popup[hidden] { display: none; }
.rio-tooltip {
  position: absolute; z-index: 450; pointer-events: none; white-space: nowrap;
  background: var(--rio-hud); --rio-text: var(--rio-hud-fg); color: var(--rio-hud-fg);
  padding: 0.3rem 0.6rem; border-radius: var(--rio-radius-small);
  font-size: 0.9rem; opacity: 0; transition: opacity 0.15s; visibility: hidden;
}
.rio-tooltip-host:hover > .rio-tooltip { opacity: 1; visibility: visible; }
/* As when these rules came before style.css's ".rio-dialog *". */
.rio-dialog .rio-tooltip { pointer-events: auto; }
`;
const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

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

/** A Popup's content at `position` (Rio's names, "auto" and "dropdown" too). */
function placePopup(c, position) {
  const s = c.float.style;
  s.position = s.inset = s.minWidth = "";
  if (position === "fullscreen") {
    s.translate = "none";
    s.position = "fixed";
    s.inset = "0";
    return;
  }
  const p = c.props;
  if (position === "auto" || position === "dropdown") {
    if (!c.el.isConnected || c.float.hidden) {
      // Placed for real once shown and laid out.
      if (!c.float.hidden) requestAnimationFrame(() => placePopup(c, position));
      placeFloating(c.float, "bottom", p.alignment, p.gap);
      return;
    }
    const anchor = c.slot.getBoundingClientRect();
    const room = {
      bottom: innerHeight - anchor.bottom, top: anchor.top,
      right: innerWidth - anchor.right, left: anchor.left,
    };
    if (position === "dropdown") {
      s.minWidth = `${anchor.width}px`;
      const below = room.bottom >= c.float.offsetHeight || room.bottom >= room.top;
      placeFloating(c.float, below ? "bottom" : "top", 0, p.gap);
      return;
    }
    const side = Object.keys(room).reduce((a, b) => (room[b] > room[a] ? b : a));
    placeFloating(c.float, side, p.alignment, p.gap);
    return;
  }
  placeFloating(c.float, position, p.alignment, p.gap);
}

export const renderers = {
  Revealer: {
    defaults: {
      header: null, content: null, header_style: "text", is_open: false,
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

  Popup: {
    defaults: {
      anchor: null, content: null, is_open: false, modal: false, user_closable: false,
      color: "hud", corner_radius: null, position: "center", alignment: 0.5, gap: 0.8,
      direction: null,
    },
    create(c, ctx) {
      const el = div("rio-popup-host rio-single");
      c.slot = div("rio-single");
      c.float = div("rio-single rio-popup");
      // modal: a shade over the rest of the app, under the popup.
      c.shade = div("rio-popup-shade");
      c.shade.style.cssText = "position: fixed; inset: 0; z-index: 399;"
        + " background: rgba(0, 0, 0, 0.5);";
      c.shade.hidden = true;
      el.append(c.slot, c.shade, c.float);
      c.close = () => {
        if (!c.props.is_open || !c.props.user_closable) return;
        c.props.is_open = false;
        c.float.hidden = c.shade.hidden = true;
        ctx.sendEvent(c.id, "close", null);
      };
      c.shade.addEventListener("click", c.close);
      // user_closable: a press anywhere outside the popup closes it.
      c.outside = (event) => {
        if (!c.el.isConnected) {
          document.removeEventListener("pointerdown", c.outside, true);
        } else if (!c.float.contains(event.target) && !event.target.closest?.(".rio-popup-shade")) {
          // (A modal popup's shade takes the press: that one closes, not this.)
          c.close();
        }
      };
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      if (keys.includes("anchor")) ctx.syncChildren(c.slot, p.anchor === null ? [] : [p.anchor]);
      if (keys.includes("content")) ctx.syncChildren(c.float, p.content === null ? [] : [p.content]);
      c.float.hidden = !p.is_open;
      c.shade.hidden = !(p.is_open && p.modal);
      const listen = p.is_open && p.user_closable && !p.modal;
      document.removeEventListener("pointerdown", c.outside, true);
      if (listen) document.addEventListener("pointerdown", c.outside, true);
      placePopup(c, p.direction ?? p.position);
      const bare = p.color === "none";
      c.float.style.background = bare ? "transparent" : cssColor(p.color) ?? "var(--rio-neutral)";
      c.float.style.boxShadow = bare ? "none" : "";
      c.float.style.borderRadius = p.corner_radius === null ? "" : rem(p.corner_radius);
      if (!bare) setContextColor(c.float, p.color);
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

};
