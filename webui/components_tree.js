// TreeView and its items, loaded when a page first shows one (see
// lazyRendererModules in components.js). Renderer contract: components.js.
//
// An item is a head row (expand button + content) above a box of nested
// items, shown while it is expanded. The expand button opens and closes it;
// a click elsewhere on the head selects it (by its key, `_list_key`) in the
// tree it sits in, found with closest(); a click on the content also
// presses it. Both respond to Enter and Space when focused.
import { div } from "./components_content.js";
import { dropRemovedKeys } from "./components_banner_lists.js";
import { ripple } from "./components_layout.js";

const CSS = `
.rio-tree { display: flex; flex-direction: column; }
.rio-tree-item { display: flex; flex-direction: column; padding: 0.2rem; }
.rio-tree-head { display: flex; align-items: center; gap: 0.5rem; transition: background-color 0.1s ease-out; }
.rio-tree-item.rio-tree-selectable > .rio-tree-head { cursor: pointer; }
.rio-tree-item.rio-tree-selectable > .rio-tree-head:hover { background: var(--rio-background-active); }
.rio-tree-item.rio-tree-selected > .rio-tree-head { background: var(--rio-secondary); }
.rio-tree-item.rio-tree-selected > .rio-tree-head:hover { background: var(--rio-secondary-active); }
.rio-tree-head:focus-visible, .rio-tree-toggle:focus-visible { outline: 2px solid var(--rio-accent, Highlight); outline-offset: 2px; }
.rio-tree-toggle { display: grid; min-width: 1rem; align-self: center; }
.rio-tree-toggle > * { grid-area: 1 / 1; }
.rio-tree-toggle[role=button] { cursor: pointer; border-radius: 99999px; }
.rio-tree-toggle[role=button]:hover { background-color: rgba(255, 255, 255, 0.15); }
.rio-tree-toggle > svg { width: 1rem; height: 1rem; fill: currentColor; }
.rio-tree-body { position: relative; flex: 1 1 auto; min-width: 0; transition: background-color 0.1s ease-out; }
.rio-tree-body.rio-tree-pressable { cursor: pointer; overflow: hidden; }
.rio-tree-body.rio-tree-pressable:hover { background: var(--rio-background-active); }
.rio-tree-row { display: flex; align-items: center; gap: 1rem; }
.rio-tree-texts { display: flex; flex-direction: column; justify-content: center; gap: 0.5rem; flex: 1 1 auto; min-width: 0; }
.rio-tree-side:empty { display: none; }
.rio-tree-kids { display: flex; flex-direction: column; margin-left: 1.5rem; }
.rio-tree-kids[hidden] { display: none; }
`;
const style = document.createElement("style");
style.textContent = CSS;
document.head.append(style);

// The default expand buttons: a right arrow (closed), a down arrow (open),
// a ring (no children). 24-unit boxes, drawn here.
const SHAPES = {
  closed: "<polygon points='10,7 15,12 10,17'/>",
  open: "<polygon points='7,10 12,15 17,10'/>",
  disabled: "<circle cx='12' cy='12' r='8.5' fill='none' stroke='currentColor' stroke-width='2'/>",
};

function shape(state) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.innerHTML = SHAPES[state];
  return svg;
}

// --- the tree: which items are selectable and selected ----------------------

function treeComponent(el, ctx) {
  const treeEl = el.parentElement?.closest(".rio-tree");
  return treeEl ? ctx.components.get(Number(treeEl.dataset.rioId)) ?? null : null;
}

/** Restyle a tree's items once, after this round of updates. */
function refreshSoon(treeEl, ctx) {
  if (treeEl.rioRefreshQueued) return;
  treeEl.rioRefreshQueued = true;
  queueMicrotask(() => {
    treeEl.rioRefreshQueued = false;
    const tree = ctx.components.get(Number(treeEl.dataset.rioId));
    if (tree?.el === treeEl) refreshTree(tree, ctx);
  });
}

