// ListView and its items, loaded when a page first shows one (see
// lazyRendererModules in components.js). Renderer contract: components.js.
// (Banner needs nothing here: it is built from Card, Row, Icon and Text.)
//
// A ListView groups runs of items (SimpleListItem, CustomListItem, or a
// component of the app wrapping one) into rounded cards with thin lines
// between the items; headings and separators stand outside the cards.
// Selection is by the items' keys: an item finds its list with closest().
import { div } from "./components_content.js";
import { ripple } from "./components_layout.js";

const CSS = `
.rio-lv { display: flex; flex-direction: column; }
.rio-lv > .rio-lv-grouped { position: relative; background: var(--rio-background-variant); overflow: hidden; }
.rio-lv > .rio-lv-grouped + .rio-lv-grouped::after {
  content: ""; position: absolute; top: 0; left: 0; right: 0; height: 1px;
  background: var(--rio-text); opacity: 0.2; pointer-events: none;
}
.rio-lv > .rio-lv-top { border-top-left-radius: var(--rio-radius-medium); border-top-right-radius: var(--rio-radius-medium); }
.rio-lv > .rio-lv-bottom { border-bottom-left-radius: var(--rio-radius-medium); border-bottom-right-radius: var(--rio-radius-medium); }
.rio-lv-item { position: relative; transition: background-color 0.1s ease-out; }
.rio-lv-item.rio-lv-pressable, .rio-lv-item.rio-lv-selectable { cursor: pointer; }
.rio-lv-item.rio-lv-pressable:hover, .rio-lv-item.rio-lv-selectable:hover { background: var(--rio-background-active); }
.rio-lv-item.rio-lv-selected { background: var(--rio-secondary); }
.rio-lv-item.rio-lv-selected:hover { background: var(--rio-secondary-active); }
.rio-lv-pad { padding: 0.5rem 1rem; }
.rio-lv-item.rio-lv-row { display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem; }
.rio-lv-texts { display: flex; flex-direction: column; justify-content: center; gap: 0.5rem; flex: 1 1 auto; min-width: 0; }
.rio-lv-side:empty { display: none; }
.rio-lv-heading { padding: 1rem var(--rio-radius-medium) 0.4rem; }
.rio-lv-separator { height: 1rem; }
`;
const style = document.createElement("style");
style.textContent = CSS;
document.head.append(style);

// --- a list's look: groups, corners, selection ------------------------------

const pendingLists = new Set();

function scheduleRefresh(listEl, ctx) {
  if (pendingLists.size === 0) {
    queueMicrotask(() => {
      const lists = [...pendingLists];
      pendingLists.clear();
      for (const el of lists) {
        const c = ctx.components.get(Number(el.dataset.rioId));
        if (c && c.el === el) refreshList(c, ctx);
      }
    });
  }
  pendingLists.add(listEl);
}

/** A child of the list is grouped unless it is (or wraps) a heading or separator. */
function isGrouped(el) {
  while (el && el.classList.contains("rio-highlevel")) el = el.firstElementChild;
  return !(el && (el.classList.contains("rio-lv-heading") || el.classList.contains("rio-lv-separator")));
}

/**
 * As in Rio, a selected item that leaves its list (or tree) takes its key
 * out of the selection, and the app hears of the new selection.
 */
export function dropRemovedKeys(c, itemEls, ctx) {
  const present = new Set(itemEls.map((el) => el.rioKey ?? null));
  const known = c.rioKnownKeys ?? present;
  c.rioKnownKeys = present;
  const selected = c.props.selected_items ?? [];
  const kept = selected.filter((key) => present.has(key) || !known.has(key));
  if (kept.length === selected.length || c.props.selection_mode === "none") return;
  c.props.selected_items = kept;
  ctx.sendEvent(c.id, "selection_change", kept);
}

function refreshList(c, ctx) {
  const children = [...c.el.children];
  const grouped = children.map(isGrouped);
  children.forEach((el, i) => {
    el.classList.toggle("rio-lv-grouped", grouped[i]);
    el.classList.toggle("rio-lv-top", grouped[i] && !grouped[i - 1]);
    el.classList.toggle("rio-lv-bottom", grouped[i] && !grouped[i + 1]);
  });
  const items = [...c.el.querySelectorAll(".rio-lv-item")].filter(
    (item) => item.parentElement.closest(".rio-lv") === c.el,
  );
  dropRemovedKeys(c, items, ctx);
  const mode = c.props.selection_mode;
  const selected = c.props.selected_items ?? [];
  for (const item of items) {
    const key = item.rioKey ?? null;
    const selectable = mode !== "none" && key !== null;
    item.classList.toggle("rio-lv-selectable", selectable);
    item.classList.toggle("rio-lv-selected", selectable && selected.includes(key));
    item.setAttribute("aria-selected", String(selectable && selected.includes(key)));
    if (!selectable) item.removeAttribute("aria-selected");
  }
}

