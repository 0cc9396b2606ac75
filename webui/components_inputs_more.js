// Input components other than Button/IconButton: TextInput, NumberInput,
// Checkbox, Switch, Slider, DateInput, SwitcherBar, KeyEventListener,
// Dropdown... Loaded when a page first shows one (see lazyRendererModules
// in components.js). Each entry follows the renderer contract described in
// components.js.
//
// Values the user enters travel to the server as "change" events. The server
// stores them without sending them back, so an input is only rewritten when
// Python set a different value. Two guards keep typing smooth:
//   - ChangeSender: at most one change per SEND_INTERVAL ms per input; a newer
//     value replaces the one waiting, and the last value is always sent.
//   - EchoGuard: a value arriving from the server that the user already typed
//     past (a slow handler writing back an older value) is not applied.

import { textStyleProperties } from "./text_style.js";
import { iconElement, setColor } from "./components_input.js";

const SEND_INTERVAL = 40;

// The rules only these inputs use, added once when the module loads.
const CSS = `
/* Labelled boxes: TextInput, NumberInput, Dropdown, DateInput, ... */
.rio-input {
  display: flex; flex-direction: column; gap: 0.2rem;
  min-width: 3rem; color: var(--rio-text);
  --rio-accent: var(--rio-input-color, var(--rio-bump));
}
/* Wide enough for a date and the picker's icon, as in Rio. */
.rio-input.rio-date-input { min-width: 11rem; }
/* Rio's floating label: inside the box, small at the top once there is a
   value or focus, as large as the text while the box is empty. */
.rio-input.rio-has-label { display: grid; }
.rio-input.rio-has-label > * { grid-area: 1 / 1; }
.rio-input-label {
  z-index: 1; pointer-events: none; align-self: start; justify-self: start;
  margin: 0.4rem 1rem 0; line-height: 1; white-space: nowrap; color: var(--rio-accent);
  scale: 0.8; transform-origin: 0 0; transition: scale 0.13s, translate 0.13s, color 0.13s, opacity 0.13s;
}
/* As when these rules came before style.css's ".rio-dialog *". */
.rio-dialog .rio-input-label { pointer-events: auto; }
.rio-input.rio-has-label.rio-empty:not(:focus-within) > .rio-input-label {
  scale: 1; translate: 0 0.6rem; color: var(--rio-text); opacity: 0.5;
}
.rio-input.rio-has-label:not(:focus-within) ::placeholder { color: transparent; }
.rio-input.rio-has-label > .rio-input-box { min-height: 3rem; padding-top: 1.1rem; }
.rio-input:not(.rio-has-label) > .rio-input-label { display: none; }
.rio-input-box {
  display: flex; align-items: center; gap: 0.3rem; flex: 1 1 auto;
  min-height: 2rem; padding: 0 1rem;
  background: var(--rio-neutral, #f3f4f6);
  border-bottom: 0.12rem solid color-mix(in srgb, var(--rio-text) 15%, transparent);
  border-radius: var(--rio-radius-small) var(--rio-radius-small) 0 0;
  transition: border-color 0.15s;
}
.rio-input.rio-rounded .rio-input-box { border: 2px solid color-mix(in srgb, var(--rio-text) 25%, transparent); border-radius: var(--rio-radius-small); }
.rio-input.rio-pill .rio-input-box { border: 2px solid color-mix(in srgb, var(--rio-text) 25%, transparent); border-radius: 999px; padding: 0 1rem; }
.rio-input:focus-within .rio-input-box { border-color: var(--rio-accent); }
.rio-input.rio-invalid .rio-input-box { border-color: var(--rio-danger, #c62828); }
.rio-input.rio-insensitive { opacity: 0.5; }
.rio-input-box > input, .rio-input-box > select, .rio-input-box > textarea {
  flex: 1 1 auto; min-width: 0; width: 1rem; align-self: stretch;
  font: inherit; color: inherit; background: transparent;
  border: none; outline: none; padding: 0;
}
.rio-input-box > textarea { padding: 0.5rem 0; resize: vertical; line-height: 1.3; min-height: 4.5rem; }
.rio-input-box > select { cursor: pointer; width: auto; }
.rio-input-box > select option { color: #000; }
.rio-input-affix { opacity: 0.7; white-space: pre; }
.rio-input-affix:empty { display: none; }

/* Checkbox and Switch: native checkboxes, drawn with the theme */
.rio-checkbox, .rio-switch {
  appearance: none; margin: 0; cursor: pointer; flex: none;
  --rio-accent: var(--rio-input-color, var(--rio-bump));
  transition: background 0.15s, border-color 0.15s;
}
.rio-checkbox {
  width: 1.4rem; height: 1.4rem; border-radius: 0.3rem;
  border: 2px solid color-mix(in srgb, var(--rio-text) 50%, transparent);
  display: grid; place-items: center;
}
.rio-checkbox:checked { background: var(--rio-accent); border-color: var(--rio-accent); }
.rio-checkbox:checked::after {
  content: ""; width: 0.35rem; height: 0.7rem; margin-top: -0.15rem;
  border: solid var(--rio-on-primary); border-width: 0 0.18rem 0.18rem 0; rotate: 45deg;
}
.rio-switch {
  width: 2.8rem; height: 1.5rem; border-radius: 999px; position: relative;
  background: color-mix(in srgb, var(--rio-text) 25%, transparent);
}
.rio-switch::after {
  content: ""; position: absolute; top: 0.2rem; left: 0.2rem;
  width: 1.1rem; height: 1.1rem; border-radius: 50%; background: #fff;
  box-shadow: 0 0.05rem 0.2rem rgba(0, 0, 0, 0.3); transition: translate 0.15s;
}
.rio-switch:checked { background: var(--rio-accent); }
.rio-switch:checked::after { translate: 1.3rem 0; }
.rio-checkbox:disabled, .rio-switch:disabled { opacity: 0.5; cursor: default; }
.rio-checkbox:focus-visible, .rio-switch:focus-visible { outline: 2px solid var(--rio-accent); outline-offset: 2px; }

/* Slider */
.rio-slider { display: flex; align-items: center; gap: 0.5rem; min-width: 8rem; min-height: 2rem; }
.rio-slider > input { flex: 1 1 auto; min-width: 0; margin: 0; accent-color: var(--rio-bump); }
.rio-slider > span { display: none; font-size: 0.85rem; opacity: 0.75; }
.rio-slider.rio-show-values > span { display: inline; }
.rio-slider > .rio-slider-value { order: -1; min-width: 2rem; font-weight: 600; opacity: 1; }

/* SwitcherBar (also the tab bar of Tabs) */
.rio-switcher-bar {
  display: flex; padding: 0.2rem; border-radius: var(--rio-radius-medium);
  background: var(--rio-neutral, #f3f4f6);
  --rio-accent: var(--rio-input-color, var(--rio-primary));
}
.rio-switcher-bar.rio-vertical { flex-direction: column; }
.rio-switcher-option {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  font: inherit; line-height: 1.25; color: inherit; cursor: pointer;
  background: transparent; border: none; border-radius: var(--rio-radius-small);
  padding: 0.45rem 0.9rem; transition: background 0.15s, color 0.15s;
}
.rio-switcher-option:hover { background: color-mix(in srgb, var(--rio-accent) 12%, transparent); }
.rio-switcher-option.rio-selected {
  background: var(--rio-accent); color: var(--rio-input-fg, var(--rio-on-primary));
}

.rio-key-listener:focus { outline: none; }
`;
const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

