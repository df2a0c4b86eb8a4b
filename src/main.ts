/**
 * The start page, until the designer lands: what this is and how to use the command line.
 * Static content built with DOM calls (no HTML strings), inside the page's <main> landmark.
 */
const COMMANDS: ReadonlyArray<readonly [command: string, what: string]> = [
  ["credential-designer new --template NAME [--out FILE]", "start a schema from a template"],
  ["credential-designer check <schema.json>", "report errors and warnings in a schema"],
  ["credential-designer export <schema.json> [--out DIR]", "write the typed bindings and the precompiled validator"],
  ["credential-designer --help", "show all commands and options"],
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

export function renderStartPage(main: HTMLElement): void {
  main.replaceChildren(
    element("h1", "Credential Designer"),
    element(
      "p",
      "Design the credential window of an integration connector — base URL, choice of authentication method, secrets — as a JSON Schema (draft-07). The visual designer is coming; until then, use the command line:",
    ),
    element(
      "ul",
      undefined,
      ...COMMANDS.map(([command, what]) => element("li", undefined, element("code", command), document.createTextNode(` — ${what}`))),
    ),
  );
}

const main = document.querySelector<HTMLElement>("main#app");
if (main) renderStartPage(main);
