// Input components: Button, TextInput, Checkbox, Slider, Dropdown, ...
// Each entry follows the renderer contract described in components.js.
//
// Values the user enters travel to the server as "change" events. The server
// stores them without sending them back, so an input is only rewritten when
// Python set a different value. Two guards keep typing smooth:
//   - ChangeSender: at most one change per SEND_INTERVAL ms per input; a newer
//     value replaces the one waiting, and the last value is always sent.
//   - EchoGuard: a value arriving from the server that the user already typed
//     past (a slow handler writing back an older value) is not applied.

const SEND_INTERVAL = 40;

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

  queue(payload) {
    this.pending = payload;
    if (this.timer !== null) return;
    const wait = this.lastSent + SEND_INTERVAL - performance.now();
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
}

function iconElement(name) {
  const icon = document.createElement("span");
  icon.className = "rio-input-icon";
  icon.dataset.icon = name;
  // The content renderers own the icon set; use it when it is there.
  const draw = window.rioDesktop?.icons?.render;
  if (draw) draw(icon, name);
  return icon;
}

export const inputRenderers = {
  Button: {
    defaults: {
      content: "", icon: null, shape: "rounded", style: "major", color: "keep",
      is_sensitive: true, is_loading: false, on_press: null,
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
      el.className = `rio-button rio-${p.style} rio-${p.shape}`;
      el.classList.toggle("rio-loading", !!p.is_loading);
      el.disabled = !p.is_sensitive;
      el.setAttribute("aria-busy", p.is_loading ? "true" : "false");
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

  Dropdown: {
    defaults: {
      label: "", style: "underlined", selected_value: null, is_sensitive: true,
      is_valid: true, on_change: null,
    },
    create(c, ctx) {
      const select = document.createElement("select");
      c.control = select;
      select.addEventListener("change", () => {
        c.props.selected_value = select.value;
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
          ...p.options.map((name) => {
            const option = document.createElement("option");
            option.value = name;
            option.textContent = name;
            return option;
          }),
        );
      }
      if (keys.includes("options") || keys.includes("selected_value")) {
        const index = p.selected_value === null ? -1 : p.options.indexOf(p.selected_value);
        select.selectedIndex = index;
      }
    },
  },
};

export { ChangeSender, EchoGuard, labelledBox, updateBox, setColor };