/** Sends an input's change events, collapsing bursts (see the top). */
class ChangeSender {
  constructor(ctx, id, name = "change") {
    this.ctx = ctx;
    this.id = id;
    this.name = name;
    this.pending = undefined;
    this.timer = null;
    this.lastSent = 0;
  }

  queue(payload, maxDelay = SEND_INTERVAL) {
    this.pending = payload;
    if (this.timer !== null) return;
    const wait = this.lastSent + Math.min(SEND_INTERVAL, maxDelay) - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Send what is waiting now (before a confirm, a blur...). */
  flush() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === undefined) return;
    const payload = this.pending;
    this.pending = undefined;
    this.lastSent = performance.now();
    this.ctx.sendEvent(this.id, this.name, payload);
  }
}

/** Remembers the values an input sent, to recognise stale echoes. */
class EchoGuard {
  constructor() {
    this.sent = [];
  }

  remember(value) {
    this.sent.push(value);
    if (this.sent.length > 200) this.sent.shift();
  }

  /** True if `incoming` from the server should replace `current`. */
  accept(incoming, current) {
    const index = this.sent.lastIndexOf(incoming);
    if (index >= 0) {
      // Everything up to this value has been seen by the server.
      this.sent.splice(0, index + 1);
      return false;
    }
    return incoming !== current;
  }
}

