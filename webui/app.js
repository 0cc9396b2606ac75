// The page: one websocket to the server, deltas applied to the DOM.
import { lazyRendererModules, renderers } from "./components.js";
import { applyLayout, keepGrowClasses, syncChildren, touchesLayout } from "./layout.js";
import { applyTheme } from "./text_style.js";
import { applyExtras, forgetAllExtras, forgetExtras, hasExtras } from "./component_extras.js";

const boot = window.rioBoot; // boot.js, inlined in index.html
const appRoot = document.getElementById("rio-app");
const connectionOverlay = document.getElementById("rio-connection");

/** id -> { id, type, props, el } */
const components = new Map();
let socket = null;
let everConnected = false;
let retryDelay = 250;
// 4001s in a row (reset by a session's first message): after the first, the
// next waits, so a misconfigured site is not asked in a tight loop.
let freshTries = 0;
// The next delta replaces what the page shows (see connect).
let resetOnNextDelta = false;

const windowSize = boot.windowSize;

// The app's connection-lost component (App(build_connection_lost_message=)):
// built in advance, since the server cannot send it once the connection is
// gone, and shown in #rio-connection, over the app, while the socket is down.
// It stays out of the document until then (no hidden duplicate texts).
const lostLayer = document.createElement("div");
lostLayer.className = "rio-single rio-connection-lost";
lostLayer.style.cssText = "grid-area: 1 / 1; place-self: stretch; pointer-events: none";

function showConnectionLost(lost) {
  connectionOverlay.hidden = !lost;
  if (lost) connectionOverlay.appendChild(lostLayer);
  else lostLayer.remove();
}

renderers.RootContent = {
  defaults: { content: null, connection_lost: null },
  create() {
    const el = document.createElement("div");
    el.className = "rio-single";
    return el;
  },
  update(c, keys, ctx) {
    if (keys.includes("content")) {
      ctx.syncChildren(c.el, c.props.content === null ? [] : [c.props.content]);
    }
    if (keys.includes("connection_lost")) {
      const lost = c.props.connection_lost;
      ctx.syncChildren(lostLayer, lost === null ? [] : [lost]);
    }
  },
};

// --- talking to the server -----------------------------------------------

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
  }
}

function sendEvent(id, name, payload) {
  send({ type: "event", id, name, payload });
}

function connect(first = false) {
  let early = [];
  let resized = false;
  if (first) {
    ({ socket, early, resized } = boot.takeOver());
  } else {
    // Its session resumes with everything (a reset), or, where the socket
    // landed in another server process, a new session starts: its first
    // delta must replace what the page shows as well.
    resetOnNextDelta = true;
    socket = boot.openSocket();
  }
  const opened = () => {
    everConnected = true;
    retryDelay = 250;
    showConnectionLost(false);
  };
  if (socket.readyState === WebSocket.OPEN) opened();
  socket.addEventListener("open", opened);
  socket.addEventListener("message", (event) => handleMessage(JSON.parse(event.data)));
  for (const event of early) handleMessage(JSON.parse(event.data));
  if (resized) {
    // The hello's size is out of date: send the current one after it.
    const report = () => send({ type: "resize", ...windowSize() });
    if (socket.readyState === WebSocket.OPEN) report();
    else socket.addEventListener("open", report, { once: true });
  }
  socket.addEventListener("close", (event) => {
    socket = null;
    if (window.__rioClosing) return;
    if (event.code === 4001) {
      // No session for this page's token where the socket landed: its server
      // process ended, or the page came back too late. Start a fresh one.
      showConnectionLost(everConnected);
      setTimeout(startFreshSession, freshTries === 0 ? 0 : Math.min(250 * 2 ** freshTries, 4000));
      freshTries += 1;
      return;
    }
    showConnectionLost(everConnected);
    setTimeout(() => connect(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, 4000);
  });
}

/** A new token for this page, then a new session for its URL, in place. A
 * page whose files are out of date (the site was updated) reloads instead. */
async function startFreshSession() {
  let answer;
  try {
    const response = await fetch(`${boot.config.base}rio-desktop/page-token`, {
      cache: "no-store",
      credentials: "same-origin",
    });
    answer = response.ok ? await response.json() : null;
  } catch {
    // Unreachable for now: try again, as after any drop.
    setTimeout(startFreshSession, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 4000);
    return;
  }
  if (typeof answer?.token !== "string" || answer.version !== boot.config.version) {
    location.reload();
    return;
  }
  boot.config.token = answer.token;
  connect();
}

// Messages held, in order, while renderer modules a delta needs are loading.
let heldMessages = null;
const loadingModules = new Map();
const failedModules = new Set(); // their types show as unknown components

function handleMessage(message) {
  if (heldMessages !== null) {
    heldMessages.push(message);
    return;
  }
  let loads = [];
  if (message.type === "delta") loads = modulesFor(message).map(loadRenderers);
  else if (message.type === "call" && !(message.method in EARLY_CALLS) && !pageCalls) {
    loads = [loadPageCalls()];
  }
  if (loads.length === 0) {
    dispatch(message);
    return;
  }
  heldMessages = [message];
  Promise.allSettled(loads).then(() => {
    const held = heldMessages;
    heldMessages = null;
    // A held delta that needs yet another module holds the rest again.
    for (const next of held) handleMessage(next);
  });
}

/** The not yet loaded modules whose renderers `delta` needs. */
function modulesFor(delta) {
  const modules = new Set();
  for (const props of Object.values(delta.components)) {
    const type = props._type;
    const module = lazyRendererModules[type];
    if (module && !(type in renderers) && !failedModules.has(module)) modules.add(module);
  }
  return [...modules];
}

function loadRenderers(module) {
  if (!loadingModules.has(module)) {
    const loading = import(module).then(
      (loaded) => Object.assign(renderers, loaded.renderers),
      (error) => {
        failedModules.add(module);
        console.error(`rio-desktop: loading ${module} failed`, error);
      },
    );
    loadingModules.set(module, loading);
  }
  return loadingModules.get(module);
}

// What the server may ask the page to do lives in calls.js, loaded with the
// first call other than these (every first page sets its title).
const EARLY_CALLS = {
  setTitle(title) {
    document.title = title;
  },
  // Smoke mode (rio_desktop/_smoke.py): asked right after the first tree,
  // answered once a frame has been drawn with it: the frame after the next
  // has begun. True if the app's root has content.
  afterPaint() {
    return new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => resolve(appRoot.childElementCount > 0)),
      ),
    );
  },
};
let pageCalls = null;
let pageCallsLoading = null;

