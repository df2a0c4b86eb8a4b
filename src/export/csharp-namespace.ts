import { SchemaProblem } from "../json/problem.ts";
import { checkNamespace, DEFAULT_NAMESPACE } from "./csharp/names.ts";

/**
 * The namespace of the exported C# model when none is given (the generator's default): the same
 * for the command line, the typed API and the page, so their `.cs` files are the same bytes.
 */
export const DEFAULT_CSHARP_NAMESPACE: string = DEFAULT_NAMESPACE;

/**
 * What is wrong with `namespace` as the namespace of the exported C# model (dotted C#
 * identifiers such as `Contoso.Connectors.Rest`, as the generator takes them), as a problem and a
 * fix (sentence fragments); undefined when it is a good one. The generator's own rule, asked
 * before anything is exported so that the command line can refuse it as a usage error.
 */
export function csharpNamespaceProblem(
  namespace: string,
): { problem: string; fix: string } | undefined {
  try {
    checkNamespace(namespace);
    return undefined;
  } catch (error) {
    if (!(error instanceof SchemaProblem)) throw error;
    return { problem: error.problem, fix: error.fix };
  }
}