/** A labelled box around a native control: <label><span/>control</label>. */
function labelledBox(className, control) {
  const el = document.createElement("label");
  el.className = `rio-input ${className}`;
  const label = document.createElement("span");
  label.className = "rio-input-label";
  const box = document.createElement("div");
  box.className = "rio-input-box";
  box.append(control);
  el.append(label, box);
  // An empty box shows its label inside, as large as the text (style.css).
  el.syncEmpty = () => el.classList.toggle("rio-empty", control.value === "");
  control.addEventListener("input", el.syncEmpty);
  return el;
}

function updateBox(c, extra = "") {
  const p = c.props;
  const el = c.el;
  el.className = `rio-input ${extra} rio-${p.style}`;
  el.classList.toggle("rio-has-label", !!p.label);
  el.classList.toggle("rio-invalid", p.is_valid === false);
  el.classList.toggle("rio-insensitive", p.is_sensitive === false);
  el.querySelector(".rio-input-label").textContent = p.label ?? "";
  queueMicrotask(() => el.syncEmpty?.());
}

// --- text-like inputs: TextInput, MultiLineTextInput, NumberInput ------------

/**
 * Wire a native <input>/<textarea> to the server: "change" while typing
 * (collapsed), "confirm" on Enter (or Ctrl+Enter), focus/blur if asked.
 * `read()` turns the control's text into the payload value (undefined: not a
 * valid value yet, send nothing).
 */
function wireTextControl(c, ctx, control, field, { read, isConfirmKey, onBlur }) {
  c.sender = new ChangeSender(ctx, c.id);
  c.echo = new EchoGuard();
  const payload = () => {
    const value = read(control.value);
    return value === undefined ? undefined : { [field]: value };
  };
  control.addEventListener("input", () => {
    const data = payload();
    if (data === undefined) return;
    c.props[field] = data[field]; // the server will not send it back
    c.echo.remember(data[field]);
    // change_delay (TextInput...) is the longest wait: never slower than ours.
    c.sender.queue(data, (c.props.change_delay ?? 1) * 1000);
  });
  control.addEventListener("keydown", (event) => {
    if (!isConfirmKey(event)) return;
    const data = payload();
    if (data === undefined) return;
    c.sender.pending = undefined;
    c.sender.flush();
    c.echo.remember(data[field]);
    ctx.sendEvent(c.id, "confirm", data);
    onBlur?.();
  });
  control.addEventListener("focus", () => {
    if (c.props.on_gain_focus) ctx.sendEvent(c.id, "focus", { [field]: c.props[field] });
  });
  control.addEventListener("blur", () => {
    c.sender.flush();
    onBlur?.();
    const data = payload() ?? { [field]: c.props[field] };
    if (c.props.on_lose_focus) ctx.sendEvent(c.id, "blur", data);
  });
}

/**
 * Show a value from the server in `control`, unless the user already typed
 * past it (see EchoGuard). A real change moves the caret to the end.
 */
function showText(c, control, incoming, current, format = (v) => v) {
  if (!c.echo.accept(incoming, current)) return;
  const text = format(incoming);
  if (control.value === text) return;
  control.value = text;
  if (document.activeElement === control) control.setSelectionRange?.(text.length, text.length);
}

/** The prefix_text and suffix_text spans on both sides of the control. */
function addAffixes(c, control) {
  const affix = (className) => {
    const span = document.createElement("span");
    span.className = `rio-input-affix ${className}`;
    return span;
  };
  c.prefix = affix("rio-prefix");
  c.suffix = affix("rio-suffix");
  control.before(c.prefix);
  control.after(c.suffix);
}

/** auto_adjust_height: the textarea as tall as its text (and its minimum). */
function fitHeight(c) {
  const control = c.control;
  if (!c.props.auto_adjust_height) {
    control.style.height = "";
    return;
  }
  control.style.height = "auto";
  // scrollHeight is 0 while the element is not laid out yet.
  if (control.scrollHeight) control.style.height = `${control.scrollHeight}px`;
  else requestAnimationFrame(() => { if (control.isConnected) fitHeight(c); });
}

