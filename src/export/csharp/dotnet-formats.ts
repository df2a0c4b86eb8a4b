import { fullFormats } from "ajv-formats/dist/formats.js";
import { SchemaProblem } from "../../json/problem.ts";
import { jsWhiteSpace, translatePattern } from "./dotnet-pattern.ts";

/** A C# check of one draft-07 `format`, as ajv-formats' `fullFormats` judges it. */
export interface FormatCheck {
  /** The name of a `static bool Name(string value)` method of the emitted `CredentialFormats` class. */
  method: string;
  /** The method's C# source (its doc comment included), to emit once per file. */
  source: string;
}

/**
 * The C# check of `format` at `pointer`: true exactly when the exported validator (ajv-formats'
 * `fullFormats`) accepts the string. Throws a SchemaProblem for a format that C# cannot check
 * exactly (naming the formats that it can).
 *
 * Each source is self-contained (its helpers are private members named after its method), so
 * any subset can be emitted side by side. The methods return false for null. The regular
 * expressions of ajv-formats are translated from the installed package's own RegExp objects
 * with dotNetPattern's translator; the functions (date, time, date-time, uri…) are written here
 * in C#, step by step as ajv-formats 3.0.1 computes them.
 */
export function formatCheck(format: string, pointer: string): FormatCheck {
  const write = Object.hasOwn(WRITERS, format) ? WRITERS[format] : undefined;
  if (!write) {
    const why = Object.hasOwn(fullFormats, format)
      ? (NOT_CHECKED_WHY[format] ?? "C# cannot check it exactly as the exported validator does")
      : "it is not one of the formats the exported validator knows (ajv-formats' full formats)";
    throw new SchemaProblem(
      pointer,
      `the format "${format}" has no C# check: ${why}`,
      `use one of the formats the C# export checks (${CSHARP_FORMATS.join(", ")}), or a \`pattern\` instead`,
    );
  }
  return write(pointer);
}

const NOT_CHECKED_WHY: Record<string, string> = {
  regex:
    "it asks whether the text is a JavaScript regular expression, which only a JavaScript engine can answer",
  url: "its regular expression ignores case over all of Unicode (the `iu` flags), which .NET folds differently",
  int32: "it applies to numbers, not strings",
  int64: "it applies to numbers, not strings",
  float: "it applies to numbers, not strings",
  double: "it applies to numbers, not strings",
};

type Writer = (pointer: string) => FormatCheck;

/** ajv-formats' URI regular expression (not exported by it; a test holds it equal to its file). */
export const AJV_FORMATS_URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** ajv-formats' base64 regular expression, without its `gm` flags (byte() applies them). */
export const AJV_FORMATS_BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const REGEX = "System.Text.RegularExpressions.Regex";

/**
 * A non-`u` JavaScript regular expression of ajv-formats as a C# Regex field. Exact because these
 * expressions consume only ASCII characters (a string with any other character fails them in
 * either mode), and under `i` without `u` an ASCII letter matches only its two ASCII cases.
 */
function regexField(field: string, regex: RegExp, pointer: string): string {
  if (!/^i?$/.test(regex.flags)) {
    throw new Error(`internal error: unexpected flags /${regex.flags} on ${field}`);
  }
  const source = translatePattern(regex.source, pointer, {
    asciiIgnoreCase: regex.flags === "i",
  });
  return `private static readonly ${REGEX} ${field} = new ${REGEX}(@"${source.replaceAll('"', '""')}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);`;
}

function summary(text: string): string {
  return `/// <summary>${text}</summary>`;
}

/** A format that is one regular expression of ajv-formats. */
function regexFormat(format: string, method: string, what: string): Writer {
  return (pointer) => {
    const regex = fullFormats[format as keyof typeof fullFormats];
    if (!(regex instanceof RegExp)) throw new Error(`internal error: ${format} is not a RegExp`);
    return {
      method,
      source: [
        regexField(`${method}Regex`, regex, pointer),
        "",
        summary(`The format "${format}" (${what}), as ajv-formats checks it; false for null.`),
        `internal static bool ${method}(string value)`,
        "{",
        `    return value != null && ${method}Regex.IsMatch(value);`,
        "}",
      ].join("\n"),
    };
  };
}

/** A format ajv-formats accepts every string for (`true`: a hint to the form only). */
function anyString(format: string, method: string): Writer {
  return () => ({
    method,
    source: [
      summary(
        `The format "${format}": ajv-formats accepts every string (it is a hint for the form); false for null.`,
      ),
      `internal static bool ${method}(string value)`,
      "{",
      "    return value != null;",
      "}",
    ].join("\n"),
  });
}

