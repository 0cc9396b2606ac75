// What the server may ask the page to do: { method: async (...args) => value }.
// Replies travel back as {type: "reply", call_id, ok, value | error}.

export const pageCalls = {
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
};