/** auto_focus: focus the control once, when the component first asks. */
function autoFocus(c, keys) {
  if (!keys.includes("auto_focus") || !c.props.auto_focus || c.focused) return;
  c.focused = true;
  // After this delta: the element is in the document by then.
  queueMicrotask(() => c.control.focus({ preventScroll: true }));
}

function textRenderer(type, multiline) {
  return {
    defaults: {
      text: "", auto_focus: false, label: "", accessibility_label: "", style: "underlined",
      is_sensitive: true, is_valid: true, on_change: null, on_confirm: null,
      on_gain_focus: null, on_lose_focus: null, placeholder: "", change_delay: 0.8,
      ...(multiline
        ? { auto_adjust_height: true, confirm_mode: "shift-enter" }
        : { prefix_text: "", suffix_text: "", is_secret: false, text_style: null }),
    },
    create(c, ctx) {
      const control = document.createElement(multiline ? "textarea" : "input");
      if (!multiline) control.type = "text";
      control.spellcheck = multiline;
      c.control = control;
      wireTextControl(c, ctx, control, "text", {
        read: (text) => text,
        isConfirmKey: (event) => event.key === "Enter" && !event.isComposing &&
          (!multiline || event.ctrlKey || event.metaKey ||
            event.shiftKey === (c.props.confirm_mode === "shift-enter")),
      });
      if (multiline) {
        control.addEventListener("keydown", (event) => {
          // "enter" mode: the confirming Enter must not add a line.
          if (event.key === "Enter" && !event.isComposing && !event.shiftKey &&
              c.props.confirm_mode === "enter") event.preventDefault();
          if (event.key === "Enter" && event.shiftKey &&
              c.props.confirm_mode === "shift-enter") event.preventDefault();
        });
        control.addEventListener("input", () => fitHeight(c));
      }
      const el = labelledBox(type, control);
      if (!multiline) addAffixes(c, control);
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const control = c.control;
      updateBox(c, type);
      if (keys.includes("text")) showText(c, control, p.text, control.value);
      control.disabled = !p.is_sensitive;
      control.placeholder = p.placeholder;
      control.setAttribute("aria-label", p.accessibility_label || p.label || p.placeholder);
      control.setAttribute("aria-invalid", p.is_valid ? "false" : "true");
      autoFocus(c, keys);
      if (multiline) fitHeight(c);
      if (!multiline) {
        control.type = p.is_secret ? "password" : "text";
        if (keys.includes("text_style")) {
          for (const name of c.styled ?? []) control.style.removeProperty(name);
          const props = textStyleProperties(p.text_style);
          c.styled = Object.keys(props);
          for (const [name, value] of Object.entries(props)) control.style.setProperty(name, value);
        }
        c.prefix.textContent = p.prefix_text;
        c.suffix.textContent = p.suffix_text;
      }
    },
  };
}

let localeSeparators = null;

/** [decimal, thousands] separators: the app's choice, else the browser locale's. */
function separators(p) {
  if (localeSeparators === null) {
    const parts = new Intl.NumberFormat().formatToParts(12345.6);
    localeSeparators = {
      decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
      group: parts.find((part) => part.type === "group")?.value ?? ",",
    };
  }
  const decimal = p.decimal_separator ?? localeSeparators.decimal;
  const group = p.thousands_separator === true ? localeSeparators.group
    : p.thousands_separator === false ? "" : String(p.thousands_separator);
  return [decimal, group];
}

/** As Rio shows a number: all `decimals` places, thousands grouped. */
function formatNumber(value, p) {
  if (value === null || value === undefined) return "";
  const [decimal, group] = separators(p);
  const [whole, fraction] = Math.abs(value).toFixed(p.decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, () => group);
  const sign = value < 0 && Number(whole + (fraction ?? "")) !== 0 ? "-" : "";
  return fraction === undefined ? sign + grouped : `${sign}${grouped}${decimal}${fraction}`;
}

/** The number the user means, clamped and rounded like the server does. */
function parseNumber(text, p) {
  const [decimal, group] = separators(p);
  let cleaned = text.trim().replace(/\s/g, "");
  if (group) cleaned = cleaned.split(group).join("");
  cleaned = cleaned.split(decimal).join(".");
  if (cleaned === "" || cleaned === "-" || cleaned === ".") return undefined;
  let value = Number(cleaned);
  if (!Number.isFinite(value)) return undefined;
  if (p.minimum !== null) value = Math.max(value, p.minimum);
  if (p.maximum !== null) value = Math.min(value, p.maximum);
  const factor = 10 ** p.decimals;
  return Math.round(value * factor) / factor;
}

