// Imported first by every browser entry point (the page and each worker): zod probes `new Function`
// when it builds its first schema, which the page's Content-Security-Policy (no 'unsafe-eval') reports
// as a violation. jitless parsing needs no eval and gives the same results.
import { config } from "zod";

config({ jitless: true });
