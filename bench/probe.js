// Injected into every benchmark page before the app's own scripts.
//
// Finds a text in the page as soon as it is rendered: present in the DOM and
// laid out with a non-zero box (getBoundingClientRect forces style and
// layout, so that cost is counted). Times are performance.now(), i.e.
// milliseconds since navigation start. Nothing here waits for an animation
// frame: headless Chromium's 60 Hz frame clock would round every figure up
// to 16.7 ms for every framework alike.
(() => {
  function textElement(node, expected) {
    if (node.nodeType === Node.TEXT_NODE) {
      return node.data.trim() === expected ? node.parentElement : null;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE) {
      return null;
    }
    if (!(node.textContent || "").includes(expected)) return null;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.data.trim() === expected) return text.parentElement;
    }
    return null;
  }

  function laidOut(el) {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }

  // Resolves with performance.now() once `expected` is rendered.
  function waitForText(expected, timeoutMs) {
    return new Promise((resolve, reject) => {
      let finished = false;
      const finish = (error) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(performance.now());
      };
      // Found but not yet laid out (hidden, zero size): check each frame.
      const whenLaidOut = (el) => {
        if (finished) return;
        if (el.isConnected && laidOut(el)) finish();
        else requestAnimationFrame(() => whenLaidOut(el));
      };
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const nodes = record.type === "characterData" ? [record.target] : record.addedNodes;
          for (const node of nodes) {
            const el = textElement(node, expected);
            if (el) return whenLaidOut(el);
          }
        }
      });
      const timer = setTimeout(
        () => finish(new Error(`"${expected}" did not appear within ${timeoutMs} ms`)),
        timeoutMs,
      );
      observer.observe(document, { subtree: true, childList: true, characterData: true });
      if (document.body) {
        const el = textElement(document.body, expected);
        if (el) whenLaidOut(el);
      }
    });
  }

  // Where to click to press the element showing `label` (page pixels).
  function centerOf(label) {
    const target = document.body && textElement(document.body, label);
    if (!target) throw new Error(`no element shows "${label}"`);
    const box = target.getBoundingClientRect();
    return [box.x + box.width / 2, box.y + box.height / 2];
  }

  // Arm a measurement: the clock starts at the next pointerdown (the real
  // mouse click Playwright sends next) and stops once `expected` is rendered.
  // Returns where to click; `result()` resolves with the milliseconds.
  function arm(label, expected, timeoutMs = 180000) {
    const at = centerOf(label);
    let start = null;
    const onDown = () => { start = performance.now(); };
    window.addEventListener("pointerdown", onDown, { capture: true, once: true });
    const shown = waitForText(expected, timeoutMs);
    pending = shown.then((end) => {
      if (start === null) throw new Error("the click never arrived");
      return end - start;
    });
    pending.catch(() => {});
    return at;
  }

  let pending = null;
  function result() {
    return pending;
  }

  window.__bench = { waitForText, arm, result, firstRender: null };
  waitForText("Bench ready", 60000).then((t) => { window.__bench.firstRender = t; });
})();
