import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A minimal way to run C# for the pattern and format tests: compile a program with Mono's `mcs`
 * (`-warnaserror+ -doc`), run it with `mono` once per batch, the data in a temporary file (strings as
 * hexadecimal UTF-16 units, so lone surrogates and line breaks travel intact). Whether Mono is
 * here, and what a missing one means, is test/support/mono.ts's describeWithMono.
 */

/** UTF-16 units of a string as hexadecimal, four digits each. */
export function toHex(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** C# that reads such a hexadecimal string (emitted into the test programs). */
const READ_HEX = `
  static string FromHex(string hex) {
    var chars = new char[hex.Length / 4];
    for (int i = 0; i < chars.Length; i++)
      chars[i] = (char)System.Convert.ToInt32(hex.Substring(i * 4, 4), 16);
    return new string(chars);
  }`;

const cacheDir = join(tmpdir(), "credential-designer-pattern-mono");

/** Compiles `source` (once per distinct source) and runs it with `input` in a file: its stdout. */
export function runCSharp(source: string, input: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const exe = join(cacheDir, `p${hash}.exe`);
  if (!existsSync(exe)) {
    const work = mkdtempSync(join(cacheDir, "build-"));
    try {
      const file = join(work, "Program.cs");
      writeFileSync(file, source);
      const built = join(work, "Program.exe");
      // -doc: the doc comments must be well-formed XML too (the generator compiles with it).
      const doc = `-doc:${join(work, "Program.xml")}`;
      const result = spawnSync("mcs", ["-warnaserror+", "-nologo", doc, `-out:${built}`, file], {
        encoding: "utf8",
      });
      if (result.status !== 0) {
        throw new Error(`mcs failed:\n${result.stdout}${result.stderr}\n--- source ---\n${source}`);
      }
      execFileSync("mv", [built, exe]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const work = mkdtempSync(join(cacheDir, "run-"));
  try {
    const data = join(work, "input.txt");
    writeFileSync(data, input);
    return execFileSync("mono", [exe, data], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const PATTERN_PROGRAM = `using System;
using System.IO;
using System.Text.RegularExpressions;
static class Program {${READ_HEX}
  static void Main(string[] args) {
    var output = new StringWriter();
    Regex regex = null;
    foreach (var line in File.ReadAllLines(args[0])) {
      if (line.StartsWith("P ")) {
        try { regex = new Regex(FromHex(line.Substring(2)), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)); output.WriteLine("ok"); }
        catch (ArgumentException e) { regex = null; output.WriteLine("error " + e.Message.Replace("\\n", " ")); }
      } else if (line.StartsWith("S ")) {
        if (regex == null) { output.WriteLine("-"); continue; }
        try { output.WriteLine(regex.IsMatch(FromHex(line.Substring(2))) ? "1" : "0"); }
        catch (Exception e) { output.WriteLine("x " + e.GetType().Name); }
      }
    }
    Console.Out.Write(output.ToString());
  }
}
`;

/**
 * What .NET says: per pattern, an error (the regex did not construct) or, per subject, a verdict
 * or the name of the exception IsMatch threw.
 */
export type MonoVerdicts = { error: string } | { matches: Array<boolean | string> };

/** Judges every subject with `new Regex(pattern, RegexOptions.CultureInvariant).IsMatch`. */
export function dotNetIsMatch(
  batch: ReadonlyArray<{ pattern: string; subjects: readonly string[] }>,
): MonoVerdicts[] {
  const lines: string[] = [];
  for (const { pattern, subjects } of batch) {
    lines.push(`P ${toHex(pattern)}`);
    for (const subject of subjects) lines.push(`S ${toHex(subject)}`);
  }
  const out = runCSharp(PATTERN_PROGRAM, `${lines.join("\n")}\n`).split("\n");
  let at = 0;
  return batch.map(({ subjects }) => {
    const head = out[at++] ?? "";
    if (head !== "ok") {
      at += subjects.length;
      return { error: head };
    }
    const matches = subjects.map(() => {
      const verdict = out[at++] ?? "";
      return verdict === "1" ? true : verdict === "0" ? false : verdict;
    });
    return { matches };
  });
}

/**
 * Judges subjects with `static bool` methods of a `CredentialFormats` class made of `sources`:
 * per method name, a verdict per subject.
 */
export function dotNetFormatChecks(
  sources: readonly string[],
  batch: ReadonlyArray<{ method: string; subjects: readonly string[] }>,
): boolean[][] {
  const methods = [...new Set(batch.map((entry) => entry.method))];
  const dispatch = methods
    .map((name, index) => `        case ${index}: ok = CredentialFormats.${name}(value); break;`)
    .join("\n");
  const program = `using System;
using System.IO;
internal static class CredentialFormats {
${sources.join("\n\n")}
}
static class Program {${READ_HEX}
  static void Main(string[] args) {
    var output = new StringWriter();
    int method = -1;
    foreach (var line in File.ReadAllLines(args[0])) {
      if (line.StartsWith("M ")) { method = int.Parse(line.Substring(2)); continue; }
      if (!line.StartsWith("S ")) continue;
      var value = FromHex(line.Substring(2));
      bool ok;
      switch (method) {
${dispatch}
        default: throw new Exception("no method " + method);
      }
      output.WriteLine(ok ? "1" : "0");
    }
    Console.Out.Write(output.ToString());
  }
}
`;
  const lines: string[] = [];
  for (const { method, subjects } of batch) {
    lines.push(`M ${methods.indexOf(method)}`);
    for (const subject of subjects) lines.push(`S ${toHex(subject)}`);
  }
  const out = runCSharp(program, `${lines.join("\n")}\n`).split("\n");
  let at = 0;
  return batch.map(({ subjects }) => subjects.map(() => out[at++] === "1"));
}
