// PointerEventListener, loaded when a page first shows one (see
// lazyRendererModules in components.js). Renderer contract: components.js.
// MouseEventListener is drawn by this renderer too (its Python side wraps a
// PointerEventListener).
//
// Drags behave as in Rio 0.12.3: a drag starts when the (left, for a mouse)
// button goes down over the listener, every move until the button is
// released is reported even outside the listener, and a drag that moved
// swallows the click that follows (no press).
import { ChangeSender } from "./components_inputs_more.js";

const MOUSE_BUTTONS = ["left", "middle", "right"];

/** Pointer events of a PointerEventListener, in font-heights. */
function wirePointer(c, ctx, el) {
  const unit = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const describe = (event) => {
    const box = el.getBoundingClientRect();
    const u = unit();
    return {
      pointer_type: event.pointerType || "mouse",
      button: event.pointerType === "mouse" || !event.pointerType
        ? MOUSE_BUTTONS[event.button] ?? null : null,
      window_x: event.clientX / u,
      window_y: event.clientY / u,
      component_x: (event.clientX - box.left) / u,
      component_y: (event.clientY - box.top) / u,
    };
  };
  const wants = (name, data) => {
    const value = c.props[name];
    if (!value) return false;
    if (Array.isArray(value)) return data.button !== null && value.includes(data.button);
    return true;
  };
  // Moves are collapsed to one per SEND_INTERVAL; the movement adds up.
  const moveSender = (name) => {
    const sender = new ChangeSender(ctx, c.id, name);
    return (data, event) => {
      const u = unit();
      const pending = sender.pending;
      data.relative_x = (event.movementX || 0) / u + (pending?.relative_x ?? 0);
      data.relative_y = (event.movementY || 0) / u + (pending?.relative_y ?? 0);
      sender.queue(data);
      return sender;
    };
  };
  const sendMove = moveSender("pointer_move");
  const sendDrag = moveSender("drag_move");
  // The component under the pointer (MouseEventListener's drag events name it).
  const target = (event) => {
    const hit = document.elementFromPoint(event.clientX, event.clientY)?.closest("[data-rio-id]");
    return hit ? Number(hit.dataset.rioId) : null;
  };

  let down = false; // a button went down over the listener, not yet up
  let drag = null; // { moved, sender } while a drag is in progress
  const swallowClick = (event) => {
    event.stopPropagation();
    event.preventDefault();
  };
  // While dragging, moves and the release are taken at the window, before
  // anything else sees them (as Rio does).
  const dragMove = (event) => {
    drag.moved = true;
    event.stopPropagation();
    event.preventDefault();
    if (c.props.on_drag_move) {
      drag.sender = sendDrag({ ...describe(event), target: target(event) }, event);
    }
  };
  const dragEnd = (event) => {
    window.removeEventListener("pointermove", dragMove, true);
    window.removeEventListener("pointerup", dragEnd, true);
    window.removeEventListener("pointercancel", dragEnd, true);
    const { moved, sender } = drag;
    drag = null;
    sender?.flush();
    if (moved) {
      // The release and the click after it are the drag's: no press.
      down = false;
      event.stopPropagation();
      window.addEventListener("click", swallowClick, true);
      requestAnimationFrame(() => window.removeEventListener("click", swallowClick, true));
    }
    if (c.props.on_drag_end && el.isConnected) {
      ctx.sendEvent(c.id, "drag_end", { ...describe(event), target: target(event) });
    }
  };
  const startDrag = (event) => {
    drag = { moved: false, sender: null };
    window.addEventListener("pointermove", dragMove, true);
    window.addEventListener("pointerup", dragEnd, true);
    window.addEventListener("pointercancel", dragEnd, true);
    // No text selection or focus change under a drag.
    event.preventDefault();
    if (c.props.on_drag_start) {
      ctx.sendEvent(c.id, "drag_start", { ...describe(event), target: target(event) });
    }
  };

  // Listeners are added by the renderer's update, in the phase event_order
  // asks for; an event this listener reported goes no further if it
  // consumes events (a listener around it does not see it).
  const listeners = [];
  const on = (type, handle) => {
    listeners.push([type, (event) => {
      if (handle(event) && c.props.consume_events) event.stopPropagation();
    }]);
  };

  on("pointerdown", (event) => {
    const data = describe(event);
    const reported = wants("on_pointer_down", data);
    if (reported) ctx.sendEvent(c.id, "pointer_down", data);
    down = true;
    const draggable = c.props.on_drag_start || c.props.on_drag_move || c.props.on_drag_end;
    if (draggable && !drag && (event.pointerType !== "mouse" || event.button === 0)) {
      startDrag(event);
      return true;
    }
    return reported || Boolean(c.props.on_press || c.props.on_double_press);
  });
  on("pointermove", (event) => {
    if (!c.props.on_pointer_move) return false;
    sendMove(describe(event), event);
    return true;
  });
  const finish = (event, cancelled) => {
    const data = describe(event);
    let reported = false;
    if (!cancelled && wants("on_pointer_up", data)) {
      ctx.sendEvent(c.id, "pointer_up", data);
      reported = true;
    }
    if (!cancelled && down && wants("on_press", data)) {
      const box = el.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right &&
                     event.clientY >= box.top && event.clientY <= box.bottom;
      if (inside) ctx.sendEvent(c.id, "press", data);
      reported = inside;
    }
    down = false;
    return reported;
  };
  on("pointerup", (event) => finish(event, false));
  on("pointercancel", (event) => finish(event, true));
  on("dblclick", (event) => {
    const data = describe(event);
    if (!wants("on_double_press", data)) return false;
    ctx.sendEvent(c.id, "double_press", data);
    return true;
  });
  el.addEventListener("pointerenter", (event) => {
    if (c.props.on_pointer_enter) ctx.sendEvent(c.id, "pointer_enter", describe(event));
  });
  el.addEventListener("pointerleave", (event) => {
    if (c.props.on_pointer_leave) ctx.sendEvent(c.id, "pointer_leave", describe(event));
  });
  // The right button never gives a click; let on_press see it instead of a menu.
  el.addEventListener("contextmenu", (event) => {
    const value = c.props.on_press;
    if (Array.isArray(value) && value.includes("right")) event.preventDefault();
  });
  return listeners;
}

export const renderers = {
  PointerEventListener: {
    defaults: {
      on_press: null, on_pointer_down: null, on_pointer_up: null, on_pointer_move: null,
      on_pointer_enter: null, on_pointer_leave: null, on_drag_start: null,
      on_drag_move: null, on_drag_end: null, on_double_press: null,
      consume_events: true, event_order: "after-child",
    },
    create(c, ctx) {
      const el = document.createElement("div");
      el.className = "rio-single rio-pointer-listener";
      c.pointerListeners = wirePointer(c, ctx, el);
      return el;
    },
    update(c, keys, ctx) {
      if (keys.includes("content")) ctx.syncChildren(c.el, [c.props.content]);
      if (keys.includes("event_order")) {
        // "before-child": the capture phase, before the content's handlers.
        const capture = c.props.event_order === "before-child";
        for (const [type, listener] of c.pointerListeners) {
          if (c.pointerCapture !== undefined) {
            c.el.removeEventListener(type, listener, { capture: c.pointerCapture });
          }
          c.el.addEventListener(type, listener, { capture });
        }
        c.pointerCapture = capture;
      }
    },
  },
};
