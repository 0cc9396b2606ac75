// Fills (rio.SolidFill, gradients, ImageFill, FrostedGlassFill) as CSS.
//
// On the wire a fill is a CSS colour string, a colour set name ("primary"),
// or { type: "solid" | "linear" | "radial" | "image" | "glass", ... }
// (rio_desktop/fills.py).

export function baseUrl() {
  const config = document.getElementById("rio-config");
  return config ? JSON.parse(config.textContent).base : "/";
}

// "rio-blob:<id>" -> the server's URL for it; other URLs pass through.
export function blobUrl(src) {
  const text = String(src);
  return text.startsWith("rio-blob:")
    ? `${baseUrl()}rio-desktop/blob/${encodeURIComponent(text.slice(9))}`
    : text;
}

function cssUrl(src) {
  const escaped = blobUrl(src).replace(/["\\\n]/g, (ch) => (ch === "\n" ? "\\a " : `\\${ch}`));
  return `url("${escaped}")`;
}

function cssColor(color) {
  if (color === null || color === undefined || color === "keep") return null;
  if (/^[a-z_]+$/.test(color)) return `var(--rio-${color})`;
  return color;
}

function stops(list) {
  return list.map(([color, position]) => `${color} ${position * 100}%`).join(", ");
}

// { background, backdrop } for a surface (backdrop: a backdrop-filter or "none").
export function fillCss(fill) {
  if (fill === null || fill === undefined || typeof fill === "string") {
    return { background: cssColor(fill), backdrop: "none" };
  }
  switch (fill.type) {
    case "solid":
      return { background: fill.color, backdrop: "none" };
    case "linear":
      // 0 degrees runs left to right, counter-clockwise (CSS: 90deg, clockwise).
      return {
        background: `linear-gradient(${90 - fill.angle}deg, ${stops(fill.stops)})`,
        backdrop: "none",
      };
    case "radial": {
      const [x, y] = fill.center;
      return {
        background: `radial-gradient(circle at ${x * 100}% ${y * 100}%, ${stops(fill.stops)})`,
        backdrop: "none",
      };
    }
    case "image": {
      const url = cssUrl(fill.url);
      const placement = {
        fit: "center / contain no-repeat",
        stretch: "top left / 100% 100% no-repeat",
        zoom: "center / cover no-repeat",
        tile: `top left / ${fill.tile[0]}rem ${fill.tile[1]}rem repeat`,
      }[fill.mode] ?? "center / contain no-repeat";
      return { background: `${url} ${placement}`, backdrop: "none" };
    }
    case "glass":
      return { background: fill.color, backdrop: `blur(${fill.blur}rem)` };
    default:
      console.warn("rio-desktop: unknown fill", fill);
      return { background: null, backdrop: "none" };
  }
}

// The inline properties that paint text with `fill`: a colour sets `color`;
// gradients and images paint the glyphs through a background clipped to them.
export function textFillProperties(fill) {
  if (fill === null || fill === undefined) return {};
  if (typeof fill === "string" || fill.type === "solid") {
    return {
      color: typeof fill === "string" ? cssColor(fill) : fill.color,
      background: "none",
      "-webkit-background-clip": "border-box",
      "background-clip": "border-box",
      "-webkit-text-fill-color": "currentcolor",
    };
  }
  return {
    background: fillCss(fill).background,
    "-webkit-background-clip": "text",
    "background-clip": "text",
    "-webkit-text-fill-color": "transparent",
  };
}
