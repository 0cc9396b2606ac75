// Calendar and ColorPicker, loaded when a page first shows one (see
// LAZY_FAMILIES in components.js). Renderer contract: components.js.
// The module brings its own stylesheet, added to the page once on load.

const CSS = `
.rio-cal { display: flex; justify-content: center; align-items: center; user-select: none; -webkit-user-select: none; color: var(--rio-text); }
.rio-cal-box { display: flex; flex-direction: column; gap: 0.5rem; width: 15.7rem; height: 17.8rem; }
.rio-cal-head { display: flex; align-items: center; gap: 0.2rem; }
.rio-cal-title { flex: 1; text-align: center; pointer-events: none; }
.rio-cal-nav { position: relative; width: 1.6rem; height: 1.6rem; padding: 0; border: none; background: none; color: inherit; display: flex; align-items: center; justify-content: center; }
.rio-cal-nav svg { width: 100%; height: 100%; fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: square; }
.rio-cal-grid { display: grid; grid-template-columns: repeat(7, 1.8rem); grid-auto-rows: 1.8rem; gap: 0.5rem; }
.rio-cal-wd { font-weight: bold; text-align: center; }
.rio-cal-day { position: relative; display: flex; align-items: center; justify-content: center; border-radius: 50%; }
.rio-cal-grid > :nth-child(7n+1):not(.rio-cal-selected), .rio-cal-grid > :nth-child(7n):not(.rio-cal-selected) { color: var(--rio-secondary-active, var(--rio-secondary)); }
.rio-cal-outside { opacity: 0.4; }
.rio-cal-selected { font-weight: bold; background: var(--rio-secondary); color: var(--rio-secondary-fg, #fff); }
.rio-cal:not(.rio-cal-off) .rio-cal-nav, .rio-cal:not(.rio-cal-off) .rio-cal-day { cursor: pointer; }
.rio-cal:not(.rio-cal-off) .rio-cal-nav:hover { color: var(--rio-secondary); }
.rio-cal:not(.rio-cal-off) .rio-cal-nav:hover::after, .rio-cal:not(.rio-cal-off) .rio-cal-day:hover::after { content: ""; position: absolute; inset: 0; border-radius: 50%; opacity: 0.1; background: currentColor; }
.rio-cal.rio-cal-off .rio-cal-selected { background: var(--rio-disabled); color: var(--rio-disabled-fg); }
.rio-cal.rio-cal-off .rio-cal-grid > :nth-child(7n+1), .rio-cal.rio-cal-off .rio-cal-grid > :nth-child(7n) { color: var(--rio-text-dim); }

.rio-cpick { display: flex; flex-direction: column; align-items: stretch; color: var(--rio-text); --rio-cpick-size: 1.4rem; }
.rio-cpick-sv { position: relative; flex-grow: 1; min-height: 6rem; margin-bottom: 0.7rem; border-radius: var(--rio-radius-medium); cursor: crosshair; touch-action: none; }
.rio-cpick-bar { position: relative; padding: 0.7rem 0; cursor: crosshair; touch-action: none; }
.rio-cpick-track { height: 0.9rem; border-radius: 999px; }
.rio-cpick-hue .rio-cpick-track { background: linear-gradient(to right, #f00, #ff0, #0f0, #0ff, #00f, #f0f, #f00); }
.rio-cpick-alpha .rio-cpick-fade { position: absolute; left: 0; right: 0; top: 0.7rem; bottom: 0.7rem; border-radius: 999px; background: linear-gradient(to right, transparent, var(--rio-cpick-opaque)); }
.rio-cpick-knob { position: absolute; width: var(--rio-cpick-size); height: var(--rio-cpick-size); box-sizing: border-box; border-radius: 50%; border: 0.2rem solid currentColor; transform: translate(-50%, -50%); pointer-events: none; background: var(--rio-cpick-opaque); }
.rio-cpick-bar > .rio-cpick-knob { top: 50%; }
.rio-cpick-result { display: flex; align-items: center; gap: 0.8rem; margin: 0.5rem auto 0; }
.rio-cpick-swatch { position: relative; width: 2.5rem; height: 2.5rem; }
.rio-cpick-swatch > * { position: absolute; inset: 0; box-sizing: border-box; border-radius: 50%; border: 0.2rem solid currentColor; }
.rio-cpick-swatch > :last-child { background: var(--rio-cpick-color); }
.rio-cpick-hex { width: 5rem; padding: 0.3rem; border: none; border-radius: 0.5rem; background: transparent; color: inherit; font: inherit; font-size: 0.9rem; font-weight: bold; text-align: center; opacity: 0.5; transition: opacity 0.1s, color 0.1s, background-color 0.1s; }
.rio-cpick-hex:focus { outline: none; opacity: 1; color: var(--rio-secondary); background: var(--rio-neutral-variant, var(--rio-neutral)); }
.rio-cpick-checks { --rio-check: #888; background-color: transparent; background-image: conic-gradient(var(--rio-check) 25%, transparent 0 50%, var(--rio-check) 0 75%, transparent 0); background-size: 0.9rem 0.9rem; }
`;

