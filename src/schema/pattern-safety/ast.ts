import { type AST, RegExpParser } from "@eslint-community/regexpp";

/** Patterns are parsed as Ajv compiles them: with the "u" flag. */
export const parser = new RegExpParser({ ecmaVersion: 2024 });
export const flags: AST.Flags = parser.parseFlags("u");

/** Pre-order search over the pattern's regexpp AST, with an explicit stack. */
export function firstNode<T extends AST.Node>(
  root: AST.Node,
  test: (node: AST.Node) => node is T,
): T | undefined {
  const stack: AST.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

export function childrenOf(node: AST.Node): readonly AST.Node[] {
  switch (node.type) {
    case "Pattern":
    case "CapturingGroup":
    case "Group":
      return node.alternatives;
    case "Assertion":
      return node.kind === "lookahead" || node.kind === "lookbehind" ? node.alternatives : [];
    case "Alternative":
      return node.elements;
    case "Quantifier":
      return [node.element];
    default:
      return [];
  }
}

/** Quantifiers in post-order (inner before outer), so the innermost culprit is reported. */
export function quantifiersInnerFirst(ast: AST.Pattern): AST.Quantifier[] {
  const out: AST.Quantifier[] = [];
  const stack: Array<{ node: AST.Node; expanded: boolean }> = [{ node: ast, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      if (top.node.type === "Quantifier") out.push(top.node);
      continue;
    }
    stack.push({ node: top.node, expanded: true });
    const children = childrenOf(top.node);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, expanded: false });
  }
  return out;
}
