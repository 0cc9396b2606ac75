// Content components: Markdown, Icon, Image, Link, CodeBlock, ProgressBar,
// ProgressCircle, Table, ListView, SimpleListItem.
// Each entry follows the renderer contract described in components.js.
// Nothing here parses HTML: elements are made with createElement and text
// is set with textContent, so text from the app is never markup.
import { withIcons } from "./icon_set.js";
import { cssColor } from "./components_layout.js";

const SVG = "http://www.w3.org/2000/svg";

function div(className) {
  const el = document.createElement("div");
  el.className = className;
  return el;
}

function baseUrl() {
  const config = document.getElementById("rio-config");
  return config ? JSON.parse(config.textContent).base : "/";
}

// --- syntax highlighting: a small tokenizer per language ------------------

const KEYWORDS = {
  python: "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda match case nonlocal not or pass raise return try while with yield",
  javascript: "async await break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while with yield interface type enum implements",
  json: "true false null",
};
const BUILTINS = {
  python: "print len range str int float list dict set tuple bool type isinstance super self open enumerate zip map filter sorted min max sum any all",
  javascript: "console document window Math JSON Object Array String Number Promise Map Set",
  json: "",
};
const ALIASES = { py: "python", js: "javascript", ts: "javascript", typescript: "javascript", jsx: "javascript", tsx: "javascript" };