const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

// --- Calendar ----------------------------------------------------------------

const SVG_NS = "http://www.w3.org/2000/svg";

/** A navigation arrow: one or two chevrons pointing left or right. */
function arrow(direction, double) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  const path = document.createElementNS(SVG_NS, "path");
  const tip = (x) => (direction < 0 ? `M${x + 5} 7l-5 5 5 5` : `M${x - 5} 7l5 5-5 5`);
  path.setAttribute("d", double ? `${tip(direction < 0 ? 6 : 12)}${tip(direction < 0 ? 12 : 18)}` : tip(direction < 0 ? 9 : 15));
  svg.appendChild(path);
  return svg;
}

/** Month names, one-letter weekday names (Monday first) and the first day
 *  of the week (0 = Monday) for a language tag. As Rio looks the first day
 *  up by language and region, a tag without a region starts on Monday. */
const localeCache = new Map();
function localeInfo(tag) {
  let info = localeCache.get(tag);
  if (info) return info;
  let locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    locale = new Intl.Locale("en-US");
  }
  const months = [];
  const monthFormat = new Intl.DateTimeFormat(locale.toString(), { month: "long", timeZone: "UTC" });
  for (let m = 0; m < 12; m += 1) months.push(monthFormat.format(Date.UTC(2021, m, 1)));
  const dayFormat = new Intl.DateTimeFormat(locale.toString(), { weekday: "long", timeZone: "UTC" });
  // 2021-03-01 was a Monday.
  const days = [];
  for (let d = 0; d < 7; d += 1) days.push(Array.from(dayFormat.format(Date.UTC(2021, 2, 1 + d)))[0].toUpperCase());
  let firstDay = 0;
  if (locale.region) {
    const week = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (week && week.firstDay >= 1 && week.firstDay <= 7) firstDay = week.firstDay - 1;
  }
  info = { months, days, firstDay };
  localeCache.set(tag, info);
  return info;
}

function isoDate(year, month, day) {
  const y = String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day cells of a month: [year, month, day, inMonth], whole weeks. */
function monthCells(year, month, firstDay) {
  const cells = [];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6 - firstDay) % 7;
  for (let i = lead; i > 0; i -= 1) {
    const d = new Date(Date.UTC(year, month - 1, 1 - i));
    cells.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), false]);
  }
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = 1; day <= length; day += 1) cells.push([year, month, day, true]);
  for (let i = 1; cells.length % 7 !== 0; i += 1) {
    const d = new Date(Date.UTC(year, month, i));
    cells.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), false]);
  }
  return cells;
}

function drawCalendar(c) {
  const info = localeInfo(c.locale);
  c.title.textContent = `${info.months[c.shownMonth - 1]} ${c.shownYear}`;
  const nodes = [];
  for (let i = 0; i < 7; i += 1) {
    const name = el("div", "rio-cal-wd");
    name.textContent = info.days[(i + info.firstDay) % 7];
    nodes.push(name);
  }
  for (const [year, month, day, inMonth] of monthCells(c.shownYear, c.shownMonth, info.firstDay)) {
    const cell = el("div", inMonth ? "rio-cal-day" : "rio-cal-day rio-cal-outside");
    cell.textContent = String(day);
    cell.dataset.date = isoDate(year, month, day);
    if (inMonth && cell.dataset.date === c.selected) {
      cell.classList.add("rio-cal-selected");
      cell.setAttribute("aria-selected", "true");
    }
    nodes.push(cell);
  }
  c.grid.replaceChildren(...nodes);
}

function calendarButton(c, label, direction, double) {
  const button = el("button", "rio-cal-nav");
  button.type = "button";
  button.setAttribute("aria-label", label);
  button.appendChild(arrow(direction, double));
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    if (!c.props.is_sensitive) return;
    const months = c.shownYear * 12 + (c.shownMonth - 1) + direction * (double ? 12 : 1);
    c.shownYear = Math.floor(months / 12);
    c.shownMonth = (months % 12) + 1;
    drawCalendar(c);
  });
  return button;
}