export const renderers = {
  TextInput: textRenderer("rio-text-input", false),
  MultiLineTextInput: textRenderer("rio-multi-line-text-input", true),

  NumberInput: {
    defaults: {
      value: 0, auto_focus: false, label: "", accessibility_label: "", style: "underlined",
      prefix_text: "", suffix_text: "", minimum: null, maximum: null, decimals: 2,
      decimal_separator: null, thousands_separator: true,
      is_sensitive: true, is_valid: true, on_change: null, on_confirm: null,
      on_gain_focus: null, on_lose_focus: null,
    },
    create(c, ctx) {
      const control = document.createElement("input");
      control.type = "text";
      control.inputMode = "decimal";
      c.control = control;
      const reformat = () => {
        // Show the number as stored once the user is done with it.
        const value = parseNumber(control.value, c.props) ?? c.props.value;
        control.value = formatNumber(value, c.props);
      };
      wireTextControl(c, ctx, control, "value", {
        read: (text) => parseNumber(text, c.props),
        isConfirmKey: (event) => event.key === "Enter" && !event.isComposing,
        onBlur: reformat,
      });
      const el = labelledBox("rio-number-input", control);
      addAffixes(c, control);
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const control = c.control;
      updateBox(c, "rio-number-input");
      autoFocus(c, keys);
      const look = ["decimals", "decimal_separator", "thousands_separator"];
      const newLook = keys.some((key) => look.includes(key)) && document.activeElement !== control;
      if (keys.includes("value") || newLook) {
        const current = parseNumber(control.value, p);
        const accepted = c.echo.accept(p.value, current);
        if (accepted || newLook) control.value = formatNumber(p.value, p);
      }
      control.disabled = !p.is_sensitive;
      control.setAttribute("aria-label", p.accessibility_label || p.label);
      c.prefix.textContent = p.prefix_text;
      c.suffix.textContent = p.suffix_text;
    },
  },

  Checkbox: toggleRenderer("rio-checkbox", false),
  Switch: toggleRenderer("rio-switch", true),

  Slider: {
    defaults: {
      value: 0.5, minimum: 0, maximum: 1, step: 0, is_sensitive: true,
      show_values: false, on_change: null,
    },
    create(c, ctx) {
      const el = document.createElement("div");
      const range = document.createElement("input");
      range.type = "range";
      c.control = range;
      c.sender = new ChangeSender(ctx, c.id);
      c.echo = new EchoGuard();
      c.low = document.createElement("span");
      c.high = document.createElement("span");
      c.current = document.createElement("span");
      c.current.className = "rio-slider-value";
      range.addEventListener("input", () => {
        const value = Number(range.value);
        c.props.value = value;
        c.current.textContent = formatSliderValue(value, c.props);
        c.echo.remember(value);
        c.sender.queue({ value });
      });
      range.addEventListener("change", () => c.sender.flush());
      el.append(c.low, range, c.high, c.current);
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const range = c.control;
      c.el.className = "rio-slider";
      c.el.classList.toggle("rio-show-values", !!p.show_values);
      range.min = String(p.minimum);
      range.max = String(p.maximum);
      range.step = p.step ? String(p.step) : "any";
      range.disabled = !p.is_sensitive;
      if (keys.includes("value") && c.echo.accept(p.value, Number(range.value))) {
        range.value = String(p.value);
      }
      c.low.textContent = formatSliderValue(p.minimum, p);
      c.high.textContent = formatSliderValue(p.maximum, p);
      c.current.textContent = formatSliderValue(Number(range.value), p);
    },
  },

  DateInput: {
    defaults: {
      label: "", accessibility_label: "", style: "underlined", is_sensitive: true,
      on_change: null, on_confirm: null,
    },
    create(c, ctx) {
      const control = document.createElement("input");
      control.type = "date";
      c.control = control;
      control.addEventListener("change", () => {
        if (!control.value) {
          // The browser lets the user clear the box; a DateInput always holds a date.
          control.value = c.props.value;
          return;
        }
        c.props.value = control.value;
        ctx.sendEvent(c.id, "change", { value: control.value });
      });
      control.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" || !control.value || !c.props.is_sensitive) return;
        c.props.value = control.value;
        ctx.sendEvent(c.id, "confirm", { value: control.value });
      });
      return labelledBox("rio-date-input", control);
    },
    update(c) {
      const p = c.props;
      updateBox(c, "rio-date-input");
      if (c.control.value !== p.value) c.control.value = p.value ?? "";
      c.control.disabled = !p.is_sensitive;
      c.control.setAttribute("aria-label", p.accessibility_label || p.label);
    },
  },

  SwitcherBar: {
    defaults: {
      names: null, icons: null, color: "keep", orientation: "horizontal",
      spacing: 1.0, allow_none: false, selected_value: null, on_change: null,
    },
    create(c, ctx) {
      const el = document.createElement("div");
      el.setAttribute("role", "tablist");
      el.addEventListener("click", (event) => {
        const button = event.target.closest(".rio-switcher-option");
        if (!button || button.parentNode !== el) return;
        let index = Number(button.dataset.index);
        if (index === c.selected) {
          if (!c.props.allow_none) return;
          index = null;
        }
        c.selected = index;
        markSelected(c);
        ctx.sendEvent(c.id, "change", { index });
      });
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const el = c.el;
      el.className = `rio-switcher-bar rio-${p.orientation}`;
      el.style.gap = `${p.spacing}rem`;
      setColor(el, p.color);
      if (keys.includes("names") || keys.includes("icons") || keys.includes("values")) {
        const names = p.names ?? [];
        el.replaceChildren(
          ...names.map((name, index) => {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "rio-switcher-option";
            button.setAttribute("role", "tab");
            button.dataset.index = String(index);
            const icon = p.icons?.[index];
            if (icon) button.append(iconElement(icon));
            const label = document.createElement("span");
            label.textContent = name;
            button.append(label);
            return button;
          }),
        );
      }
      // "values" carries the selection too (the value may move to a new index).
      if (keys.includes("values")) c.selected = p.values.selected;
      if (keys.includes("selected_value")) c.selected = p.selected_value;
      markSelected(c);
    },
  },

  KeyEventListener: {
    defaults: {
      on_key_down: null, on_key_up: null, on_key_press: null,
      auto_focus: false, event_order: "after-child",
    },
    create(c, ctx) {
      const el = document.createElement("div");
      el.className = "rio-single rio-key-listener";
      el.tabIndex = -1;
      c.onKey = (event) => onListenedKey(c, ctx, event);
      loadKeyNames();
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      for (const name of ["on_key_down", "on_key_up", "on_key_press"]) {
        if (keys.includes(name)) c[name] = reportedKeys(p[name]);
      }
      if (keys.includes("event_order")) {
        // "before-child": the capture phase, before the content's handlers.
        const capture = p.event_order === "before-child";
        if (c.capture !== undefined) {
          c.el.removeEventListener("keydown", c.onKey, { capture: c.capture });
          c.el.removeEventListener("keyup", c.onKey, { capture: c.capture });
        }
        c.el.addEventListener("keydown", c.onKey, { capture });
        c.el.addEventListener("keyup", c.onKey, { capture });
        c.capture = capture;
      }
      if (keys.includes("content")) ctx.syncChildren(c.el, [p.content]);
      if (keys.includes("auto_focus") && p.auto_focus && !c.focused) {
        c.focused = true;
        // After this delta: the element is in the document by then.
        queueMicrotask(() => c.el.focus({ preventScroll: true }));
      }
    },
  },

  Dropdown: {
    defaults: {
      label: "", style: "underlined", selected_value: null, is_sensitive: true,
      is_valid: true, on_change: null,
    },
    create(c, ctx) {
      const select = document.createElement("select");
      c.control = select;
      select.addEventListener("change", () => {
        c.selectedName = select.value;
        ctx.sendEvent(c.id, "change", { name: select.value });
      });
      return labelledBox("rio-dropdown", select);
    },
    update(c, keys) {
      const p = c.props;
      const select = c.control;
      updateBox(c, "rio-dropdown");
      select.disabled = !p.is_sensitive;
      if (keys.includes("options")) {
        select.replaceChildren(
          ...p.options.names.map((name) => {
            const option = document.createElement("option");
            option.value = name;
            option.textContent = name;
            return option;
          }),
        );
      }
      // "options" carries the selection too (a value may get a new name).
      let selected = c.selectedName ?? null;
      if (keys.includes("options")) selected = p.options.selected;
      if (keys.includes("selected_value")) selected = p.selected_value;
      c.selectedName = selected;
      select.selectedIndex = selected === null ? -1 : p.options.names.indexOf(selected);
    },
  },
};