function refreshTree(tree, ctx) {
  const items = [...tree.el.querySelectorAll(".rio-tree-item")].filter(
    (item) => item.parentElement.closest(".rio-tree") === tree.el,
  );
  dropRemovedKeys(tree, items, ctx);
  const mode = tree.props.selection_mode;
  const selected = tree.props.selected_items ?? [];
  for (const item of items) {
    const key = item.rioKey ?? null;
    const selectable = mode !== "none" && key !== null;
    const isSelected = selectable && selected.includes(key);
    item.classList.toggle("rio-tree-selectable", selectable);
    item.classList.toggle("rio-tree-selected", isSelected);
    if (selectable) {
      item.setAttribute("aria-selected", String(isSelected));
      item.head.tabIndex = 0;
    } else {
      item.removeAttribute("aria-selected");
      item.head.removeAttribute("tabindex");
    }
  }
}

/** The user pressed an item's head: select or unselect it in its tree. */
function select(c, ctx) {
  const tree = treeComponent(c.el, ctx);
  const key = c.props._list_key;
  if (!tree || tree.props.selection_mode === "none" || key === null) return false;
  const keys = tree.props.selected_items ?? [];
  const single = tree.props.selection_mode === "single";
  const rest = keys.filter((k) => k !== key);
  let next;
  if (rest.length < keys.length) next = single ? [] : rest; // it was selected
  else next = single ? [key] : [...keys, key];
  tree.props.selected_items = next;
  refreshTree(tree, ctx);
  ctx.sendEvent(tree.id, "selection_change", next);
  return true;
}

// --- an item ------------------------------------------------------------

const isActivation = (event) => event.key === "Enter" || event.key === " ";

/** Whether the event comes from a control inside the content (a Button). */
function fromControl(c, event) {
  const control = event.target.closest?.("button, a[href], input, textarea, select, [role=button], [role=switch], [role=checkbox], [role=slider]");
  return !!control && c.body.contains(control);
}

function toggle(c, ctx) {
  if (!(c.props.children ?? []).length) return;
  c.props.is_expanded = !c.props.is_expanded;
  showExpansion(c, ctx);
  ctx.sendEvent(c.id, "expansion_change", c.props.is_expanded);
}

function showExpansion(c, ctx) {
  const p = c.props;
  const hasChildren = (p.children ?? []).length > 0;
  const state = hasChildren ? (p.is_expanded ? "open" : "closed") : "disabled";
  c.kids.hidden = !(hasChildren && p.is_expanded);
  if (hasChildren) c.el.setAttribute("aria-expanded", String(!!p.is_expanded));
  else c.el.removeAttribute("aria-expanded");
  if (hasChildren) {
    c.toggle.setAttribute("role", "button");
    c.toggle.tabIndex = 0;
    c.toggle.setAttribute("aria-label", p.is_expanded ? "Collapse" : "Expand");
  } else {
    c.toggle.removeAttribute("role");
    c.toggle.removeAttribute("tabindex");
    c.toggle.removeAttribute("aria-label");
  }
  const custom = p[`expand_button_${state}`];
  if (custom !== null && custom !== undefined) ctx.syncChildren(c.toggle, [custom]);
  else if (c.toggle.dataset.shape !== state || c.toggle.querySelector(":scope > :not(svg)")) {
    ctx.syncChildren(c.toggle, []);
    c.toggle.replaceChildren(shape(state));
  }
  c.toggle.dataset.shape = custom === null || custom === undefined ? state : "";
}

