// What an import must never change: Object.prototype's own properties, and those of each built-in
// function on it (graphology 0.26 writes `previous` onto Object.prototype.toString for an edge to a
// node keyed `toString`). Shared by the hostile-id tests and the property-based reader tests.

export type PrototypeShape = Record<string, string[]>;

export function prototypeShape(): PrototypeShape {
  const shape: PrototypeShape = { "": Object.getOwnPropertyNames(Object.prototype).sort() };
  for (const name of shape[""] ?? []) {
    const value = Object.getOwnPropertyDescriptor(Object.prototype, name)?.value;
    if (typeof value === "function") shape[name] = Object.getOwnPropertyNames(value).sort();
  }
  return shape;
}

/** The names added since `pristine` was taken, as `toString.previous` (empty when untouched). */
export function prototypeChanges(pristine: PrototypeShape): string[] {
  const now = prototypeShape();
  const changes: string[] = [];
  for (const [owner, names] of Object.entries(now)) {
    const before = new Set(pristine[owner] ?? []);
    for (const name of names) if (!before.has(name)) changes.push(owner ? `${owner}.${name}` : name);
  }
  if ("previous" in {} && !changes.includes("previous")) changes.push("previous (inherited)");
  return changes;
}

/** Takes back whatever a failing case added, so one failure does not fail every later case. */
export function restorePrototype(pristine: PrototypeShape): void {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!pristine[""]?.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
  }
  for (const [owner, names] of Object.entries(pristine)) {
    if (!owner) continue;
    const value = Object.getOwnPropertyDescriptor(Object.prototype, owner)?.value as object | undefined;
    if (!value) continue;
    for (const name of Object.getOwnPropertyNames(value)) {
      if (!names.includes(name)) delete (value as Record<string, unknown>)[name];
    }
  }
}
