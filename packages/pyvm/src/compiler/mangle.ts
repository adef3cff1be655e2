// Private name mangling (CPython's _Py_Mangle): inside class C, `__spam` becomes `_C__spam`.

/**
 * Mangles `name` for the class named `privateName` (null outside classes). Dunder names, dotted
 * names and names without two leading underscores are left alone, as is everything in a class
 * whose name is only underscores.
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__")) return name;
  if (name.endsWith("__") || name.includes(".")) return name;
  let i = 0;
  while (i < privateName.length && privateName[i] === "_") i++;
  if (i === privateName.length) return name;
  return `_${privateName.slice(i)}${name}`;
}
