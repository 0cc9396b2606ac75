// What the server may ask the page to do: { method: async (...args) => value }.
// app.js loads this module with the first such call (see EARLY_CALLS there).
// Replies travel back as {type: "reply", call_id, ok, value | error}.

// --- UserSettings in website mode: the browser's localStorage ----------------
// One JSON object ({section: {field: value}}) per app: per origin (as all of
// localStorage) and base path, so two apps under one host keep theirs apart.

const SETTINGS_WRITE_DELAY = 250; // ms: a slider's burst makes one write
const { settingsKey } = window.rioBoot; // boot.js, inlined in index.html

let pendingSettings = null;
let settingsTimer = null;

function writeSettings() {
  clearTimeout(settingsTimer);
  settingsTimer = null;
  if (pendingSettings === null) return;
  const text = pendingSettings;
  pendingSettings = null;
  try {
    localStorage.setItem(settingsKey(), text);
  } catch (error) {
    // Storage disabled or full: the settings last as long as the session.
    console.warn("rio-desktop: could not store the settings:", error);
  }
}

// The page is left (reload, close, navigation away): write what is pending.
window.addEventListener("pagehide", writeSettings);

/** The stored settings for the hello (read in boot.js). */
export const storedSettings = window.rioBoot.storedSettings;

// --- notifications: show_notification() ------------------------------------
// Toasts stack in the top right corner; each slides in, stays, slides out.

const NOTIFICATION_MS = 5000;
const NOTIFICATION_CSS = `
.rio-notifications { position: fixed; top: 1rem; right: 1rem; z-index: 900;
  display: flex; flex-direction: column; gap: 0.8rem; width: min(25rem, calc(100vw - 2rem));
  pointer-events: none; }
.rio-notification { position: relative; overflow: hidden; pointer-events: auto;
  padding: 1rem; border-radius: var(--rio-radius-medium, 0.8rem);
  background: color-mix(in srgb, var(--rio-background, #fff) 80%, transparent);
  backdrop-filter: blur(10px); color: var(--rio-text, #222);
  box-shadow: 0 0.2rem 0.8rem rgba(0, 0, 0, 0.3);
  transform: translateX(calc(100% + 1.5rem)); transition: transform 0.2s ease-out; }
.rio-notification.rio-shown { transform: none; }
.rio-notification-tint { position: absolute; inset: 0; pointer-events: none;
  background: var(--rio-primary, #08f); opacity: 0.2;
  transition: opacity ${NOTIFICATION_MS}ms linear; }
.rio-notification-title { position: relative; margin-bottom: 0.3rem;
  font-size: var(--rio-heading3-size, 1.2rem); font-weight: var(--rio-heading3-weight, 400); }
.rio-notification-body { position: relative; }
`;

let notificationLayer = null;

function notificationStack() {
  if (notificationLayer?.isConnected) return notificationLayer;
  const style = document.createElement("style");
  style.textContent = NOTIFICATION_CSS;
  document.head.appendChild(style);
  notificationLayer = document.createElement("div");
  notificationLayer.className = "rio-notifications";
  notificationLayer.setAttribute("role", "status");
  notificationLayer.setAttribute("aria-live", "polite");
  document.body.appendChild(notificationLayer);
  return notificationLayer;
}

function showNotification(title, body) {
  const toast = document.createElement("div");
  toast.className = "rio-notification";
  const tint = document.createElement("div");
  tint.className = "rio-notification-tint";
  const heading = document.createElement("div");
  heading.className = "rio-notification-title";
  heading.textContent = title;
  const text = document.createElement("div");
  text.className = "rio-notification-body";
  text.textContent = body;
  toast.append(tint, heading, text);
  notificationStack().appendChild(toast);
  // Next frame: the toast slides in and its tint fades over its lifetime.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      toast.classList.add("rio-shown");
      tint.style.opacity = "0";
    }),
  );
  setTimeout(() => {
    toast.classList.remove("rio-shown");
    setTimeout(() => toast.remove(), 250);
  }, NOTIFICATION_MS);
}

let historyKeys = false;
let errorsModule = null;
let cookieWrites = Promise.resolve();

export const pageCalls = {
  enableHistoryKeys() {
    if (historyKeys) return;
    historyKeys = true;
    window.addEventListener("keydown", (event) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === "ArrowLeft") history.back();
      else if (event.key === "ArrowRight") history.forward();
      else return;
      event.preventDefault();
    });
    window.addEventListener("mouseup", (event) => {
      if (event.button === 3) history.back();
      else if (event.button === 4) history.forward();
    });
  },

  // setTitle is in app.js (EARLY_CALLS): this module loads on first use.

  /** grab_keyboard_focus(): focus the component's control (or itself). */
  focusComponent(id) {
    const c = window.rioDesktop.components.get(id);
    if (!c) return false;
    const target = c.control ?? c.el;
    target.focus();
    return document.activeElement === target;
  },

  showNotification,

  // An exception in the app's code: errors.js, loaded with the first one.
  async showError(report) {
    errorsModule ??= import("./errors.js");
    (await errorsModule).showError(report);
  },

  async setClipboard(text) {
    if (!navigator.clipboard) throw new Error("no clipboard API (not a secure context)");
    await navigator.clipboard.writeText(text);
  },

  async getClipboard() {
    if (!navigator.clipboard) throw new Error("no clipboard API (not a secure context)");
    return await navigator.clipboard.readText();
  },

  openUrl(url) {
    window.open(url, "_blank", "noopener");
  },

  closeTab() {
    window.__rioClosing = true;
    window.close();
  },

  // navigate_to(): a new history entry, or a replaced one.
  pushState(url) {
    if (url !== location.href) history.pushState(null, "", url);
  },

  replaceState(url) {
    history.replaceState(null, "", url);
  },

  // A UserSettings field changed: store all of them, debounced.
  saveSettings(data) {
    pendingSettings = JSON.stringify(data);
    if (settingsTimer === null) settingsTimer = setTimeout(writeSettings, SETTINGS_WRITE_DELAY);
  },

  // HttpOnly settings: the server granted a one-time URL whose response sets
  // the cookie (scripts here never see its value). One request at a time,
  // so the last change is the one that stays.
  setSettingsCookie(url) {
    cookieWrites = cookieWrites
      .then(() => fetch(url, { method: "POST", credentials: "same-origin", keepalive: true }))
      .then((response) => {
        if (!response.ok) console.warn("rio-desktop: settings cookie refused:", response.status);
      })
      .catch((error) => console.warn("rio-desktop: could not store the settings:", error));
  },

  // save_file(): the file waits at a one-time URL; a download link fetches it.
  download(url, fileName) {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  },

  // pick_file(): a file input, then one multipart POST to a one-time URL.
  // Resolves "cancelled", "uploaded", or "failed: <status>"; the browser
  // streams the files from disk, so their size does not matter here.
  pickFiles(url, accept, multiple) {
    return new Promise((resolve, reject) => {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = accept;
      input.multiple = multiple;
      input.hidden = true;
      document.body.appendChild(input);
      input.addEventListener("cancel", () => {
        input.remove();
        resolve("cancelled");
      });
      input.addEventListener("change", async () => {
        const files = Array.from(input.files ?? []);
        input.remove();
        if (files.length === 0) {
          resolve("cancelled");
          return;
        }
        const form = new FormData();
        for (const file of files) form.append("file", file, file.name);
        try {
          const response = await fetch(url, { method: "POST", body: form });
          resolve(response.ok ? "uploaded" : `failed: HTTP ${response.status}`);
        } catch (error) {
          reject(error);
        }
      });
      input.click();
    });
  },
};
