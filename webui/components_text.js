// Text-heavy components, loaded when a page first shows one (see
// lazyRendererModules in components.js): Markdown, CodeBlock, Table, and the
// small syntax highlighter they share. Renderer contract: components.js.
// Nothing here parses HTML: elements are made with createElement and text
// is set with textContent, so text from the app is never markup.
import { div, safeHref } from "./components_content.js";

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

/** `table[rows, columns].style(...)`: each rectangle in order, later ones win. */
function styleCells(table, styling) {
  const cells = new Map(); // "row column" -> cell; rows are indices or "header"
  for (const cell of table.querySelectorAll("[data-column]")) {
    cells.set(`${cell.dataset.row} ${cell.dataset.column}`, cell);
  }
  for (const s of styling) {
    const look = {
      color: s.font_color, backgroundColor: s.background_color,
      fontStyle: s.italic === undefined ? undefined : s.italic ? "italic" : "normal",
      fontWeight: s.font_weight, textAlign: s.justify,
    };
    for (let r = 0; r < s.height; r++) {
      const row = s.top === "header" ? "header" : s.top + r;
      for (let column = s.left; column < s.left + s.width; column++) {
        const cell = cells.get(`${row} ${column}`);
        if (!cell) continue;
        for (const [name, value] of Object.entries(look)) {
          if (value !== undefined) cell.style[name] = value;
        }
      }
    }
  }
}

export const renderers = {
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

  Table: {
    defaults: {
      show_row_numbers: true, scroll_x: "never", scroll_y: "never", on_press: null,
      _styling: null,
    },
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
      styleCells(table, p._styling ?? []);
      c.el.replaceChildren(table);
    },
  },

};