function loadPageCalls() {
  pageCallsLoading ??= import("./calls.js").then(
    (loaded) => (pageCalls = loaded.pageCalls),
    (error) => {
      pageCalls = {}; // its calls then fail with "the page has no call"
      console.error("rio-desktop: loading ./calls.js failed", error);
    },
  );
  return pageCallsLoading;
}

function dispatch(message) {
  freshTries = 0;
  switch (message.type) {
    case "delta":
      if (resetOnNextDelta) {
        resetOnNextDelta = false;
        message.reset = true;
      }
      applyDelta(message);
      break;
    case "theme":
      applyTheme(message.vars);
      break;
    case "call":
      runCall(message);
      break;
    default:
      console.warn("rio-desktop: unknown message", message.type);
  }
}

async function runCall({ call_id, method, args }) {
  const handler = EARLY_CALLS[method] ?? pageCalls?.[method];
  let reply;
  try {
    if (!handler) throw new Error(`the page has no call ${method}`);
    const value = await handler(...args);
    reply = { type: "reply", call_id, ok: true, value: value ?? null };
  } catch (error) {
    reply = { type: "reply", call_id, ok: false, error: String(error?.message ?? error) };
  }
  if (call_id !== 0) send(reply);
}

// --- applying deltas ---------------------------------------------------------

const ctx = {
  element(id) {
    return components.get(id)?.el ?? null;
  },
  sendEvent,
  syncChildren(container, ids) {
    const elements = [];
    for (const id of ids) {
      const el = ctx.element(id);
      if (el) elements.push(el);
    }
    syncChildren(container, elements);
  },
  send,
  components,
};

function applyDelta(delta) {
  if (delta.reset) {
    forgetAllExtras();
    components.clear();
    appRoot.replaceChildren();
    document.querySelectorAll(".rio-dialogs").forEach((el) => el.remove());
  }
  const created = [];
  const updated = [];
  // First create every new element, so parents can place new children.
  for (const [key, props] of Object.entries(delta.components)) {
    const id = Number(key);
    if (props._type !== undefined) {
      const renderer = renderers[props._type] ?? renderers.ErrorPlaceholder;
      const c = { id, type: props._type, props: { ...renderer.defaults, ...props }, el: null };
      if (!renderers[props._type]) {
        c.props = { summary: `Unknown component type ${props._type}`, details: "" };
        c.type = "ErrorPlaceholder";
      }
      c.el = renderer.create(c, ctx);
      c.el.dataset.rioId = key;
      components.set(id, c);
      created.push(c);
    } else {
      const c = components.get(id);
      if (!c) continue;
      Object.assign(c.props, props);
      updated.push([c, Object.keys(props)]);
    }
  }
  // Then fill them in, children before parents is not needed: ids resolve.
  for (const c of created) {
    const renderer = renderers[c.type];
    renderer.update(c, Object.keys(c.props), ctx);
    // Layout fields at their defaults are not sent, and a fresh element
    // already looks like the defaults: skip the style writes (5,000 rows).
    // (Unless the renderer's own defaults are layout: a Spacer grows.)
    renderer.layoutDefaults ??= touchesLayout(Object.keys(renderer.defaults ?? {}));
    if (renderer.layoutDefaults || touchesLayout(Object.keys(delta.components[c.id]))) {
      applyLayout(c.el, c.props);
    }
    if (hasExtras(c.props)) applyExtras(c, Object.keys(c.props), ctx);
  }
  for (const [c, keys] of updated) {
    renderers[c.type].update(c, keys, ctx);
    if (touchesLayout(keys)) applyLayout(c.el, c.props);
    else keepGrowClasses(c.el, c.props); // renderers may reset className
    if (hasExtras(c.props)) applyExtras(c, keys, ctx);
  }
  for (const id of delta.removed ?? []) {
    const c = components.get(id);
    if (!c) continue;
    components.delete(id);
    forgetExtras(c);
    c.el.remove();
    c.dialogLayer?.remove();
  }
  if (delta.root !== undefined && delta.root !== null) {
    const root = components.get(delta.root);
    if (root) appRoot.replaceChildren(root.el);
  }
}

// --- the browser's side of things -----------------------------------------

let resizePending = false;
window.addEventListener("resize", () => {
  if (resizePending) return;
  resizePending = true;
  requestAnimationFrame(() => {
    resizePending = false;
    send({ type: "resize", ...windowSize() });
  });
});

matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (event) => {
  send({ type: "color_scheme", prefers_dark: event.matches });
});

window.addEventListener("popstate", () => {
  send({ type: "navigate", url: location.href });
});

// Files dropped anywhere but on a FilePickerArea (it handles its own) must
// not make the window or tab open them in place of the app.
for (const type of ["dragover", "drop"]) {
  document.addEventListener(type, (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    if (type === "dragover") event.dataTransfer.dropEffect = "none";
  });
}

window.rioDesktop = { components, send, sendEvent, get socket() { return socket; } };

connect(true);