function listOf(el, ctx) {
  const listEl = el.parentElement?.closest(".rio-lv");
  return listEl ? ctx.components.get(Number(listEl.dataset.rioId)) ?? null : null;
}

/** Click on an item: select it (by its key) in its list, and/or press it. */
function onItemClick(c, event, ctx) {
  const key = c.props._list_key;
  const list = listOf(c.el, ctx);
  let handled = false;
  if (list && list.props.selection_mode !== "none" && key !== null) {
    const current = list.props.selected_items ?? [];
    const isSelected = current.includes(key);
    let next;
    if (list.props.selection_mode === "single") next = isSelected ? [] : [key];
    else next = isSelected ? current.filter((k) => k !== key) : [...current, key];
    list.props.selected_items = next;
    refreshList(list, ctx);
    ctx.sendEvent(list.id, "selection_change", next);
    handled = true;
  }
  if (c.props.on_press) {
    ctx.sendEvent(c.id, "press", null);
    handled = true;
  }
  // A list inside an item: the inner item's click is not the outer one's.
  if (handled) event.stopPropagation();
}

const CONTROLS = "button, a[href], input, textarea, select, [role=button], [role=switch], [role=checkbox], [role=slider], .rio-lv-item";

/** Whether the event is a control's inside the item (a Button on a row). */
function onControl(el, event) {
  const control = event.target.closest?.(CONTROLS);
  return !!control && control !== el && el.contains(control);
}

function itemElement(c, ctx, className) {
  const el = div(`rio-lv-item ${className}`);
  el.addEventListener("pointerdown", (event) => {
    if (onControl(el, event)) return;
    if (el.classList.contains("rio-lv-pressable") || el.classList.contains("rio-lv-selectable")) {
      ripple(el, event);
    }
  });
  el.addEventListener("click", (event) => {
    if (!onControl(el, event)) onItemClick(c, event, ctx);
  });
  return el;
}

function updateItem(c, ctx) {
  c.el.rioKey = c.props._list_key;
  c.el.classList.toggle("rio-lv-pressable", !!c.props.on_press);
  queueMicrotask(() => {
    const listEl = c.el.parentElement?.closest(".rio-lv");
    if (listEl) scheduleRefresh(listEl, ctx);
  });
}

export const renderers = {
  GroupedList: {
    defaults: { children: [], selection_mode: "none", selected_items: [], on_selection_change: null },
    create: () => {
      const el = div("rio-lv");
      el.setAttribute("role", "list");
      return el;
    },
    update(c, keys, ctx) {
      if (keys.includes("children")) ctx.syncChildren(c.el, c.props.children);
      if (c.props.selection_mode === "multiple") c.el.setAttribute("aria-multiselectable", "true");
      else c.el.removeAttribute("aria-multiselectable");
      scheduleRefresh(c.el, ctx);
    },
  },

  ListRow: {
    defaults: {
      text: "", secondary_text: "", left_child: null, right_child: null, on_press: null,
      _list_key: null,
    },
    create(c, ctx) {
      // rio-listitem: the class this row had before ListView grouped items.
      const el = itemElement(c, ctx, "rio-lv-row rio-listitem");
      el.setAttribute("role", "listitem");
      c.left = div("rio-lv-side rio-single");
      c.texts = div("rio-lv-texts");
      c.main = div("rio-text rio-style-text rio-unselectable");
      c.secondary = div("rio-text rio-style-dim rio-wrap rio-unselectable");
      c.texts.append(c.main, c.secondary);
      c.right = div("rio-lv-side rio-single");
      el.append(c.left, c.texts, c.right);
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      c.main.textContent = p.text;
      c.secondary.textContent = p.secondary_text;
      c.secondary.hidden = !p.secondary_text;
      if (keys.includes("left_child")) {
        ctx.syncChildren(c.left, p.left_child === null ? [] : [p.left_child]);
      }
      if (keys.includes("right_child")) {
        ctx.syncChildren(c.right, p.right_child === null ? [] : [p.right_child]);
      }
      updateItem(c, ctx);
    },
  },

  CustomListItem: {
    defaults: { content: null, on_press: null, _list_key: null },
    create(c, ctx) {
      const el = itemElement(c, ctx, "rio-single");
      el.setAttribute("role", "listitem");
      c.pad = div("rio-lv-pad rio-single");
      el.append(c.pad);
      return el;
    },
    update(c, keys, ctx) {
      if (keys.includes("content")) {
        ctx.syncChildren(c.pad, c.props.content === null ? [] : [c.props.content]);
      }
      updateItem(c, ctx);
    },
  },

  HeadingListItem: {
    defaults: { text: "" },
    create: () => div("rio-text rio-style-heading3 rio-lv-heading"),
    update(c) {
      c.el.textContent = c.props.text;
    },
  },

  SeparatorListItem: {
    defaults: {},
    create: () => div("rio-lv-separator"),
    update() {},
  },
};