function markSelected(c) {
  for (const button of c.el.children) {
    const on = Number(button.dataset.index) === c.selected;
    button.classList.toggle("rio-selected", on);
    button.setAttribute("aria-selected", on ? "true" : "false");
  }
}

function formatSliderValue(value, p) {
  if (p.step && Number.isInteger(p.step)) return String(Math.round(value));
  return String(Number(value.toFixed(2)));
}

function toggleRenderer(className, isSwitch) {
  return {
    defaults: { is_on: false, is_sensitive: true, on_change: null },
    create(c, ctx) {
      const control = document.createElement("input");
      control.type = "checkbox";
      control.className = className;
      if (isSwitch) control.setAttribute("role", "switch");
      control.addEventListener("change", () => {
        c.props.is_on = control.checked;
        ctx.sendEvent(c.id, "change", { is_on: control.checked });
      });
      return control;
    },
    update(c) {
      c.el.checked = !!c.props.is_on;
      c.el.disabled = !c.props.is_sensitive;
    },
  };
}

// Rio's key names load with the first KeyEventListener: most pages have none.
let keyNames = null;
let keyNamesLoading = null;
function loadKeyNames() {
  keyNamesLoading ??= import("./key_names.js").then((module) => (keyNames = module));
  return keyNamesLoading;
}

