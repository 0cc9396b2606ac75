// Button and IconButton, needed by most first pages. The other inputs
// (TextInput, Checkbox, Slider, Dropdown, ...) load on first use from
// components_inputs_more.js. Each entry follows the renderer contract
// described in components.js.

import { iconName, withIcon } from "./icon_set.js";

function colorVar(color, suffix = "") {
  if (!color || color === "keep") return null;
  if (typeof color === "string" && /^[a-z_]+$/.test(color)) return `var(--rio-${color}${suffix})`;
  return suffix ? null : color;
}

/** Set --rio-<prefix>-color / -fg on `el` from a ColorSet name or CSS colour. */
function setColor(el, color, prefix = "input") {
  const background = colorVar(color);
  if (background) {
    el.style.setProperty(`--rio-${prefix}-color`, background);
    el.style.setProperty(`--rio-${prefix}-fg`, colorVar(color, "-fg") ?? "#fff");
  } else {
    el.style.removeProperty(`--rio-${prefix}-color`);
    el.style.removeProperty(`--rio-${prefix}-fg`);
  }
}

function iconElement(value) {
  const icon = document.createElement("span");
  icon.className = "rio-input-icon";
  icon.dataset.icon = iconName(value);
  withIcon(value, (svg) => icon.replaceChildren(svg));
  return icon;
}

export const inputRenderers = {
  Button: {
    defaults: {
      content: "", icon: null, shape: "pill", style: "major", color: "keep",
      is_sensitive: true, is_loading: false, on_press: null, accessibility_label: null,
    },
    create(c, ctx) {
      const el = document.createElement("button");
      el.type = "button";
      el.addEventListener("click", () => {
        if (c.props.is_loading || !c.props.is_sensitive) return;
        ctx.sendEvent(c.id, "press", null);
      });
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const el = c.el;
      el.className = `rio-button rio-${p.style} rio-shape-${p.shape}`;
      el.classList.toggle("rio-loading", !!p.is_loading);
      el.disabled = !p.is_sensitive;
      el.setAttribute("aria-busy", p.is_loading ? "true" : "false");
      // Keep the accessible name while the label is hidden behind the spinner.
      if (p.accessibility_label) el.setAttribute("aria-label", p.accessibility_label);
      else if (typeof p.content === "string" && p.content) el.setAttribute("aria-label", p.content);
      else el.removeAttribute("aria-label");
      setColor(el, p.color, "button");
      if (keys.includes("content") || keys.includes("icon") || keys.includes("is_loading")) {
        const parts = [];
        if (p.icon) parts.push(iconElement(p.icon));
        if (typeof p.content === "number") {
          const child = ctx.element(p.content);
          if (child) parts.push(child);
        } else if (p.content !== "") {
          const label = document.createElement("span");
          label.className = "rio-button-label";
          label.textContent = p.content;
          parts.push(label);
        }
        if (p.is_loading) {
          const spinner = document.createElement("span");
          spinner.className = "rio-spinner";
          spinner.setAttribute("role", "progressbar");
          parts.push(spinner);
        }
        el.replaceChildren(...parts);
      }
    },
  },

  IconButton: {
    defaults: {
      style: "major", color: "keep", is_sensitive: true, min_size: 3.7, on_press: null,
      accessibility_label: null,
    },
    create(c, ctx) {
      const el = document.createElement("button");
      el.type = "button";
      el.addEventListener("click", () => {
        if (c.props.is_sensitive) ctx.sendEvent(c.id, "press", null);
      });
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const el = c.el;
      el.className = `rio-button rio-icon-button rio-${p.style} rio-shape-circle`;
      el.disabled = !p.is_sensitive;
      el.style.width = el.style.height = `${p.min_size}rem`;
      const label = p.accessibility_label || String(iconName(p.icon)).replace(/^material\//, "").replace(/_/g, " ");
      el.setAttribute("aria-label", label);
      setColor(el, p.color, "button");
      if (keys.includes("icon")) el.replaceChildren(iconElement(p.icon));
    },
  },
};

export { iconElement, setColor };
