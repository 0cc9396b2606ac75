// Text styles, fonts and the theme's variables.
//
// A rio.Font on the wire: { family, css, faces: [{ url, weight?, style? }] }.
// Its files are added to document.fonts once, the first time it is used.

import { blobUrl, textFillProperties, fillCss } from "./fills.js";

const loadedFaces = new Set();

// Make sure the font's faces are loading; returns its CSS font-family.
export function useFont(font) {
  if (!font) return null;
  for (const face of font.faces ?? []) {
    const key = `${font.family}|${face.url}|${face.weight ?? ""}|${face.style ?? ""}`;
    if (loadedFaces.has(key)) continue;
    loadedFaces.add(key);
    const source = `url("${blobUrl(face.url).replace(/["\\]/g, "\\$&")}")`;
    const fontFace = new FontFace(font.family, source, {
      weight: face.weight ?? "normal",
      style: face.style ?? "normal",
    });
    document.fonts.add(fontFace);
    fontFace.load().catch((error) => console.warn("rio-desktop: font", font.family, error));
  }
  return font.css;
}

// The theme's own decorations per style name, for combining with overrides.
const themeDecorations = {};

// A `theme` message: CSS variables, plus "@font-face" (fonts to load) and
// "@fills" (text styles painted with a gradient or image).
export function applyTheme(vars) {
  const root = document.documentElement.style;
  for (const [name, value] of Object.entries(vars)) {
    if (name === "@font-face") {
      for (const font of value) useFont(font);
    } else if (name === "@fills") {
      for (const style of ["heading1", "heading2", "heading3", "text", "dim"]) {
        const fill = value[style];
        if (fill) {
          root.setProperty(`--rio-${style}-background`, fillCss(fill).background);
          root.setProperty(`--rio-${style}-clip`, "text");
          root.setProperty(`--rio-${style}-text-fill`, "transparent");
        }
      }
    } else {
      root.setProperty(name, value);
      const match = /^--rio-(\w+)-decoration$/.exec(name);
      if (match) themeDecorations[match[1]] = value;
    }
  }
}

const TEXT_PROPERTIES = [
  "font-family", "font-size", "font-weight", "font-style", "text-decoration-line",
  "text-transform", "color", "background", "-webkit-background-clip",
  "background-clip", "-webkit-text-fill-color",
];

// A rio.TextStyle (as sent by TextStyle._to_json) as inline CSS properties;
// attributes left null are not set.
export function textStyleProperties(style) {
  const out = {};
  if (!style || typeof style !== "object") return out;
  if (style.font) out["font-family"] = useFont(style.font);
  if (style.font_size !== null && style.font_size !== undefined) {
    out["font-size"] = `${style.font_size}rem`;
  }
  if (style.font_weight !== null && style.font_weight !== undefined) {
    out["font-weight"] = String(style.font_weight);
  }
  if (style.italic !== null && style.italic !== undefined) {
    out["font-style"] = style.italic ? "italic" : "normal";
  }
  if (style.underlined != null || style.strikethrough != null) {
    out["text-decoration-line"] = decorations(style.underlined, style.strikethrough);
  }
  if (style.all_caps !== null && style.all_caps !== undefined) {
    out["text-transform"] = style.all_caps ? "uppercase" : "none";
  }
  Object.assign(out, textFillProperties(style.fill));
  return out;
}

function decorations(underlined, strikethrough) {
  const words = [];
  if (underlined) words.push("underline");
  if (strikethrough) words.push("line-through");
  return words.join(" ") || "none";
}

// Style `el` as a rio.Text: `p.style` (a theme style's name or a TextStyle),
// then the Text's own non-null attributes on top.
export function applyTextLook(el, p) {
  const plain = typeof p.style === "string" && p.font === null && p.fill === null
    && p.font_size === null && p.italic === null && p.font_weight === null
    && p.underlined === null && p.strikethrough === null && p.all_caps === null;
  // Most texts only have a theme style: no inline writes (long lists).
  if (plain && !el.rioInlineLook) return;
  el.rioInlineLook = !plain;
  for (const name of TEXT_PROPERTIES) el.style.removeProperty(name);
  const props = textStyleProperties(p.style);
  if (p.font) props["font-family"] = useFont(p.font);
  if (p.font_size != null) props["font-size"] = `${p.font_size}rem`;
  if (p.font_weight != null) props["font-weight"] = String(p.font_weight);
  if (p.italic != null) props["font-style"] = p.italic ? "italic" : "normal";
  if (p.all_caps != null) props["text-transform"] = p.all_caps ? "uppercase" : "none";
  if (p.underlined != null || p.strikethrough != null) {
    // Combine with the style's own decorations.
    let base = props["text-decoration-line"];
    if (base === undefined) {
      base = typeof p.style === "string" ? themeDecorations[p.style] ?? "none" : "none";
    }
    const words = new Set(base.split(" ").filter((w) => w && w !== "none"));
    const underlined = p.underlined ?? words.has("underline");
    const strikethrough = p.strikethrough ?? words.has("line-through");
    props["text-decoration-line"] = decorations(underlined, strikethrough);
  }
  Object.assign(props, textFillProperties(p.fill));
  for (const [name, value] of Object.entries(props)) {
    if (value !== null && value !== undefined) el.style.setProperty(name, value);
  }
}
