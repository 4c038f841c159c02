import type { Address, Chain, Client, Transport } from "viem";

import { ProposalRefError } from "../../proposals.js";
import { listProposals, type ListedProposal } from "./listProposals.js";

export interface ResolveProposalRefParameters {
  /** The circle (or council) the reference is about. */
  circle: Address;
  /** A full id (decimal, or 0x-hex), `latest` (the most recent proposal), or a unique prefix of an id. */
  ref: string;
  /** The circle's proposals when already listed (see listProposals), to read the events once. */
  proposals?: readonly ListedProposal[];
}

/** The id the reference names. */
export type ResolveProposalRefReturnType = bigint;

/**
 * The id a proposal reference names among the circle's proposals: a full id (decimal, or 0x-hex), `latest` (the most
 * recent proposal), or a unique prefix of an id (decimal digits, or 0x and hex digits). Throws a
 * {@link ProposalRefError} with a sentence when the reference is malformed, names no proposal, or is ambiguous.
 *
 * @example
 * const id = await resolveProposalRef(publicClient, { circle, ref: "8345" }); // the one proposal whose id starts with 8345
 */
export async function resolveProposalRef<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ResolveProposalRefParameters,
): Promise<ResolveProposalRefReturnType> {
  const { circle, ref } = parameters;
  const text = ref.trim();
  const hex = /^0x[0-9a-f]+$/i.test(text);
  if (text.toLowerCase() !== "latest" && !hex && !/^[0-9]+$/.test(text)) {
    throw new ProposalRefError(
      ref,
      "malformed",
      `"${ref}" is not a whole number, a prefix of one, or latest: name a proposal by its id (decimal or 0x-hex), a unique prefix of it, or latest.`,
    );
  }
  const proposals = parameters.proposals ?? (await listProposals(client, { circle }));
  const listHint = `list them with \`npx hardhat circle proposals --circle ${circle}\``;
  if (text.toLowerCase() === "latest") {
    const latest = proposals.at(-1);
    if (!latest) throw new ProposalRefError(ref, "none", `There is no proposal in ${circle} yet: make one first.`);
    return latest.id;
  }
  const exact = BigInt(text);
  if (proposals.some((p) => p.id === exact)) return exact;
  const digits = hex ? text.slice(2).toLowerCase() : text;
  const spell = (id: bigint) => (hex ? id.toString(16).padStart(64, "0") : id.toString());
  const matches = proposals.filter(
    (p) => spell(p.id).startsWith(digits) || (hex && p.id.toString(16).startsWith(digits)),
  );
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) {
    throw new ProposalRefError(
      ref,
      "none",
      `There is no proposal ${text} in ${circle}, nor one whose id starts with ${text} (it has ${proposals.length}): ${listHint}.`,
    );
  }
  throw new ProposalRefError(
    ref,
    "ambiguous",
    `${matches.length} proposals of ${circle} have ids starting with ${text}: give more digits (${listHint}).`,
  );
}
