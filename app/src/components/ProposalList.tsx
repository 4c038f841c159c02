/** A circle's proposals from the ledger: each with its state, its tally and every vote with its reason. */
import type { Address as Addr } from "viem";

import type { LedgerProposal } from "../../../client/actions/ledger/listLedgerProposals.js";
import { href } from "../routes.js";
import { Time } from "./basics.js";
import { Person } from "./Person.js";

/** "for 3, against 0, abstain 1", as the CLI writes a tally. */
export function tallyText(t: { for: bigint; against: bigint; abstain: bigint }): string {
  return `for ${t.for}, against ${t.against}, abstain ${t.abstain}`;
}

/** Each vote: who, how, and why. */
export function VoteList({ votes }: { votes: LedgerProposal["votes"] }) {
  if (votes.length === 0) return <p>No votes yet.</p>;
  return (
    <ul className="votes">
      {votes.map((v) => (
        <li key={`${v.voter}-${v.castAtBlock}`}>
          <Person account={v.voter} /> voted <strong>{v.supportName}</strong> at <Time at={v.castAt} />
          {v.reason ? <q>{v.reason}</q> : null}
        </li>
      ))}
    </ul>
  );
}

export function ProposalList({ circle, proposals }: { circle: Addr; proposals: LedgerProposal[] }) {
  if (proposals.length === 0) return <p>No proposals yet.</p>;
  // Newest first: what is open now comes before the history.
  return (
    <ol className="proposals" reversed>
      {[...proposals].reverse().map((p) => (
        <li key={p.proposalId.toString()}>
          <h3>
            <a href={href({ page: "proposal", circle, proposalId: p.proposalId })}>{p.description}</a>
          </h3>
          <p>
            <span className={`state state-${p.state.toLowerCase()}`}>{p.state}</span> · {tallyText(p.tally)} · quorum{" "}
            {p.quorum.toString()} · proposed by <Person account={p.proposer} /> at <Time at={p.createdAt} />
          </p>
          <VoteList votes={p.votes} />
        </li>
      ))}
    </ol>
  );
}
