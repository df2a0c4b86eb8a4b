/**
 * Vetted JavaScript source for everything a standalone Ajv validator would otherwise `require`
 * at run time: Ajv's runtime helpers (`ucs2length`, `equal`) and the ajv-formats format checks
 * that are functions rather than regular expressions (Ajv inlines regular-expression formats as
 * literals itself). The generated `.validate.js` embeds only what it uses, so it runs as one file
 * with no node_modules beside it, and never needs code generation from strings.
 *
 * These are source *strings*, not functions turned into strings, so that what ships does not
 * depend on how this module itself was compiled or bundled. test/export/runtime-source.test.ts
 * proves them equivalent to ajv-formats' `fullFormats` and to Ajv's runtime with property tests.
 * Every top-level name starts with `__cd`, which Ajv never uses for its own generated names.
 */

/** Names of the runtime helpers as Ajv's standalone output requires them, and our stand-ins. */
export const RUNTIME_HELPERS = {
  ucs2length: { require: 'require("ajv/dist/runtime/ucs2length").default', name: "__cdUcs2length" },
  equal: { require: 'require("ajv/dist/runtime/equal").default', name: "__cdEqual" },
} as const;
export type RuntimeHelper = keyof typeof RUNTIME_HELPERS;

/** The identifier Ajv's `code.formats` option points at in the generated module. */
export const FORMATS_IDENTIFIER = "__cdFormats";

interface Snippet {
  deps: readonly string[];
  code: string;
}

const SNIPPETS: Record<string, Snippet> = {
  // Same algorithm as ajv/dist/runtime/ucs2length: counts code points, a surrogate pair as one.
  ucs2length: {
    deps: [],
    code: String.raw`function __cdUcs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`,
  },
  // Deep equality. Same results as fast-deep-equal (Ajv's runtime "equal"), except that the
  // keys of plain objects are only data: fast-deep-equal reads a.constructor, a.valueOf and
  // a.toString through the object itself, so JSON objects with such own keys made it return
  // wrong answers or throw. Here the prototype decides, never an own property.
  equal: {
    deps: [],
    code: String.raw`function __cdEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == "object" && typeof b == "object") {
    const proto = Object.getPrototypeOf(a);
    if (proto !== Object.getPrototypeOf(b)) return false;
    let i;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (i = a.length; i-- !== 0; ) if (!__cdEqual(a[i], b[i])) return false;
      return true;
    }
    if (proto !== Object.prototype && proto !== null) {
      if (proto === RegExp.prototype) return a.source === b.source && a.flags === b.flags;
      if (proto.valueOf !== Object.prototype.valueOf) return proto.valueOf.call(a) === proto.valueOf.call(b);
      if (proto.toString !== Object.prototype.toString) return proto.toString.call(a) === proto.toString.call(b);
    }
    const keys = Object.keys(a);
    const length = keys.length;
    if (length !== Object.keys(b).length) return false;
    for (i = length; i-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
    for (i = length; i-- !== 0; ) {
      const key = keys[i];
      if (!__cdEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return a !== a && b !== b;
}`,
  },
  // ---- ajv-formats fullFormats (validate functions only; "compare" is not used by validation)
  isLeapYear: {
    deps: [],
    code: String.raw`function __cdIsLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}`,
  },
  date: {
    deps: ["isLeapYear"],
    code: String.raw`const __cdDATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const __cdDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function __cdDate(str) {
  const matches = __cdDATE.exec(str);
  if (!matches) return false;
  const year = +matches[1];
  const month = +matches[2];
  const day = +matches[3];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && __cdIsLeapYear(year) ? 29 : __cdDAYS[month]);
}`,
  },
  timeWith: {
    deps: [],
    code: String.raw`const __cdTIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function __cdTimeWith(strictTimeZone) {
  return function time(str) {
    const matches = __cdTIME.exec(str);
    if (!matches) return false;
    const hr = +matches[1];
    const min = +matches[2];
    const sec = +matches[3];
    const tz = matches[4];
    const tzSign = matches[5] === "-" ? -1 : 1;
    const tzH = +(matches[6] || 0);
    const tzM = +(matches[7] || 0);
    if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz)) return false;
    if (hr <= 23 && min <= 59 && sec < 60) return true;
    const utcMin = min - tzM * tzSign;
    const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
  };
}`,
  },
  time: { deps: ["timeWith"], code: "const __cdTime = __cdTimeWith(true);" },
  isoTime: { deps: ["timeWith"], code: "const __cdIsoTime = __cdTimeWith(false);" },
  dateTimeWith: {
    deps: ["date"],
    code: String.raw`const __cdDATE_TIME_SEPARATOR = /t|\s/i;
function __cdDateTimeWith(time) {
  return function date_time(str) {
    const dateTime = str.split(__cdDATE_TIME_SEPARATOR);
    return dateTime.length === 2 && __cdDate(dateTime[0]) && time(dateTime[1]);
  };
}`,
  },
  dateTime: {
    deps: ["dateTimeWith", "time"],
    code: "const __cdDateTime = __cdDateTimeWith(__cdTime);",
  },
  isoDateTime: {
    deps: ["dateTimeWith", "isoTime"],
    code: "const __cdIsoDateTime = __cdDateTimeWith(__cdIsoTime);",
  },
  uri: {
    deps: [],
    code: String.raw`const __cdNOT_URI_FRAGMENT = /\/|:/;
const __cdURI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function __cdUri(str) {
  return __cdNOT_URI_FRAGMENT.test(str) && __cdURI.test(str);
}`,
  },
  byte: {
    deps: [],
    code: String.raw`const __cdBYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
function __cdByte(str) {
  __cdBYTE.lastIndex = 0;
  return __cdBYTE.test(str);
}`,
  },
  int32: {
    deps: [],
    code: String.raw`function __cdInt32(value) {
  return Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
}`,
  },
  int64: {
    deps: [],
    code: String.raw`function __cdInt64(value) {
  return Number.isInteger(value);
}`,
  },
  anyNumber: {
    deps: [],
    code: String.raw`function __cdAnyNumber() {
  return true;
}`,
  },
  regex: {
    deps: [],
    code: String.raw`const __cdZ_ANCHOR = /[^\\]\\Z/;
function __cdRegex(str) {
  if (__cdZ_ANCHOR.test(str)) return false;
  try {
    new RegExp(str);
    return true;
  } catch (e) {
    return false;
  }
}`,
  },
};