// [class, regex] in priority order; every regex is sticky (y).
function rulesFor(language) {
  const comment = language === "python" ? /#[^\n]*/y : /\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$)/y;
  const string = language === "python"
    ? /[rbfuRBFU]{0,2}("""[\s\S]*?("""|$)|'''[\s\S]*?('''|$)|"(\\.|[^"\\\n])*"?|'(\\.|[^'\\\n])*'?)/y
    : /`(\\.|[^`\\])*`?|"(\\.|[^"\\\n])*"?|'(\\.|[^'\\\n])*'?/y;
  const rules = [
    ["string", string],
    ["number", /\b(0x[\da-fA-F_]+|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?)\b/y],
    ["word", /[A-Za-z_$][\w$]*/y],
    ["punct", /[{}()[\];,.:=+\-*/%<>!&|^~?@]+/y],
  ];
  if (language !== "json") rules.unshift(["comment", comment]);
  return rules;
}

export function tokenize(code, language) {
  language = ALIASES[language] ?? language;
  if (!KEYWORDS[language]) return [["plain", code]];
  const keywords = new Set(KEYWORDS[language].split(" "));
  const builtins = new Set(BUILTINS[language].split(" "));
  const rules = rulesFor(language);
  const tokens = [];
  let plain = "";
  let i = 0;
  let lastWord = "";
  while (i < code.length) {
    let matched = false;
    for (const [kind, regex] of rules) {
      regex.lastIndex = i;
      const m = regex.exec(code);
      if (!m || m[0].length === 0) continue;
      let cls = kind;
      if (kind === "word") {
        if (keywords.has(m[0])) cls = "keyword";
        else if (builtins.has(m[0])) cls = "builtin";
        else if (lastWord === "def" || lastWord === "class" || lastWord === "function") cls = "name";
        else cls = "plain";
        lastWord = m[0];
      }
      if (plain && cls !== "plain") { tokens.push(["plain", plain]); plain = ""; }
      if (cls === "plain") plain += m[0];
      else tokens.push([cls, m[0]]);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) { plain += code[i]; i += 1; }
  }
  if (plain) tokens.push(["plain", plain]);
  return tokens;
}

function highlightInto(codeEl, code, language) {
  codeEl.replaceChildren();
  for (const [kind, text] of tokenize(code, language)) {
    if (kind === "plain") {
      codeEl.append(text);
    } else {
      const span = document.createElement("span");
      span.className = `rio-tok-${kind}`;
      span.textContent = text;
      codeEl.append(span);
    }
  }
}

function copyText(text) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
  return Promise.resolve();
}

// --- Markdown: the tree from _markdown.py, element by element -------------

const MARKDOWN_TAGS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
  "pre", "code", "em", "strong", "del", "a", "hr", "br",
]);

function safeHref(href) {
  const cleaned = String(href).replace(/[\u0000-\u001f\u007f\s]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme && !["http", "https", "mailto"].includes(scheme[1].toLowerCase())) return null;
  return cleaned;
}

function buildMarkdown(node, defaultLanguage) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attrs, ...children] = node;
  if (!MARKDOWN_TAGS.has(tag)) return document.createTextNode("");
  const el = document.createElement(tag);
  if (tag === "a") {
    const href = safeHref(attrs.href ?? "");
    if (href !== null) el.href = href;
    el.rel = "noopener noreferrer";
    if (/^(https?:|mailto:)/i.test(href ?? "")) el.target = "_blank";
  }
  if (tag === "ol" && Number.isInteger(attrs.start)) el.start = attrs.start;
  if (tag === "pre") {
    const code = document.createElement("code");
    const text = typeof children[0]?.[2] === "string" ? children[0][2] : "";
    highlightInto(code, text, attrs.language || defaultLanguage || "");
    el.className = "rio-code";
    el.append(code);
    return el;
  }
  for (const child of children) el.append(buildMarkdown(child, defaultLanguage));
  return el;
}

/** A text link's icon: one text-height high, before the text. */
function linkIcon(name) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.style.cssText = "width: 1.2em; height: 1.2em; vertical-align: -0.25em; margin-right: 0.3em; fill: currentColor";
  const key = String(name).replace(/^material\//, "").split(":")[0];
  // The icon set is our own static data (webui/icons.js), not app input.
  withIcons((icons) => { svg.innerHTML = icons[key] ?? ""; });
  return svg;
}

const CODE_OVERFLOW = { never: "visible", auto: "auto", always: "scroll" };

/** scroll_code_x / _y: "never" makes the block as large as its code. */
function codeScroll(pre, p) {
  pre.style.overflowX = CODE_OVERFLOW[p.scroll_code_x] ?? "visible";
  pre.style.overflowY = CODE_OVERFLOW[p.scroll_code_y] ?? "visible";
  pre.style.minWidth = p.scroll_code_x === "never" ? "max-content" : "";
}

// --- Table ---------------------------------------------------------------------

function cellText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    return Number.isInteger(value)
      ? String(value)
      : value.toLocaleString(undefined, { maximumFractionDigits: 6, useGrouping: false });
  }
  return String(value);
}

export const contentRenderers = {
  Markdown: {
    defaults: {
      text: "", default_language: null, selectable: true, justify: "left",
      wrap: true, overflow: "wrap", scroll_code_x: "never", scroll_code_y: "never",
    },
    create: () => div("rio-markdown"),
    update(c) {
      const p = c.props;
      const tree = Array.isArray(p.text) ? p.text : [];
      c.el.replaceChildren(...tree.map((node) => buildMarkdown(node, p.default_language)));
      c.el.style.textAlign = p.justify;
      // Rio's older `wrap` wins when it is not the default.
      const wrap = { false: "nowrap", ellipsize: "ellipsize" }[String(p.wrap)];
      c.el.dataset.overflow = wrap ?? p.overflow;
      c.el.style.userSelect = p.selectable ? "" : "none";
      for (const pre of c.el.querySelectorAll("pre")) codeScroll(pre, p);
    },
  },

  Icon: {
    defaults: { fill: "keep", min_width: 1.3, min_height: 1.3 },
    create(c) {
      const el = div("rio-icon");
      // Rio's default size; a layout update replaces it.
      el.style.minWidth = el.style.minHeight = "1.3rem";
      c.builtin = document.createElementNS(SVG, "svg");
      c.builtin.setAttribute("viewBox", "0 0 24 24");
      c.builtin.setAttribute("aria-hidden", "true");
      el.append(c.builtin);
      return el;
    },
    update(c) {
      const p = c.props;
      let svg = c.builtin;
      if (p.icon !== null && typeof p.icon === "object") {
        // An icon the app registered (checked on the server: no scripts).
        const doc = new DOMParser().parseFromString(p.icon.svg, "image/svg+xml");
        svg = document.importNode(doc.documentElement, true);
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("aria-hidden", "true");
        c.el.dataset.icon = p.icon.name;
      } else {
        const name = String(p.icon).replace(/^material\//, "");
        // The icon set is our own static data (webui/icons.js), not app input.
        withIcons((icons) => {
          if (c.props.icon === p.icon) svg.innerHTML = icons[name] ?? "";
        });
        c.el.dataset.icon = p.icon;
      }
      if (c.el.firstChild !== svg) c.el.replaceChildren(svg);
      svg.style.fill = cssColor(p.fill) ?? "currentColor";
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

  CodeBlock: {
    defaults: {
      code: "", language: null, show_controls: true, scroll_code_x: "never",
      scroll_code_y: "never",
    },
    create(c) {
      const el = div("rio-codeblock");
      const pre = document.createElement("pre");
      pre.className = "rio-code";
      c.code = document.createElement("code");
      pre.append(c.code);
      c.copy = document.createElement("button");
      c.copy.type = "button";
      c.copy.className = "rio-code-copy";
      c.copy.textContent = "Copy";
      c.copy.addEventListener("click", () => {
        copyText(c.props.code).then(() => { c.copy.textContent = "Copied"; });
        setTimeout(() => { c.copy.textContent = "Copy"; }, 1500);
      });
      el.append(pre, c.copy);
      return el;
    },
    update(c) {
      const p = c.props;
      highlightInto(c.code, p.code, p.language ?? "");
      c.copy.hidden = !p.show_controls;
      codeScroll(c.el.firstChild, p);
      // "never": the block asks its parent for the code's whole width.
      c.el.classList.toggle("rio-code-wide", p.scroll_code_x === "never");
      c.el.dataset.language = p.language ?? "";
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
      c.el.style.setProperty("--rio-progress-color", cssColor(p.color) ?? "var(--rio-primary)");
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
      c.el.style.setProperty("--rio-progress-color", cssColor(p.color) ?? "var(--rio-primary)");
    },
  },

  Table: {
    defaults: { show_row_numbers: true, scroll_x: "never", scroll_y: "never", on_press: null },
    create(c, ctx) {
      const el = div("rio-table-wrap");
      el.addEventListener("click", (event) => {
        if (!c.props.on_press) return;
        const cell = event.target.closest("[data-column]");
        if (!cell || !el.contains(cell)) return;
        const row = cell.dataset.row === "header" ? "header" : Number(cell.dataset.row);
        ctx.sendEvent(c.id, "press", { row, column: Number(cell.dataset.column) });
      });
      return el;
    },
    update(c) {
      const p = c.props;
      const overflow = { never: "visible", auto: "auto", always: "scroll" };
      c.el.style.overflowX = overflow[p.scroll_x] ?? "visible";
      c.el.style.overflowY = overflow[p.scroll_y] ?? "visible";
      // "never": the table asks its parent for all the room it needs.
      c.el.classList.toggle("rio-table-wide", p.scroll_x === "never");
      c.el.classList.toggle("rio-table-tall", p.scroll_y === "never");
      c.el.classList.toggle("rio-pressable", !!p.on_press);
      const { columns, rows } = p.data ?? { columns: [], rows: [] };
      const table = document.createElement("table");
      table.className = "rio-table";
      if (columns) {
        const head = table.createTHead().insertRow();
        if (p.show_row_numbers) head.append(document.createElement("th"));
        columns.forEach((name, column) => {
          const th = document.createElement("th");
          th.textContent = name;
          th.dataset.row = "header";
          th.dataset.column = String(column);
          head.append(th);
        });
      }
      const body = table.createTBody();
      rows.forEach((row, index) => {
        const tr = body.insertRow();
        if (p.show_row_numbers) {
          const th = document.createElement("th");
          th.textContent = String(index + 1);
          th.className = "rio-row-number";
          tr.append(th);
        }
        row.forEach((value, column) => {
          const td = tr.insertCell();
          td.textContent = cellText(value);
          td.dataset.row = String(index);
          td.dataset.column = String(column);
          if (typeof value === "number") td.className = "rio-number";
        });
      });
      c.el.replaceChildren(table);
    },
  },

  ListView: {
    defaults: { children: [] },
    create: () => div("rio-listview"),
    update(c, keys, ctx) {
      if (keys.includes("children")) ctx.syncChildren(c.el, c.props.children);
    },
  },

  SimpleListItem: {
    defaults: {
      text: "", secondary_text: "", left_child: null, right_child: null, on_press: null,
    },
    create(c, ctx) {
      const el = div("rio-listitem");
      c.left = div("rio-listitem-side rio-single");
      c.texts = div("rio-listitem-texts");
      c.main = div("rio-text");
      c.secondary = div("rio-text rio-style-dim");
      c.texts.append(c.main, c.secondary);
      c.right = div("rio-listitem-side rio-single");
      el.append(c.left, c.texts, c.right);
      el.addEventListener("click", () => {
        if (c.props.on_press) ctx.sendEvent(c.id, "press", null);
      });
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      c.main.textContent = p.text;
      c.secondary.textContent = p.secondary_text;
      c.secondary.hidden = !p.secondary_text;
      c.el.classList.toggle("rio-pressable", !!p.on_press);
      ctx.syncChildren(c.left, p.left_child === null ? [] : [p.left_child]);
      ctx.syncChildren(c.right, p.right_child === null ? [] : [p.right_child]);
    },
  },
};
