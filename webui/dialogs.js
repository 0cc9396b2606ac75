// Dialogs: each open dialog is a full-screen layer above the app, holding
// the content the app built. A modal dialog dims and blocks the app; a
// user-closeable one closes on a click outside its content, or on Escape.

// Where a click lands on no visible content: the dialog's own layer, or a
// wrapper of a high-level component that fills the screen around it.
function isOutside(dialog, target) {
  if (!dialog.contains(target)) return true;
  return target === dialog || target.classList.contains("rio-highlevel");
}

function requestClose(c, ctx) {
  if (c.props.user_closeable) ctx.sendEvent(c.id, "close-request", null);
}

const open = new Map(); // element -> { c, ctx }

function topmost() {
  let last = null;
  for (const el of document.querySelectorAll(".rio-dialogs > .rio-dialog")) last = el;
  return last ? open.get(last) : null;
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const entry = topmost();
  if (entry) requestClose(entry.c, entry.ctx);
});

// A click outside a non-modal dialog falls through to the app; it still
// closes the dialog if the user may close it.
document.addEventListener(
  "pointerdown",
  (event) => {
    const entry = topmost();
    if (!entry || entry.c.props.modal) return;
    if (isOutside(entry.c.el, event.target)) requestClose(entry.c, entry.ctx);
  },
  true,
);

function classes(c) {
  c.el.className = "rio-dialog rio-single";
  c.el.classList.toggle("rio-modal", !!c.props.modal);
}

export const dialogRenderers = {
  DialogContainer: {
    defaults: { content: null, modal: true, user_closeable: true },
    create(c, ctx) {
      const el = document.createElement("div");
      c.el = el;
      classes(c);
      open.set(el, { c, ctx });
      el.addEventListener("click", (event) => {
        if (c.props.modal && isOutside(el, event.target)) requestClose(c, ctx);
      });
      return el;
    },
    update(c, keys, ctx) {
      classes(c);
      if (keys.includes("content")) {
        ctx.syncChildren(c.el, c.props.content === null ? [] : [c.props.content]);
      }
      if (!c.el.isConnected) return;
      // Forget dialogs that left the page.
      for (const el of open.keys()) if (!el.isConnected && el !== c.el) open.delete(el);
    },
  },
};

// The app behind a modal dialog takes no focus or clicks (AppRoot calls it).
export function blockBehindModal(appElement, dialogLayer) {
  for (const el of open.keys()) if (!el.isConnected) open.delete(el);
  appElement.inert = dialogLayer.querySelector(":scope > .rio-modal") !== null;
}
