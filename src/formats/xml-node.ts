// The XmlParser the CLI and the tests name as Node's. Every runtime now reads XML with the same
// streaming parser (xml-saxes.ts), which is also the readers' default; this name is kept for them.
export { saxesXmlParser as nodeXmlParser } from "./xml-saxes.ts";