/** ajv-formats' date(): `^(\d\d\d\d)-(\d\d)-(\d\d)$` and a real day of the Gregorian calendar. */
function dateHelper(prefix: string): string {
  return `private static bool ${prefix}FullDate(string value)
{
    if (value.Length != 10 || value[4] != '-' || value[7] != '-') return false;
    for (int i = 0; i < 10; i++)
    {
        if (i != 4 && i != 7 && (value[i] < '0' || value[i] > '9')) return false;
    }
    int year = int.Parse(value.Substring(0, 4), System.Globalization.CultureInfo.InvariantCulture);
    int month = (value[5] - '0') * 10 + (value[6] - '0');
    int day = (value[8] - '0') * 10 + (value[9] - '0');
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int[] days = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return day <= (month == 2 && leap ? 29 : days[month]);
}`;
}

/** 1 − 2⁻⁴⁸: a fraction at or above it rounds "59.f" up to 60 (and "60.f" to 61) as a double. */
const ROUNDS_UP_FROM = "999999999999996447286321199499070644378662109375";

/**
 * ajv-formats' time(): `^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$` (case
 * ignored) read by hand, then its rules: offset hours ≤ 23 and minutes ≤ 59, a time zone when
 * strict, then either a plain time or a leap second at 23:59 UTC. The seconds are compared as
 * JavaScript compares the double `+"ss.fff"`: exactly, from the digits.
 */
function timeHelper(prefix: string): string {
  return `private static bool ${prefix}Time(string value, bool strictTimeZone)
{
    if (value.Length < 8 || value[2] != ':' || value[5] != ':') return false;
    if (!${prefix}Digits(value, 0, 2) || !${prefix}Digits(value, 3, 2) || !${prefix}Digits(value, 6, 2)) return false;
    int hr = (value[0] - '0') * 10 + (value[1] - '0');
    int min = (value[3] - '0') * 10 + (value[4] - '0');
    int sec = (value[6] - '0') * 10 + (value[7] - '0');
    int at = 8;
    string fraction = "";
    if (at < value.Length && value[at] == '.')
    {
        int start = ++at;
        while (at < value.Length && value[at] >= '0' && value[at] <= '9') at++;
        if (at == start) return false;
        fraction = value.Substring(start, at - start);
    }
    bool tz = false;
    int tzSign = 1, tzH = 0, tzM = 0;
    if (at < value.Length)
    {
        char c = value[at];
        if (c == 'z' || c == 'Z')
        {
            tz = true;
            at++;
        }
        else if (c == '+' || c == '-')
        {
            tz = true;
            tzSign = c == '-' ? -1 : 1;
            if (!${prefix}Digits(value, at + 1, 2)) return false;
            tzH = (value[at + 1] - '0') * 10 + (value[at + 2] - '0');
            at += 3;
            if (at < value.Length && value[at] == ':') at++;
            if (at < value.Length)
            {
                if (!${prefix}Digits(value, at, 2)) return false;
                tzM = (value[at] - '0') * 10 + (value[at + 1] - '0');
                at += 2;
            }
            else if (value[at - 1] == ':') return false;
        }
        else return false;
    }
    if (at != value.Length) return false;
    if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz)) return false;
    bool roundsUp = ${prefix}FractionAtLeast(fraction, "${ROUNDS_UP_FROM}");
    bool below60 = sec < 59 || (sec == 59 && !roundsUp);
    bool below61 = sec < 60 || (sec == 60 && !roundsUp);
    if (hr <= 23 && min <= 59 && below60) return true;
    int utcMin = min - tzM * tzSign;
    int utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    return (utcHr == 23 || utcHr == -1) && (utcMin == 59 || utcMin == -1) && below61;
}

private static bool ${prefix}Digits(string value, int start, int count)
{
    if (start + count > value.Length) return false;
    for (int i = start; i < start + count; i++)
    {
        if (value[i] < '0' || value[i] > '9') return false;
    }
    return true;
}

private static bool ${prefix}FractionAtLeast(string digits, string threshold)
{
    int length = System.Math.Max(digits.Length, threshold.Length);
    for (int i = 0; i < length; i++)
    {
        char a = i < digits.Length ? digits[i] : '0';
        char b = i < threshold.Length ? threshold[i] : '0';
        if (a != b) return a > b;
    }
    return true;
}`;
}

function timeFormat(format: string, method: string, strict: boolean): Writer {
  return () => ({
    method,
    source: [
      summary(
        `The format "${format}" (hh:mm:ss[.fraction]${strict ? " and a time zone, Z or ±hh[:]mm" : ", an optional time zone"}), as ajv-formats checks it; false for null.`,
      ),
      `internal static bool ${method}(string value)`,
      "{",
      `    return value != null && ${method}Time(value, ${strict});`,
      "}",
      "",
      timeHelper(method),
    ].join("\n"),
  });
}

