// Public face of the model layer: schemas, inferred types and the typed vocabularies.
export * from "./schema.ts";
export * from "./vocabulary.ts";
