import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every relative link and image in README.md, CONTRIBUTING.md and docs/*.md points at a file of
 * the repository, and a `#anchor` on a link to a Markdown file names one of its headings, as
 * GitHub makes their ids. Absolute URLs (http:, https:, mailto:, any scheme) are not followed.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The Markdown files whose links are checked, relative to the root, with `/` separators. */
function documents(): string[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", "CONTRIBUTING.md", ...docs];
}

// ---------------------------------------------------------------- reading Markdown

interface Link {
  /** The destination as written, e.g. `docs/cli.md#limits`. */
  readonly target: string;
  /** 1-based line of the link. */
  readonly line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text with code blanked out: fenced blocks and inline code spans become spaces, so links and
 * headings written inside them are not read, and lines keep their numbers.
 */
function withoutCode(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split("\n")
    .map((line) => {
      const opening = FENCE.exec(line)?.[1];
      if (fence !== undefined) {
        const closes =
          opening !== undefined &&
          opening[0] === fence[0] &&
          opening.length >= fence.length &&
          line.trim() === opening;
        if (closes) fence = undefined;
        return "";
      }
      if (opening !== undefined) {
        fence = opening;
        return "";
      }
      return line.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, (span) => " ".repeat(span.length));
    })
    .join("\n");
}

/** An inline link or image destination: `](path)`, `](<path>)`, `](path "title")`. */
const INLINE =
  /\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
/** A reference definition: `[label]: path`. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;

/** Every link and image destination of a Markdown text, outside code. */
function linksOf(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const lineAt = (index: number) => text.slice(0, index).split("\n").length;
  const links: Link[] = [];
  for (const pattern of [INLINE, DEFINITION]) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[1] ?? "";
      const target = raw.startsWith("<") ? raw.slice(1, -1) : raw;
      links.push({ target, line: lineAt(match.index) });
    }
  }
  return links.sort((a, b) => a.line - b.line);
}

/** The id GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function githubSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]*>/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors a Markdown text defines: its headings' ids (`x`, `x-1`… when repeated) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const lines = withoutCodeKeepingHeadings(markdown);
  const anchors = new Set<string>();
  const add = (slug: string) => {
    let id = slug;
    for (let n = 1; anchors.has(id); n++) id = `${slug}-${n}`;
    anchors.add(id);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      add(githubSlug(atx[1] ?? ""));
      continue;
    }
    const next = lines[i + 1] ?? "";
    const paragraph = line.trim() !== "" && !/^ {0,3}([-*+>|]|\d+[.)])/.test(line);
    if (paragraph && /^ {0,3}(=+|-+)[ \t]*$/.test(next)) {
      add(githubSlug(line));
      i++;
    }
  }
  for (const match of markdown.matchAll(/<a\s[^>]*?\b(?:id|name)=["']([^"']+)["']/gi)) {
    anchors.add(match[1] ?? "");
  }
  return anchors;
}

/** Lines outside fenced code; a heading's inline code keeps its text (GitHub's ids include it). */
function withoutCodeKeepingHeadings(markdown: string): string[] {
  const blanked = withoutCode(markdown).split("\n");
  return markdown.split("\n").map((line, i) => (blanked[i] === "" ? "" : line));
}

// ---------------------------------------------------------------- checking links

/** The repository's files as the check sees them: paths relative to the root, `/` separators. */
interface Files {
  exists(path: string): boolean;
  /** The text of a file, or undefined for a folder or a missing file. */
  read(path: string): string | undefined;
}

/** One line per broken link of `file` (its text is `markdown`): `file:line: target: why`. */
function brokenLinks(file: string, markdown: string, files: Files): string[] {
  const problems: string[] = [];
  for (const { target, line } of linksOf(markdown)) {
    const problem = linkProblem(file, markdown, target, files);
    if (problem !== undefined) problems.push(`${file}:${line}: ${target}: ${problem}`);
  }
  return problems;
}

function linkProblem(
  file: string,
  markdown: string,
  target: string,
  files: Files,
): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith("//")) return undefined;
  if (target === "") return "the link has no destination";
  const hash = target.indexOf("#");
  const pathPart = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  let path: string;
  let fragment: string | undefined;
  try {
    path = decodeURIComponent(pathPart.split("?")[0] ?? "");
    fragment = anchor === undefined ? undefined : decodeURIComponent(anchor);
  } catch {
    return "the link is not valid percent-encoding";
  }
  let resolved = file;
  if (path !== "") {
    resolved = path.startsWith("/")
      ? posix.normalize(path.slice(1))
      : posix.normalize(posix.join(posix.dirname(file), path));
    resolved = resolved.replace(/\/$/, "") || ".";
    if (resolved === ".." || resolved.startsWith("../")) return "it points outside the repository";
    if (!files.exists(resolved)) return `no such file (${resolved})`;
  }
  if (fragment === undefined || !/\.md$/i.test(resolved)) return undefined;
  if (fragment === "") return "the anchor is empty";
  const text = resolved === file ? markdown : files.read(resolved);
  if (text === undefined) return `${resolved} cannot be read`;
  return anchorsOf(text).has(fragment) ? undefined : `${resolved} has no heading #${fragment}`;
}

