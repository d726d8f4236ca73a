// saxes without its own type declarations: saxes 6.0.0's saxes.d.ts fails TypeScript's check since
// TypeScript 4.8 (TS2344; lddubeau/saxes pull request 120, open since 2022), and this project checks
// library declarations (skipLibCheck off). The members xml-saxes.ts uses are typed beside this file.
export { SaxesParser } from "saxes";