function createItem(c, ctx) {
  const el = div("rio-tree-item");
  el.setAttribute("role", "treeitem");
  c.head = el.head = div("rio-tree-head");
  c.toggle = div("rio-tree-toggle");
  c.body = div("rio-tree-body rio-single");
  c.kids = div("rio-tree-kids");
  c.kids.setAttribute("role", "group");
  c.head.append(c.toggle, c.body);
  el.append(c.head, c.kids);

  c.toggle.addEventListener("click", (event) => {
    event.stopPropagation();
    if (!event.ctrlKey && !event.metaKey) toggle(c, ctx);
  });
  c.toggle.addEventListener("keydown", (event) => {
    if (!isActivation(event) || event.target !== c.toggle) return;
    event.preventDefault();
    event.stopPropagation();
    toggle(c, ctx);
  });
  c.body.addEventListener("pointerdown", (event) => {
    if (c.props.on_press && !fromControl(c, event)) ripple(c.body, event);
  });
  c.body.addEventListener("click", (event) => {
    if (c.props.on_press && !fromControl(c, event)) ctx.sendEvent(c.id, "press", null);
  });
  c.head.addEventListener("click", (event) => {
    if (fromControl(c, event)) return;
    // A tree inside an item: the inner item's click is not the outer one's.
    if (select(c, ctx)) event.stopPropagation();
  });
  c.head.addEventListener("keydown", (event) => {
    if (!isActivation(event) || event.target !== c.head) return;
    event.preventDefault();
    select(c, ctx);
  });
  return el;
}

function updateItem(c, keys, ctx) {
  const p = c.props;
  c.el.rioKey = p._list_key;
  c.body.classList.toggle("rio-tree-pressable", !!p.on_press);
  if (keys.includes("children")) ctx.syncChildren(c.kids, p.children ?? []);
  showExpansion(c, ctx);
  // A new item is put in its tree after its update: look for it then.
  queueMicrotask(() => {
    const treeEl = c.el.closest(".rio-tree");
    if (treeEl) refreshSoon(treeEl, ctx);
  });
}

const ITEM_DEFAULTS = {
  content: null, children: [], is_expanded: false, on_press: null, on_expansion_change: null,
  expand_button_open: null, expand_button_closed: null, expand_button_disabled: null,
  _list_key: null,
};

export const renderers = {
  TreeView: {
    defaults: { root_items: [], selection_mode: "none", selected_items: [], on_selection_change: null },
    create: () => {
      const el = div("rio-tree");
      el.setAttribute("role", "tree");
      return el;
    },
    update(c, keys, ctx) {
      if (keys.includes("root_items")) ctx.syncChildren(c.el, c.props.root_items);
      if (c.props.selection_mode === "multiple") c.el.setAttribute("aria-multiselectable", "true");
      else c.el.removeAttribute("aria-multiselectable");
      refreshSoon(c.el, ctx);
    },
  },

  TreeItem: {
    defaults: ITEM_DEFAULTS,
    create: createItem,
    update(c, keys, ctx) {
      if (keys.includes("content")) {
        ctx.syncChildren(c.body, c.props.content === null ? [] : [c.props.content]);
      }
      updateItem(c, keys, ctx);
    },
  },

  TreeRow: {
    defaults: { ...ITEM_DEFAULTS, content: "", secondary_text: "", left_child: null, right_child: null },
    create(c, ctx) {
      const el = createItem(c, ctx);
      c.row = div("rio-tree-row");
      c.left = div("rio-tree-side rio-single");
      c.texts = div("rio-tree-texts");
      c.main = div("rio-text rio-style-text rio-unselectable");
      c.mainChild = div("rio-single");
      c.secondary = div("rio-text rio-style-dim rio-wrap rio-unselectable");
      c.texts.append(c.main, c.mainChild, c.secondary);
      c.right = div("rio-tree-side rio-single");
      c.row.append(c.left, c.texts, c.right);
      c.body.append(c.row);
      return el;
    },
    update(c, keys, ctx) {
      const p = c.props;
      if (keys.includes("content")) {
        // A text, or a component shown in its place.
        const isText = typeof p.content === "string";
        c.main.textContent = isText ? p.content : "";
        c.main.style.display = isText ? "" : "none";
        ctx.syncChildren(c.mainChild, isText || p.content === null ? [] : [p.content]);
        c.mainChild.style.display = isText ? "none" : "";
      }
      c.secondary.textContent = p.secondary_text;
      c.secondary.style.display = p.secondary_text ? "" : "none";
      if (keys.includes("left_child")) {
        ctx.syncChildren(c.left, p.left_child === null ? [] : [p.left_child]);
      }
      if (keys.includes("right_child")) {
        ctx.syncChildren(c.right, p.right_child === null ? [] : [p.right_child]);
      }
      updateItem(c, keys, ctx);
    },
  },
};