/** The files of the repository on disk. */
const disk: Files = {
  exists: (path) => existsSync(join(ROOT, path)),
  read: (path) => {
    const full = join(ROOT, path);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
  },
};

// ---------------------------------------------------------------- the checker itself

describe("the link check, on Markdown in memory", () => {
  const memory = (texts: Record<string, string>, folders: string[] = []): Files => ({
    exists: (path) => path in texts || folders.includes(path),
    read: (path) => texts[path],
  });

  it("reads links and images, with titles, angle brackets and reference definitions", () => {
    const markdown = [
      "# Title",
      "See [the CLI](docs/cli.md#limits) and ![shot](docs/shot.png 'The page').",
      "[spaced](<docs/a b.md>) and [site](https://example.com) [mail](mailto:a@example.com)",
      "",
      "[ref]: CONTRIBUTING.md",
    ].join("\n");
    expect(linksOf(markdown)).toEqual([
      { target: "docs/cli.md#limits", line: 2 },
      { target: "docs/shot.png", line: 2 },
      { target: "docs/a b.md", line: 3 },
      { target: "https://example.com", line: 3 },
      { target: "mailto:a@example.com", line: 3 },
      { target: "CONTRIBUTING.md", line: 5 },
    ]);
  });

  it("does not read links inside code", () => {
    const markdown = [
      "Write `[text](nowhere.md)` for a link.",
      "```md",
      "[also](nowhere.md)",
      "```",
      "[real](here.md)",
    ].join("\n");
    expect(linksOf(markdown)).toEqual([{ target: "here.md", line: 5 }]);
  });

  it("makes heading ids as GitHub does, numbering repeated ones", () => {
    expect(githubSlug("The preview component: `credential-designer/preview`")).toBe(
      "the-preview-component-credential-designerpreview",
    );
    expect(githubSlug("Steps, transactions and undo")).toBe("steps-transactions-and-undo");
    expect(githubSlug("Keys like `__proto__` and `constructor`")).toBe(
      "keys-like-__proto__-and-constructor",
    );
    const anchors = anchorsOf(
      "# Notes\n\n## Notes\n\nSetext\n======\n\n```\n# not a heading\n```\n",
    );
    expect([...anchors]).toEqual(["notes", "notes-1", "setext"]);
  });

  it("reports a missing file, a missing heading and a path outside the repository", () => {
    const readme = [
      "# Read me",
      "[ok](docs/cli.md#limits) [self](#read-me) [folder](src/) [web](https://example.com/x.md)",
      "[gone](docs/missing.md)",
      "[wrong anchor](docs/cli.md#no-such-heading)",
      "![picture](../outside.png)",
      "[wrong self](#nowhere)",
    ].join("\n");
    const files = memory({ "README.md": readme, "docs/cli.md": "# CLI\n\n## Limits\n" }, ["src"]);
    expect(brokenLinks("README.md", readme, files)).toEqual([
      "README.md:3: docs/missing.md: no such file (docs/missing.md)",
      "README.md:4: docs/cli.md#no-such-heading: docs/cli.md has no heading #no-such-heading",
      "README.md:5: ../outside.png: it points outside the repository",
      "README.md:6: #nowhere: README.md has no heading #nowhere",
    ]);
  });

  it("resolves a link from a file in docs/ against docs/", () => {
    const page = "[up](../README.md#read-me) [beside](cli.md) [broken](README.md)";
    const files = memory({ "README.md": "# Read me\n", "docs/cli.md": "# CLI\n" });
    expect(brokenLinks("docs/page.md", page, files)).toEqual([
      "docs/page.md:1: README.md: no such file (docs/README.md)",
    ]);
  });
});

// ---------------------------------------------------------------- the repository's documents

describe("the links of the documentation", () => {
  it.each(documents())("every relative link and image in %s resolves", (file) => {
    const markdown = disk.read(file);
    expect(markdown, `${file} is missing`).toBeDefined();
    expect(brokenLinks(file, markdown ?? "", disk)).toEqual([]);
  });

  it("the README links to CONTRIBUTING.md and to every document in docs/", () => {
    const targets = new Set(
      linksOf(disk.read("README.md") ?? "").map((link) => link.target.split("#")[0]),
    );
    const expected = documents().filter((file) => file !== "README.md");
    expect(expected.filter((file) => !targets.has(file))).toEqual([]);
  });
});
