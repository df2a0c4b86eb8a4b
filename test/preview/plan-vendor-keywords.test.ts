import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { displayGroupOf, keysInDisplayOrder } from "../../src/model/vendor-keywords.ts";
import { type Field, humanise, planOf, withDefaults } from "../../src/preview/plan.ts";

/**
 * What the form shows of a window with Airbyte's `order`, `group` and `airbyte_hidden`, read from
 * its plan (plan.ts `shown`), for any such window: every field not hidden exactly once; those
 * without a group first, in display order; then one section per group id, in the order `groups`
 * lists them (then as met), each holding its fields in display order; hidden fields still filled
 * with their defaults.
 */

const GROUP_IDS = ["db", "auth", "ssh"] as const;

const field = fc.record(
  {
    order: fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }),
    group: fc.option(fc.constantFrom(...GROUP_IDS), { nil: undefined }),
    hidden: fc.boolean(),
    withDefault: fc.boolean(),
  },
  { requiredKeys: ["hidden", "withDefault"] },
);

const window = fc
  .record({
    fields: fc.array(field, { maxLength: 9 }),
    groups: fc.option(fc.shuffledSubarray([...GROUP_IDS]), { nil: undefined }),
  })
  .map(({ fields, groups }) => {
    const properties: JsonObject = {};
    fields.forEach((f, i) => {
      const schema: JsonObject = { type: "string", title: `Field ${i}` };
      if (f.order !== undefined) schema.order = f.order;
      if (f.group !== undefined) schema.group = f.group;
      if (f.hidden) schema.airbyte_hidden = true;
      if (f.withDefault) schema.default = `d${i}`;
      properties[`f${i}`] = schema;
    });
    const schema: JsonObject = { type: "object", properties };
    if (groups) schema.groups = groups.map((id) => ({ id, title: `Title ${id}` }));
    return schema;
  });

describe("the plan of a window with order, group and airbyte_hidden", () => {
  it("shows every field not hidden once: ungrouped first in display order, then the sections in `groups` order", () => {
    fc.assert(
      fc.property(window, (schema) => {
        const properties = schema.properties as Record<string, JsonObject>;
        const plan = planOf(schema);
        const ordered = keysInDisplayOrder(properties).filter(
          (key) => properties[key]!.airbyte_hidden !== true,
        );
        const loose = ordered.filter((key) => displayGroupOf(properties[key]!) === undefined);
        const shown = plan.shown!;
        const sections = shown.filter((f) => f.kind === "section");
        expect(shown.slice(0, loose.length).map((f) => f.key)).toEqual(loose);
        expect(shown.length).toBe(loose.length + sections.length);
        const listed = ((schema.groups as JsonObject[] | undefined) ?? []).map((g) => g.id);
        const ids = [...new Set(ordered.map((key) => displayGroupOf(properties[key]!)))].filter(
          (id): id is string => id !== undefined,
        );
        const expected = [
          ...listed.filter((id) => ids.includes(id as string)),
          ...ids.filter((id) => !listed.includes(id)),
        ];
        expect(sections.map((s) => s.title)).toEqual(
          // A group id `groups` does not list is titled from the id ("db" → "Db").
          expected.map((id) => (listed.includes(id) ? `Title ${id}` : humanise(id as string))),
        );
        sections.forEach((section: Field, i) => {
          expect(section.shown!.map((f) => f.key)).toEqual(
            ordered.filter((key) => displayGroupOf(properties[key]!) === expected[i]),
          );
        });
        // Hidden or not, every field is in the plan's fields, and its default in the value.
        expect(plan.fields!.map((f) => f.key).sort()).toEqual(Object.keys(properties).sort());
        const value = withDefaults(plan, {}) as JsonObject;
        for (const [key, s] of Object.entries(properties)) expect(value[key]).toBe(s.default);
      }),
    );
  });
});