/**
 * The format checks of ajv-formats' `fullFormats` that are functions or `{validate}` objects,
 * as entries of the generated `__cdFormats` object. The entry's shape (plain function or object
 * with `validate`) matches fullFormats, because Ajv emits `f(data)` or `f.validate(data)` from it.
 */
export const FORMAT_SOURCES: Readonly<Record<string, { deps: readonly string[]; entry: string }>> =
  {
    date: { deps: ["date"], entry: "{ validate: __cdDate }" },
    time: { deps: ["time"], entry: "{ validate: __cdTime }" },
    "date-time": { deps: ["dateTime"], entry: "{ validate: __cdDateTime }" },
    "iso-time": { deps: ["isoTime"], entry: "{ validate: __cdIsoTime }" },
    "iso-date-time": { deps: ["isoDateTime"], entry: "{ validate: __cdIsoDateTime }" },
    uri: { deps: ["uri"], entry: "__cdUri" },
    regex: { deps: ["regex"], entry: "__cdRegex" },
    byte: { deps: ["byte"], entry: "__cdByte" },
    int32: { deps: ["int32"], entry: '{ type: "number", validate: __cdInt32 }' },
    int64: { deps: ["int64"], entry: '{ type: "number", validate: __cdInt64 }' },
    float: { deps: ["anyNumber"], entry: '{ type: "number", validate: __cdAnyNumber }' },
    double: { deps: ["anyNumber"], entry: '{ type: "number", validate: __cdAnyNumber }' },
  };

/**
 * Source text defining the given helpers and a `__cdFormats` object with the given formats
 * (each must be a key of FORMAT_SOURCES), dependencies first, each definition once.
 */
export function runtimeSource(helpers: Iterable<RuntimeHelper>, formats: Iterable<string>): string {
  const emitted = new Set<string>();
  const parts: string[] = [];
  const emit = (id: string): void => {
    if (emitted.has(id)) return;
    emitted.add(id);
    const snippet = SNIPPETS[id];
    if (!snippet) throw new Error(`internal error: no runtime snippet "${id}"`);
    for (const dep of snippet.deps) emit(dep);
    parts.push(snippet.code);
  };
  for (const helper of helpers) emit(helper);
  const entries: string[] = [];
  for (const format of formats) {
    const source = Object.hasOwn(FORMAT_SOURCES, format) ? FORMAT_SOURCES[format] : undefined;
    if (!source) throw new Error(`internal error: no inline source for format "${format}"`);
    for (const dep of source.deps) emit(dep);
    entries.push(`  ${JSON.stringify(format)}: ${source.entry},`);
  }
  if (entries.length) parts.push(`const ${FORMATS_IDENTIFIER} = {\n${entries.join("\n")}\n};`);
  return parts.join("\n");
}
