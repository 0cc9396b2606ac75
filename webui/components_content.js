// Content components: Icon, Image, Link, ProgressBar, ProgressCircle
// (Markdown, CodeBlock, Table: components_text.js; lists:
// components_banner_lists.js).
// Each entry follows the renderer contract described in components.js.
// Nothing here parses HTML: elements are made with createElement and text
// is set with textContent, so text from the app is never markup.
import { iconName, withIcon } from "./icon_set.js";
import { cssColor } from "./components_layout.js";

const SVG = "http://www.w3.org/2000/svg";

export function div(className) {
  const el = document.createElement("div");
  el.className = className;
  return el;
}

function baseUrl() {
  const config = document.getElementById("rio-config");
  return config ? JSON.parse(config.textContent).base : "/";
}

export function safeHref(href) {
  const cleaned = String(href).replace(/[\u0000-\u001f\u007f\s]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme && !["http", "https", "mailto"].includes(scheme[1].toLowerCase())) return null;
  return cleaned;
}

/** A text link's icon: one text-height high, before the text. */
function linkIcon(value) {
  const holder = document.createElement("span");
  holder.style.cssText = "display: inline-block; width: 1.2em; height: 1.2em; vertical-align: -0.25em; margin-right: 0.3em; fill: currentColor";
  withIcon(value, (svg) => {
    svg.style.cssText = "display: block; width: 100%; height: 100%";
    holder.replaceChildren(svg);
  });
  return holder;
}

export const contentRenderers = {
  Icon: {
    defaults: { fill: "keep", min_width: 1.3, min_height: 1.3 },
    create() {
      const el = div("rio-icon");
      // Rio's default size; a layout update replaces it.
      el.style.minWidth = el.style.minHeight = "1.3rem";
      return el;
    },
    update(c) {
      const p = c.props;
      const name = iconName(p.icon);
      if (c.shown !== name || (p.icon && typeof p.icon === "object")) {
        c.shown = name;
        c.el.dataset.icon = name;
        withIcon(p.icon, (svg) => {
          if (iconName(c.props.icon) !== name) return;
          c.svg = svg;
          c.el.replaceChildren(svg);
          svg.style.fill = cssColor(c.props.fill) ?? "currentColor";
        });
      }
      if (c.svg) c.svg.style.fill = cssColor(p.fill) ?? "currentColor";
    },
  },

  Image: {
    defaults: {
      fill_mode: "fit", on_error: null, corner_radius: 0, accessibility_description: "",
      min_width: 2, min_height: 2,
    },
    create(c, ctx) {
      const el = div("rio-image");
      // Rio's default size; a layout update replaces it.
      el.style.minWidth = el.style.minHeight = "2rem";
      c.img = document.createElement("img");
      c.img.addEventListener("error", () => {
        el.classList.add("rio-broken");
        if (c.props.on_error) ctx.sendEvent(c.id, "error", null);
      });
      c.img.addEventListener("load", () => el.classList.remove("rio-broken"));
      el.append(c.img);
      return el;
    },
    update(c) {
      const p = c.props;
      const src = String(p.image);
      c.img.src = src.startsWith("rio-blob:")
        ? `${baseUrl()}rio-desktop/blob/${encodeURIComponent(src.slice(9))}`
        : src;
      c.img.alt = p.accessibility_description;
      c.img.style.objectFit = { fit: "contain", stretch: "fill", zoom: "cover" }[p.fill_mode] ?? "contain";
      c.el.style.borderRadius = `${p.corner_radius}rem`;
    },
  },

  Link: {
    defaults: {
      content: "", target_url: "", open_in_new_tab: false, icon: null,
      accessibility_relationship: null,
    },
    create: () => {
      const el = document.createElement("a");
      el.className = "rio-link rio-single";
      el.rel = "noopener noreferrer";
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      const href = safeHref(p.target_url);
      if (href === null) c.el.removeAttribute("href");
      else c.el.href = href;
      c.el.target = p.open_in_new_tab ? "_blank" : "";
      // The page's relation to the target (rel="next"...), for assistive tech.
      const relation = String(p.accessibility_relationship ?? "").replace(/[^\w -]/g, "");
      c.el.rel = `noopener noreferrer${relation ? ` ${relation}` : ""}`;
      if (keys.includes("content") || keys.includes("icon")) {
        if (typeof p.content === "number") {
          ctx.syncChildren(c.el, [p.content]);
        } else {
          const label = div("rio-text rio-link-text");
          label.textContent = p.content;
          if (p.icon) label.prepend(linkIcon(p.icon));
          c.el.replaceChildren(label);
        }
      }
    },
  },

  ProgressBar: {
    defaults: { progress: null, color: "keep", rounded: true },
    create(c) {
      const el = div("rio-progressbar");
      el.setAttribute("role", "progressbar");
      el.setAttribute("aria-valuemin", "0");
      el.setAttribute("aria-valuemax", "1");
      c.fill = div("rio-progressbar-fill");
      el.append(c.fill);
      return el;
    },
    update(c) {
      const p = c.props;
      const indeterminate = p.progress === null;
      c.el.classList.toggle("rio-indeterminate", indeterminate);
      c.el.classList.toggle("rio-rounded", !!p.rounded);
      const value = Math.min(1, Math.max(0, p.progress ?? 0));
      c.fill.style.width = indeterminate ? "" : `${value * 100}%`;
      if (indeterminate) c.el.removeAttribute("aria-valuenow");
      else c.el.setAttribute("aria-valuenow", String(value));
      c.el.style.setProperty("--rio-progress-color", cssColor(p.color) ?? "var(--rio-bump)");
    },
  },

  ProgressCircle: {
    defaults: { progress: null, color: "keep", min_size: 3.5 },
    create(c) {
      const el = div("rio-progresscircle");
      el.setAttribute("role", "progressbar");
      // Gives the element its size (min_size); the ring is drawn over it.
      c.size = div("rio-progress-size");
      el.append(c.size);
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "0 0 40 40");
      const track = document.createElementNS(SVG, "circle");
      c.arc = document.createElementNS(SVG, "circle");
      for (const circle of [track, c.arc]) {
        circle.setAttribute("cx", "20");
        circle.setAttribute("cy", "20");
        circle.setAttribute("r", "17");
        svg.append(circle);
      }
      track.setAttribute("class", "rio-track");
      c.arc.setAttribute("class", "rio-arc");
      c.arc.setAttribute("pathLength", "100");
      el.append(svg);
      return el;
    },
    update(c) {
      const p = c.props;
      const indeterminate = p.progress === null;
      c.size.style.width = c.size.style.height = `${p.min_size}rem`;
      c.el.classList.toggle("rio-indeterminate", indeterminate);
      const value = Math.min(1, Math.max(0, p.progress ?? 0.25));
      c.arc.style.strokeDasharray = `${value * 100} 100`;
      if (indeterminate) c.el.removeAttribute("aria-valuenow");
      else c.el.setAttribute("aria-valuenow", String(value));
      c.el.style.setProperty("--rio-progress-color", cssColor(p.color) ?? "var(--rio-bump)");
    },
  },
};
