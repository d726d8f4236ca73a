// Typed columns for the foreign attributes of nodes or claims, shared by the writers that declare
// types up front (GEXF, GraphML, CSV, Neo4j): one column per attribute name and family of value,
// numbers as long when every value is a safe integer, double otherwise; and each node's or claim's
// values by column, as those writers write them.
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignAttributes, ForeignValue } from "../model/schema.ts";

export type ValueFamily = "string" | "number" | "boolean" | "list-string" | "list-number" | "list-boolean";
export type ColumnType =
  | "string"
  | "long"
  | "double"
  | "boolean"
  | "liststring"
  | "listlong"
  | "listdouble"
  | "listboolean";

export interface Column {
  name: string;
  family: ValueFamily;
  type: ColumnType;
  /** Position among the columns, for ids such as `f3`. */
  index: number;
}

export function familyOf(value: ForeignValue): ValueFamily {
  if (Array.isArray(value)) {
    const first = value[0];
    if (typeof first === "number") return "list-number";
    if (typeof first === "boolean") return "list-boolean";
    return "list-string";
  }
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

const isLong = (n: number) => Number.isSafeInteger(n);

export class ColumnSet {
  private readonly byKey = new Map<string, Column>();
  private readonly integral = new Map<string, boolean>();
  private sealed = false;

  add(attributes: ForeignAttributes | undefined): void {
    if (!attributes) return;
    for (const name in attributes) {
      const value = attributes[name] as ForeignValue;
      const family = familyOf(value);
      const key = `${name}\u0000${family}`;
      let column = this.byKey.get(key);
      if (!column) {
        column = { name, family, type: "string", index: this.byKey.size };
        this.byKey.set(key, column);
        this.integral.set(key, true);
      }
      if (family === "number" && !isLong(value as number)) this.integral.set(key, false);
      if (family === "list-number" && !(value as number[]).every(isLong)) this.integral.set(key, false);
    }
  }

  /** The columns in first-seen order, with their final types. */
  columns(): Column[] {
    if (!this.sealed) {
      for (const [key, column] of this.byKey) {
        const integral = this.integral.get(key) ?? true;
        column.type =
          column.family === "number"
            ? integral
              ? "long"
              : "double"
            : column.family === "list-number"
              ? integral
                ? "listlong"
                : "listdouble"
              : column.family === "boolean"
                ? "boolean"
                : column.family === "list-boolean"
                  ? "listboolean"
                  : column.family === "list-string"
                    ? "liststring"
                    : "string";
      }
      this.sealed = true;
    }
    return [...this.byKey.values()];
  }

  columnFor(name: string, value: ForeignValue): Column {
    return this.byKey.get(`${name}\u0000${familyOf(value)}`) as Column;
  }

  /** A node's or claim's foreign attributes with their columns, in the attributes' order. */
  valuesOf(attributes: ForeignAttributes | undefined): [column: Column, value: ForeignValue][] {
    const out: [Column, ForeignValue][] = [];
    if (!attributes) return out;
    for (const name in attributes) {
      const value = attributes[name] as ForeignValue;
      out.push([this.columnFor(name, value), value]);
    }
    return out;
  }

  /** One cell per column, in column order: the text of the attributes' value for it, else "". */
  cells(attributes: ForeignAttributes | undefined, text: (value: ForeignValue) => string): string[] {
    const cells = new Array<string>(this.byKey.size).fill("");
    for (const [column, value] of this.valuesOf(attributes)) cells[column.index] = text(value);
    return cells;
  }
}

/** The columns of a graph's foreign attributes: one set for its nodes, one for its claims. */
export function attributeColumns(graph: LinkageGraph): { nodes: ColumnSet; claims: ColumnSet } {
  const nodes = new ColumnSet();
  const claims = new ColumnSet();
  graph.forEachNode((_key, a) => nodes.add(a.attributes));
  graph.forEachEdge((_key, a) => claims.add(a.attributes));
  return { nodes, claims };
}
