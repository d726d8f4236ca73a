// One item of Compare's lists: a difference (each side's claims under its name and colour, or the
// document's claim when it leaves the sides unassigned), an agreement, or an open question. Each claim
// reads as a sentence (graph/sentences.ts through graph/answer.ts's readStep) with its evidence quote,
// and the item ends with its findings in full. A click on its heading picks it (pickCompareItem): its
// claims are selected and framed. Builders only.
import { readStep } from "../../graph/answer.ts";
import type { DifferenceItem } from "../../graph/compare-brief.ts";
import { type Agreement, type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { asStatement, claimSentence, findingName, labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { Store } from "../state/store.ts";
import { type FindingNames, type ReadingOptions, readingDetails } from "./claim-reading.ts";
import { roleSwatch } from "./compare-swatch.ts";
import { el } from "./dom.ts";

export interface ItemContext {
  store: Store;
  graph: LinkageGraph;
  names: FindingNames;
  /** The compared holders, in the comparison's order: claimsA are the first's. */
  holders: readonly [string, string];
  /** The holders drawn in the first and second side's colour ("only-a", "only-b"). */
  sides: readonly [string, string];
}

/** One claim: its sentence, then what backs it. */
function claimBlock(context: ItemContext, claim: ClaimRecord, options: ReadingOptions = {}): HTMLElement {
  const step = readStep(context.graph, claim, claim.source, claim.target);
  return el(
    "li",
    { class: "compare-claim", attrs: { "data-claim": claim.id } },
    el("p", { class: "compare-claim-sentence", text: asStatement(claimSentence(context.graph, claim)) }),
    ...readingDetails(context.names, step, options),
  );
}

/** A side's claims under its name and colour; the document's own, which say so themselves, bare. */
function side(
  context: ItemContext,
  holder: string | null,
  claims: readonly ClaimRecord[],
): HTMLElement | null {
  if (!claims.length) return null;
  const slot: ClaimRole = holder === context.sides[0] ? "only-a" : "only-b";
  return el(
    "div",
    {
      class: "compare-side",
      attrs: { "data-side": holder ?? "document", "data-slot": holder ? slot : null },
    },
    holder
      ? el(
          "p",
          { class: "compare-side-name" },
          roleSwatch(slot),
          el("span", { text: labelOf(context.graph, holder) }),
        )
      : null,
    el(
      "ul",
      { class: "compare-claims" },
      ...claims.map((claim) => claimBlock(context, claim, { holders: holder === null, dispute: false })),
    ),
  );
}

/** The findings an item rests on, each with its summary, folded away. */
function itemFindings(context: ItemContext, refs: readonly string[]): HTMLElement | null {
  if (!refs.length) return null;
  const name = findingName(context.graph);
  const shown = refs.map(name);
  return el(
    "details",
    { class: "compare-item-findings" },
    el("summary", { text: `Findings ${shown.join(", ")}` }),
    el(
      "ul",
      { class: "finding-list" },
      ...shown.map((id) =>
        el(
          "li",
          { class: "finding" },
          el("span", { class: "finding-id", text: id }),
          el("span", { class: "finding-summary", text: context.names.summary(id) }),
        ),
      ),
    ),
  );
}

/** The item's heading: the button that picks its claims. */
function pickButton(context: ItemContext, title: string, claims: readonly ClaimRecord[]): HTMLElement {
  const ids = claims.map((claim) => claim.id);
  return el("button", {
    class: "compare-item-pick",
    text: title,
    attrs: {
      type: "button",
      "aria-pressed": "false",
      title: "Select these claims and frame them in the network",
    },
    on: { click: () => context.store.dispatch({ type: "pickCompareItem", claims: ids }) },
  });
}

function item(
  role: ClaimRole | null,
  claims: readonly ClaimRecord[],
  className: string,
  ...content: (HTMLElement | null)[]
): HTMLElement {
  return el(
    "li",
    {
      class: `compare-item ${className}`,
      attrs: { "data-role": role, "data-claims": claims.map((claim) => claim.id).join(" ") },
    },
    ...content,
  );
}

export function differenceItem(
  context: ItemContext,
  difference: DifferenceItem,
  role: ClaimRole,
): HTMLElement {
  const [a, b] = context.holders;
  const claims = [...difference.claimsA, ...difference.claimsB, ...difference.document];
  const element = item(
    role,
    claims,
    "compare-difference",
    pickButton(context, `On ${labelOf(context.graph, difference.subject)}`, claims),
    side(context, a, difference.claimsA),
    side(context, b, difference.claimsB),
    side(context, null, difference.document),
    itemFindings(context, difference.findings),
  );
  element.dataset.pattern = difference.pattern;
  return element;
}

export function agreementItem(context: ItemContext, agreement: Agreement): HTMLElement {
  const [a, b] = context.holders;
  const [first] = agreement.claims;
  const title = first ? `On ${labelOf(context.graph, first.target)}` : PATTERN_TEXT[agreement.pattern].title;
  const ofSide = (holder: string) => agreement.claims.filter((claim) => claim.heldBy.includes(holder));
  const content =
    agreement.pattern === "shared"
      ? [
          el(
            "ul",
            { class: "compare-claims" },
            ...agreement.claims.map((claim) => claimBlock(context, claim)),
          ),
        ]
      : [side(context, a, ofSide(a)), side(context, b, ofSide(b))];
  const element = item(
    agreement.pattern,
    agreement.claims,
    "compare-agreement",
    pickButton(context, title, agreement.claims),
    ...content,
    itemFindings(context, agreement.findings),
  );
  element.dataset.pattern = agreement.pattern;
  return element;
}

export function openQuestionItem(context: ItemContext, claim: ClaimRecord): HTMLElement {
  return item(
    null,
    [claim],
    "compare-open-question",
    pickButton(context, `On ${labelOf(context.graph, claim.target)}`, [claim]),
    el("ul", { class: "compare-claims" }, claimBlock(context, claim)),
    itemFindings(context, claim.findings),
  );
}