const calendar = {
  defaults: { value: null, is_sensitive: true, on_change: null },
  create(c, ctx) {
    const root = el("div", "rio-cal");
    const box = el("div", "rio-cal-box");
    const head = el("div", "rio-cal-head");
    c.title = el("div", "rio-cal-title");
    head.append(
      calendarButton(c, "Previous year", -1, true),
      calendarButton(c, "Previous month", -1, false),
      c.title,
      calendarButton(c, "Next month", 1, false),
      calendarButton(c, "Next year", 1, true),
    );
    c.grid = el("div", "rio-cal-grid");
    c.grid.setAttribute("role", "grid");
    c.grid.addEventListener("click", (event) => {
      const cell = event.target.closest(".rio-cal-day");
      if (!cell || !c.props.is_sensitive) return;
      event.stopPropagation();
      // As in Rio, the shown month stays (also for a day of the next one).
      c.selected = cell.dataset.date;
      drawCalendar(c);
      ctx.sendEvent(c.id, "change", { value: cell.dataset.date });
    });
    box.append(head, c.grid);
    root.appendChild(box);
    return root;
  },
  update(c, keys) {
    const p = c.props;
    c.el.classList.toggle("rio-cal-off", !p.is_sensitive);
    if (keys.includes("value") && p.value) {
      c.locale = p.value.locale || "en-US";
      c.selected = p.value.date;
      const [year, month] = p.value.date.split("-").map(Number);
      c.shownYear = year;
      c.shownMonth = month;
      drawCalendar(c);
    }
  },
};

// --- ColorPicker ---------------------------------------------------------------
// The picker works in HSV of the sRGB values (hue 0-360, the rest 0-1), as
// the square and bars show it. The colour travels as sRGB floats [r, g, b,
// opacity]; a typed hex colour is sent as its digits / 255, exactly what
// Color.from_hex makes of it, so hex input comes back unchanged.

