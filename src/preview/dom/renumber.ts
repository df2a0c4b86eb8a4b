/**
 * Gives a kept field box the ids of its field's new number: its own elements' ids, `for`, radio
 * `name`s and the ids their aria-describedby / aria-labelledby list ("cd1-7", "cd1-7-h", "cd1-7-0"…
 * become "cd1-8"…). The boxes of the fields inside it (and their blocks) are left to themselves.
 */

const NAMES = ["id", "for", "name", "aria-describedby", "aria-labelledby"];

export function renumber(box: Element, from: string, to: string): void {
  if (from === to) return;
  const rename = (token: string) =>
    token === from || token.startsWith(`${from}-`) ? to + token.slice(from.length) : token;
  const visit = (el: Element) => {
    for (const name of NAMES) {
      const value = el.getAttribute(name);
      const renamed = value?.split(" ").map(rename).join(" ");
      if (renamed !== undefined && renamed !== value) el.setAttribute(name, renamed);
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling)
      if (!/^cd-fields?\b/.test(c.className)) visit(c);
  };
  visit(box);
}