/** null (no handler), true (every key) or { combinations, ids (made on use) }. */
function reportedKeys(value) {
  if (!value) return null;
  if (value === true) return true;
  return { combinations: value, ids: null };
}

function isReported(wanted, info) {
  if (wanted === null || wanted === undefined) return false;
  if (wanted === true) return true;
  wanted.ids ??= new Set(wanted.combinations.map(keyNames.combinationId));
  return wanted.ids.has(keyNames.combinationId([...info.modifiers, info.software_key]));
}

/** Whether a key typed into a text field edits it (then it is the field's). */
function editsText(event) {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  const area = target.tagName === "TEXTAREA" || target.isContentEditable;
  if (!area && !/^(INPUT|SELECT)$/.test(target.tagName)) return false;
  if (event.key.length === 1) return true; // characters, and Ctrl+C / Ctrl+Z...
  if (EDITING_KEYS.has(event.key)) return true;
  return area && (event.key === "Enter" || event.key === "ArrowUp" || event.key === "ArrowDown");
}
const EDITING_KEYS = new Set([
  "Backspace", "Delete", "Home", "End", "Tab", "ArrowLeft", "ArrowRight",
]);

/** A key event inside a KeyEventListener (or anywhere, if nothing has focus). */
function onListenedKey(c, ctx, event) {
  if (editsText(event)) return; // typing is the field's (Escape, F1... are not)
  if (keyNames === null) {
    // A key in the first moments: reported once the names are there (too
    // late to stop what the key does in the page, but not lost).
    loadKeyNames().then(() => reportKey(c, ctx, event));
    return;
  }
  if (reportKey(c, ctx, event)) {
    // As in Rio: a reported key is the app's, not the page's.
    event.preventDefault();
    event.stopPropagation();
  }
}

/** Sends the key's events that `c` wants; whether it sent any. */
function reportKey(c, ctx, event) {
  const info = keyNames.describeKey(event);
  let reported = false;
  if (event.type === "keydown") {
    if (isReported(c.on_key_press, info)) {
      ctx.sendEvent(c.id, "key_press", info);
      reported = true;
    }
    if (isReported(c.on_key_down, info)) {
      if (!event.repeat) ctx.sendEvent(c.id, "key_down", info);
      reported = true;
    }
  } else if (isReported(c.on_key_up, info)) {
    ctx.sendEvent(c.id, "key_up", info);
    reported = true;
  }
  return reported;
}

// Keys pressed while nothing has the focus go to every KeyEventListener.
document.addEventListener("keydown", forwardUnfocusedKey);
document.addEventListener("keyup", forwardUnfocusedKey);
function forwardUnfocusedKey(event) {
  if (event.target !== document.body && event.target !== document.documentElement) return;
  for (const el of document.querySelectorAll(".rio-key-listener")) {
    const c = window.rioDesktop?.components?.get(Number(el.dataset.rioId));
    c?.onKey?.(event);
  }
}

export { ChangeSender, EchoGuard, labelledBox, updateBox };
