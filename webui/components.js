// Renderers for the built-in components, one entry per page type.
//
// A renderer is { defaults, create(c, ctx), update(c, keys, ctx) }:
//   c    = { id, type, props, el } (props already hold the new values),
//   keys = the names of the props that changed (all of them on creation),
//   ctx  = { element(id), sendEvent(id, name, payload), syncChildren(el, ids) }.
// create() returns the component's element; update() applies the changes.
// Layout fields (margins, align...) are applied by app.js for every type.

function colorVar(color) {
  if (!color || color === "keep") return null;
  if (typeof color === "string" && /^[a-z_]+$/.test(color)) return `var(--rio-${color})`;
  return color;
}

import { layoutRenderers, ripple } from "./components_layout.js";
import { contentRenderers } from "./components_content.js";
import { inputRenderers } from "./components_input.js";
import { dialogRenderers, blockBehindModal } from "./dialogs.js";
import { applyTextLook } from "./text_style.js";

export const renderers = {
  AppRoot: {
    defaults: { content: null, dialogs: [] },
    create(c) {
      const el = document.createElement("div");
      el.className = "rio-single rio-approot";
      c.dialogLayer = document.createElement("div");
      c.dialogLayer.className = "rio-dialogs";
      return el;
    },
    update(c, keys, ctx) {
      const children = c.props.content === null ? [] : [c.props.content];
      ctx.syncChildren(c.el, children);
      ctx.syncChildren(c.dialogLayer, c.props.dialogs ?? []);
      if (!c.dialogLayer.isConnected) document.body.appendChild(c.dialogLayer);
      blockBehindModal(c.el, c.dialogLayer);
    },
  },

  HighLevel: {
    defaults: { child: null },
    create() {
      const el = document.createElement("div");
      el.className = "rio-highlevel";
      return el;
    },
    update(c, keys, ctx) {
      if (keys.includes("child")) {
        ctx.syncChildren(c.el, c.props.child === null ? [] : [c.props.child]);
      }
    },
  },

  Text: {
    defaults: {
      text: "", selectable: true, style: "text", justify: "left",
      overflow: "nowrap", wrap: null, font: null, fill: null, font_size: null,
      italic: null, font_weight: null, underlined: null, strikethrough: null,
      all_caps: null,
    },
    create() {
      const el = document.createElement("div");
      el.className = "rio-text";
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const el = c.el;
      if (keys.includes("text")) el.textContent = p.text;
      if (keys.length === 1 && keys[0] === "text") return;
      const overflow = p.wrap ?? p.overflow;
      el.className = "rio-text";
      if (overflow === "wrap") el.classList.add("rio-wrap");
      if (overflow === "ellipsize") el.classList.add("rio-ellipsize");
      if (!p.selectable) el.classList.add("rio-unselectable");
      if (typeof p.style === "string") el.classList.add(`rio-style-${p.style}`);
      applyTextLook(el, p);
      el.style.textAlign = p.justify;
    },
  },

  // Button lives in components_input.js, the other inputs in
  // components_inputs_more.js (lazy).

  Column: linear("rio-column"),
  Row: linear("rio-row"),

  Card: {
    defaults: {
      content: null, corner_radius: null, color: "neutral",
      elevate_on_hover: null, colorize_on_hover: null, on_press: null, ripple: null,
    },
    create(c, ctx) {
      const el = document.createElement("div");
      el.addEventListener("pointerdown", (event) => {
        if (c.props.ripple ?? !!c.props.on_press) ripple(el, event);
      });
      el.addEventListener("click", (event) => {
        if (!c.props.on_press) return;
        event.stopPropagation();
        ctx.sendEvent(c.id, "press", null);
      });
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const el = c.el;
      el.className = "rio-card rio-single";
      el.classList.toggle("rio-pressable", !!p.on_press);
      el.classList.toggle("rio-elevate", !!(p.elevate_on_hover ?? p.on_press));
      el.classList.toggle("rio-colorize", !!(p.colorize_on_hover ?? p.on_press));
      el.style.borderRadius = p.corner_radius === null ? "" : `${p.corner_radius}rem`;
      const color = colorVar(p.color);
      if (color) el.style.setProperty("--rio-card-color", color);
      else el.style.removeProperty("--rio-card-color");
      // Text on the card takes the palette's foreground colour.
      el.classList.add("rio-context");
      const named = typeof p.color === "string" && /^[a-z_]+$/.test(p.color) && p.color !== "keep";
      if (named) el.style.setProperty("--rio-text", `var(--rio-${p.color}-fg)`);
      else el.style.removeProperty("--rio-text");
      if (keys.includes("content")) {
        ctx.syncChildren(el, p.content === null ? [] : [p.content]);
      }
    },
  },

  ErrorPlaceholder: {
    defaults: { summary: "", details: "" },
    create() {
      const el = document.createElement("div");
      el.className = "rio-error";
      return el;
    },
    update(c) {
      const summary = document.createElement("div");
      summary.textContent = c.props.summary;
      const details = document.createElement("pre");
      details.textContent = c.props.details;
      c.el.replaceChildren(summary, details);
    },
  },
};

function linear(className) {
  return {
    defaults: { children: [], spacing: 0, proportions: null },
    create() {
      const el = document.createElement("div");
      el.className = className;
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const el = c.el;
      if (keys.includes("spacing")) el.style.gap = p.spacing ? `${p.spacing}rem` : "";
      if (keys.includes("children")) ctx.syncChildren(el, p.children);
      if (keys.includes("children") || keys.includes("proportions")) {
        el.classList.toggle("rio-homogeneous", p.proportions === "homogeneous");
        const weights = Array.isArray(p.proportions) ? p.proportions : null;
        for (let i = 0; i < el.children.length; i++) {
          el.children[i].style.flex = weights ? `${weights[i] ?? 0} 1 0` : "";
        }
      }
    },
  };
}

// The rest of the library lives in one module per family.
Object.assign(renderers, layoutRenderers, contentRenderers, inputRenderers);
Object.assign(renderers, dialogRenderers);

// Families the first page rarely needs load when a delta first has one of
// their types (app.js holds the delta back until then). Module -> types.
const LAZY_FAMILIES = {
  "./components_text.js": ["Markdown", "CodeBlock", "Table"],
  "./components_banner_lists.js": ["GroupedList", "ListRow", "CustomListItem", "HeadingListItem", "SeparatorListItem"],
  "./components_pickers.js": ["Calendar", "ColorPicker"],
  "./components_panels.js": ["Drawer", "ScrollTarget", "Slideshow"],
  "./components_tree.js": ["TreeView", "TreeItem", "TreeRow"],
  "./components_plot.js": ["Plot"],
  "./components_media.js": ["MediaPlayer", "Webview", "PdfViewer"],
  "./components_files.js": ["FilePickerArea"],
  "./components_pointer.js": ["PointerEventListener"],
  "./components_layout_more.js": ["Revealer", "Popup", "Tooltip"],
  "./components_inputs_more.js": [
    "TextInput", "MultiLineTextInput", "NumberInput", "Checkbox", "Switch", "Slider",
    "DateInput", "SwitcherBar", "KeyEventListener", "Dropdown",
  ],
};

/** Component type -> the module that exports its renderer as `renderers`. */
export const lazyRendererModules = Object.fromEntries(
  Object.entries(LAZY_FAMILIES).flatMap(([module, types]) => types.map((t) => [t, module])),
);
