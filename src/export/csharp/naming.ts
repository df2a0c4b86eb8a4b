import { identifierFrom, NameScope, RESERVED_MEMBER_NAMES, RESERVED_TYPE_NAMES } from "./names.ts";
import type { ModelPlan } from "./plan.ts";

/**
 * Gives every class, choice, converter and property of a plan its C# name, in document order so
 * that the same schema always gets the same names:
 *
 * - types share one scope, the namespace, with the framework and runtime names the file uses
 *   (names.ts): the root after the window's title (`Credentials` without one), a group after its
 *   key, a choice's base after its key and its converter `<Base>Converter`, a branch after its
 *   discriminator value and its base (`basic` of `auth` → `BasicAuth`);
 * - members are unique within their class, never the class's own name, never a generated method or
 *   an inherited member, and a branch's never the discriminator property it inherits;
 * - every later claimant of a taken name gets the first free `Name2`, `Name3`…, so two keys that
 *   differ only in case (`apiKey`, `ApiKey`) get distinct names.
 */
export function nameModel(plan: ModelPlan): void {
  const types = new NameScope(RESERVED_TYPE_NAMES);
  for (const cls of plan.classes) {
    // A choice's base and converter are named just before its first branch.
    const branch = cls.branchOf;
    if (branch && branch.choice.name === "") {
      const choice = branch.choice;
      choice.name = types.claim(identifierFrom(choice.key, "AuthMethod"));
      choice.converterName = types.claim(`${choice.name}Converter`);
      const baseMembers = new NameScope([...RESERVED_MEMBER_NAMES, choice.name]);
      choice.discriminatorName = baseMembers.claim(identifierFrom(choice.discriminator, "Kind"));
    }
    cls.name = branch
      ? types.claim(`${identifierFrom(branch.value, "Branch")}${branch.choice.name}`)
      : types.claim(identifierFrom(cls.nameSource, cls.nameFallback));
    const members = new NameScope([
      ...RESERVED_MEMBER_NAMES,
      cls.name,
      ...(branch ? [branch.choice.discriminatorName] : []),
    ]);
    for (const property of cls.properties)
      property.name = members.claim(identifierFrom(property.key, "Field"));
    cls.extensionName = members.claim("ExtensionData");
  }
}
