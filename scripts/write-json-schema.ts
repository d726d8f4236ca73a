// Writes graph-data/source-file.schema.json from the zod schema, so editors validate source files
// while someone types. `npm run schema` rewrites it; a test fails when it is out of date.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceFileJsonSchema } from "../src/model/json-schema.ts";

const target = fileURLToPath(new URL("../graph-data/source-file.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(sourceFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