/** The separators of ajv-formats' date-time: `str.split(/t|\s/i)`; `\s` as JavaScript's. */
function separatorTest(): string {
  const units: string[] = ["'t'", "'T'"];
  for (const [lo, hi] of jsWhiteSpace()) {
    if (hi > 0xffff) throw new Error("internal error: an astral white space character");
    for (let unit = lo; unit <= hi; unit++) {
      units.push(`'\\u${unit.toString(16).toUpperCase().padStart(4, "0")}'`);
    }
  }
  return units.map((unit) => `c == ${unit}`).join(" || ");
}

function dateTimeFormat(format: string, method: string, strict: boolean): Writer {
  return () => ({
    method,
    source: [
      summary(
        `The format "${format}" (a date and a time joined by T or white space), as ajv-formats checks it; false for null.`,
      ),
      `internal static bool ${method}(string value)`,
      "{",
      "    if (value == null) return false;",
      "    int separator = -1;",
      "    for (int i = 0; i < value.Length; i++)",
      "    {",
      "        char c = value[i];",
      `        if (${separatorTest()})`,
      "        {",
      "            if (separator >= 0) return false;",
      "            separator = i;",
      "        }",
      "    }",
      "    return separator >= 0",
      `        && ${method}FullDate(value.Substring(0, separator))`,
      `        && ${method}Time(value.Substring(separator + 1), ${strict});`,
      "}",
      "",
      dateHelper(method),
      "",
      timeHelper(method),
    ].join("\n"),
  });
}

const WRITERS: Record<string, Writer> = {
  date: () => ({
    method: "IsDate",
    source: [
      summary(
        'The format "date" (YYYY-MM-DD, a real day), as ajv-formats checks it; false for null.',
      ),
      "internal static bool IsDate(string value)",
      "{",
      "    return value != null && IsDateFullDate(value);",
      "}",
      "",
      dateHelper("IsDate"),
    ].join("\n"),
  }),
  time: timeFormat("time", "IsTime", true),
  "date-time": dateTimeFormat("date-time", "IsDateTime", true),
  "iso-time": timeFormat("iso-time", "IsIsoTime", false),
  "iso-date-time": dateTimeFormat("iso-date-time", "IsIsoDateTime", false),
  uri: (pointer) => ({
    method: "IsUri",
    source: [
      regexField("IsUriRegex", AJV_FORMATS_URI, pointer),
      "",
      summary(
        'The format "uri" (an absolute URI: it has a scheme and a "/" or ":"), as ajv-formats checks it; false for null.',
      ),
      "internal static bool IsUri(string value)",
      "{",
      "    return value != null",
      "        && (value.IndexOf('/') >= 0 || value.IndexOf(':') >= 0)",
      "        && IsUriRegex.IsMatch(value);",
      "}",
    ].join("\n"),
  }),
  "uri-reference": regexFormat("uri-reference", "IsUriReference", "a URI or a relative reference"),
  "uri-template": regexFormat("uri-template", "IsUriTemplate", "an RFC 6570 URI template"),
  email: regexFormat("email", "IsEmail", "an e-mail address"),
  hostname: regexFormat("hostname", "IsHostname", "a DNS host name"),
  ipv4: regexFormat("ipv4", "IsIpv4", "a dotted IPv4 address"),
  ipv6: regexFormat("ipv6", "IsIpv6", "an IPv6 address"),
  uuid: regexFormat("uuid", "IsUuid", "a UUID, optionally with urn:uuid:"),
  duration: regexFormat("duration", "IsDuration", "an ISO 8601 duration"),
  "json-pointer": regexFormat("json-pointer", "IsJsonPointer", "a JSON pointer"),
  "json-pointer-uri-fragment": regexFormat(
    "json-pointer-uri-fragment",
    "IsJsonPointerUriFragment",
    "a JSON pointer as a URI fragment",
  ),
  "relative-json-pointer": regexFormat(
    "relative-json-pointer",
    "IsRelativeJsonPointer",
    "a relative JSON pointer",
  ),
  byte: (pointer) => ({
    method: "IsByte",
    source: [
      regexField("IsByteRegex", AJV_FORMATS_BYTE, pointer),
      "",
      summary(
        'The format "byte" (base64), as ajv-formats checks it: its expression has the m flag, so one line of the value (between \\n, \\r, U+2028 and U+2029) that is base64 suffices; false for null.',
      ),
      "internal static bool IsByte(string value)",
      "{",
      "    if (value == null) return false;",
      "    foreach (var line in value.Split('\\n', '\\r', '\\u2028', '\\u2029'))",
      "    {",
      "        if (IsByteRegex.IsMatch(line)) return true;",
      "    }",
      "    return false;",
      "}",
    ].join("\n"),
  }),
  password: anyString("password", "IsPassword"),
  binary: anyString("binary", "IsBinary"),
};

/** The formats formatCheck writes a C# check for. */
export const CSHARP_FORMATS: readonly string[] = Object.keys(WRITERS);