function hsvToRgb(h, s, v) {
  const f = (n) => {
    const k = (n + h / 60) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

function rgbToHsv(r, g, b, hue) {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  let h = hue;
  if (d > 0) {
    if (max === r) h = 60 * (((g - b) / d) % 6);
    else if (max === g) h = 60 * ((b - r) / d + 2);
    else h = 60 * ((r - g) / d + 4);
    if (h < 0) h += 360;
  }
  return [h, max === 0 ? 0 : d / max, max];
}

const byte = (x) => Math.round(Math.max(0, Math.min(1, x)) * 255);
const hex2 = (x) => byte(x).toString(16).padStart(2, "0");

/** "#rgb", "rgba", "rrggbb" or "rrggbbaa" -> [r, g, b, a] in 0-1, else null. */
function parseHex(text) {
  const digits = text.trim().replace(/^#\s*/, "");
  if (!/^[0-9a-f]+$/i.test(digits) || ![3, 4, 6, 8].includes(digits.length)) return null;
  const width = digits.length < 6 ? 1 : 2;
  const values = [];
  for (let i = 0; i < digits.length; i += width) {
    const part = digits.slice(i, i + width);
    values.push(parseInt(width === 1 ? part + part : part, 16) / 255);
  }
  if (values.length === 3) values.push(1);
  return values;
}

function drawPicker(c) {
  const [r, g, b] = c.rgb;
  const alpha = c.props.pick_opacity ? c.alpha : 1;
  const [h, s, v] = c.hsv;
  const opaque = `#${hex2(r)}${hex2(g)}${hex2(b)}`;
  const el = c.el;
  el.style.setProperty("--rio-cpick-opaque", opaque);
  el.style.setProperty("--rio-cpick-color", `rgba(${byte(r)}, ${byte(g)}, ${byte(b)}, ${alpha})`);
  const pure = hsvToRgb(h, 1, 1);
  const pureCss = `rgb(${pure.map(byte).join(", ")})`;
  c.square.style.background = `linear-gradient(to top, #000, transparent), linear-gradient(to right, #fff, ${pureCss})`;
  c.squareKnob.style.left = `${s * 100}%`;
  c.squareKnob.style.top = `${(1 - v) * 100}%`;
  c.hueKnob.style.left = `${(h / 360) * 100}%`;
  c.hueKnob.style.background = pureCss;
  c.alphaKnob.style.left = `${alpha * 100}%`;
  c.alphaBar.style.display = c.props.pick_opacity ? "" : "none";
  c.shownHex = opaque.slice(1) + (c.props.pick_opacity ? hex2(alpha) : "");
  if (document.activeElement !== c.hex) c.hex.value = c.shownHex;
}

function sendColor(c, ctx) {
  const alpha = c.props.pick_opacity ? c.alpha : 1;
  ctx.sendEvent(c.id, "change", { color: [...c.rgb, alpha] });
}

/** Drag on `target`: `move(fx, fy)` with the pointer's place as fractions
 *  (0-1) of the target's box; the colour is sent when the button goes up. */
function dragArea(c, ctx, target, move) {
  const place = (event) => {
    const box = target.getBoundingClientRect();
    const fx = box.width ? (event.clientX - box.left) / box.width : 0;
    const fy = box.height ? (event.clientY - box.top) / box.height : 0;
    move(Math.max(0, Math.min(1, fx)), Math.max(0, Math.min(1, fy)));
    drawPicker(c);
  };
  target.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    target.setPointerCapture(event.pointerId);
    c.dragging = event.pointerId;
    place(event);
  });
  target.addEventListener("pointermove", (event) => {
    if (c.dragging === event.pointerId) place(event);
  });
  const end = (event) => {
    if (c.dragging !== event.pointerId) return;
    c.dragging = null;
    sendColor(c, ctx);
  };
  target.addEventListener("pointerup", end);
  target.addEventListener("pointercancel", end);
}

const colorPicker = {
  defaults: { color: [0, 0, 0, 1], pick_opacity: false, on_change: null },
  create(c, ctx) {
    const root = el("div", "rio-cpick");
    c.hsv = [0, 0, 0];
    c.rgb = [0, 0, 0];
    c.alpha = 1;
    c.dragging = null;
    c.square = el("div", "rio-cpick-sv");
    c.squareKnob = el("div", "rio-cpick-knob");
    c.square.appendChild(c.squareKnob);
    const hueBar = el("div", "rio-cpick-bar rio-cpick-hue");
    c.hueKnob = el("div", "rio-cpick-knob");
    hueBar.append(el("div", "rio-cpick-track"), c.hueKnob);
    c.alphaBar = el("div", "rio-cpick-bar rio-cpick-alpha");
    c.alphaKnob = el("div", "rio-cpick-knob");
    c.alphaBar.append(el("div", "rio-cpick-track rio-cpick-checks"), el("div", "rio-cpick-fade"), c.alphaKnob);
    const result = el("div", "rio-cpick-result");
    const swatch = el("div", "rio-cpick-swatch");
    swatch.append(el("div", "rio-cpick-checks"), el("div"));
    c.hex = el("input", "rio-cpick-hex");
    c.hex.type = "text";
    c.hex.spellcheck = false;
    c.hex.setAttribute("aria-label", "Hex colour");
    result.append(swatch, c.hex);
    root.append(c.square, hueBar, c.alphaBar, result);

    const setRgbFromHsv = () => { c.rgb = hsvToRgb(...c.hsv); };
    dragArea(c, ctx, c.square, (fx, fy) => {
      c.hsv = [c.hsv[0], fx, 1 - fy];
      setRgbFromHsv();
    });
    dragArea(c, ctx, hueBar, (fx) => {
      c.hsv = [fx * 360, c.hsv[1], c.hsv[2]];
      setRgbFromHsv();
    });
    dragArea(c, ctx, c.alphaBar, (fx) => { c.alpha = fx; });
    c.hex.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        c.hex.value = c.shownHex;
        c.hex.blur();
      }
    });
    // Enter or leaving the field commits; a text that is no colour is undone.
    c.hex.addEventListener("change", () => {
      const parsed = parseHex(c.hex.value);
      if (parsed) {
        c.rgb = parsed.slice(0, 3);
        c.hsv = rgbToHsv(...c.rgb, c.hsv[0]);
        if (c.props.pick_opacity) c.alpha = parsed[3];
        sendColor(c, ctx);
      }
      c.hex.blur();
      drawPicker(c);
    });
    c.hex.addEventListener("blur", () => drawPicker(c));
    return root;
  },
  update(c, keys) {
    if (keys.includes("color") && Array.isArray(c.props.color)) {
      const [r, g, b, a] = c.props.color;
      c.rgb = [r, g, b];
      c.hsv = rgbToHsv(r, g, b, c.hsv[0]);
      c.alpha = a;
    }
    drawPicker(c);
  },
};

export const renderers = { Calendar: calendar, ColorPicker: colorPicker };
