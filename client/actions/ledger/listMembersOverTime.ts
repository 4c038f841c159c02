import type { Address } from "viem";

import { addr, big, bigOrNull, filterAddress, listAll, type LedgerClient } from "../../ledger.js";

export interface ListMembersOverTimeParameters {
  /** The circle (or council: its members are circles' seats). */
  circle: Address;
}

/** One stay in the circle, from admission to leaving or removal. */
export interface LedgerMemberTerm {
  member: Address;
  joinedAt: bigint;
  joinedAtBlock: bigint;
  /** Null while the member is still in. */
  leftAt: bigint | null;
  leftAtBlock: bigint | null;
  /** "left" of their own accord, or "removed" by the circle's decision; null while in. */
  leftHow: "left" | "removed" | null;
}

export interface ListMembersOverTimeReturnType {
  /** Every term, in the order of admission (a member who came back has several). */
  terms: LedgerMemberTerm[];
  /** The members now (at the ledger's last block), in the order they joined. */
  members: Address[];
}

interface TermRow {
  member: string;
  joinedAt: string;
  joinedAtBlock: string;
  leftAt: string | null;
  leftAtBlock: string | null;
  leftHow: "left" | "removed" | null;
}

/**
 * A circle's members over time from the ledger: one term per stay, from admission (the founders' in the founding
 * block) to leaving or removal, and who is a member now.
 *
 * @example
 * const { terms, members } = await listMembersOverTime({ url }, { circle });
 */
export async function listMembersOverTime(
  ledger: LedgerClient,
  parameters: ListMembersOverTimeParameters,
): Promise<ListMembersOverTimeReturnType> {
  const rows = await listAll<TermRow>(ledger, "memberTerms", {
    filterType: "memberTermFilter",
    where: { circle: filterAddress(parameters.circle) },
    // The term's id is the admission's event id, which orders as the chain orders logs.
    orderBy: "id",
    selection: "member joinedAt joinedAtBlock leftAt leftAtBlock leftHow",
  });
  const terms = rows.map((r): LedgerMemberTerm => ({
    member: addr(r.member),
    joinedAt: big(r.joinedAt),
    joinedAtBlock: big(r.joinedAtBlock),
    leftAt: bigOrNull(r.leftAt),
    leftAtBlock: bigOrNull(r.leftAtBlock),
    leftHow: r.leftHow,
  }));
  return { terms, members: terms.filter((t) => t.leftAt === null).map((t) => t.member) };
}
