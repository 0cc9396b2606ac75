// Rio's names for keys (rio.HardwareKey, rio.SoftwareKey), derived from the
// browser's KeyboardEvent.code and .key: "KeyA" -> "a", "ArrowLeft" ->
// "arrow-left", "ShiftLeft" -> "left-shift". The server checks the result
// against Rio's lists and turns a name it does not know into "unknown".

// Where Rio's name is not the code / key split into words.
const HARDWARE_EXCEPTIONS = {
  Quote: "single-quote",
  Multiply: "asterisk",
  NumpadAdd: "numpad-plus",
  NumpadSubtract: "numpad-minus",
  NumpadMultiply: "numpad-asterisk",
  NumpadDivide: "numpad-slash",
  OSLeft: "left-meta",
  OSRight: "right-meta",
  Eject: "media-eject",
  AudioVolumeDown: "volume-down",
  AudioVolumeUp: "volume-up",
  AudioVolumeMute: "volume-mute",
  IntlBackslash: "left-backslash",
};

const SOFTWARE_EXCEPTIONS = {
  " ": "space",
  OS: "meta",
  CrSel: "cursor-select",
  ExSel: "extend-selection",
  Attn: "attention",
  ColorF4Grey: "color-f4-gray",
  Multiply: "asterisk",
  Add: "plus",
  Divide: "slash",
  Subtract: "minus",
};

// The text typed by keys whose .key is a name rather than the character.
const NAMED_KEY_TEXT = {
  enter: "\n", tab: "\t", backspace: "\b",
  plus: "+", minus: "-", asterisk: "*", slash: "/",
};

// Words of a key name: "TVInputHDMI1" -> TV Input HDMI 1, "TV3DMode" ->
// TV 3D Mode, "ColorF0Red" -> Color F0 Red, "PinPDown" -> Pin P Down.
const WORD = /[A-Z]\d+(?![a-z\d])|\d+[A-Z](?![a-z])|\d+|[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;

function words(name) {
  return (name.match(WORD) ?? []).map((w) => w.toLowerCase()).join("-");
}

export function hardwareKeyName(code) {
  if (!code || code === "Unidentified") return "unknown";
  if (code in HARDWARE_EXCEPTIONS) return HARDWARE_EXCEPTIONS[code];
  let m = /^(?:Key|Digit)([A-Z0-9])$/.exec(code);
  if (m) return m[1].toLowerCase();
  m = /^(Alt|Control|Meta|Shift)(Left|Right)$/.exec(code);
  if (m) return `${m[2].toLowerCase()}-${m[1].toLowerCase()}`;
  return words(code);
}

export function softwareKeyName(key) {
  if (!key || key === "Unidentified") return "unknown";
  if (key in SOFTWARE_EXCEPTIONS) return SOFTWARE_EXCEPTIONS[key];
  if (key.length === 1) return key.toLowerCase();
  if ([...key].length === 1) return key; // one character outside the BMP
  if (!/^[A-Z][A-Za-z0-9]*$/.test(key)) return "unknown";
  return words(key);
}

/** What a KeyEventListener reports of a keyboard event. */
export function describeKey(event) {
  const software = softwareKeyName(event.key);
  const modifiers = [];
  if (event.altKey) modifiers.push("alt");
  if (event.ctrlKey) modifiers.push("control");
  if (event.metaKey) modifiers.push("meta");
  if (event.shiftKey) modifiers.push("shift");
  return {
    hardware_key: hardwareKeyName(event.code),
    software_key: software,
    text: event.key?.length === 1 ? event.key : NAMED_KEY_TEXT[software] ?? "",
    modifiers,
  };
}

/** The lookup key of a combination of key names (order does not matter). */
export function combinationId(names) {
  return [...new Set(names)].sort().join("+");
}
