// What the server may ask the page to do: { method: async (...args) => value }.
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

let historyKeys = false;

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

  setTitle(title) {
    document.title = title;
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
