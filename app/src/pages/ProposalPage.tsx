/**
 * One proposal: what it would do, its state and tally now (the chain), every vote with its reason (the ledger), and
 * the connected wallet's vote.
 */
import type { Address as Addr } from "viem";

import { Address, Loaded, Section, Time } from "../components/basics.js";
import { Person } from "../components/Person.js";
import { tallyText, VoteList } from "../components/ProposalList.js";
import { VoteForm } from "../components/VoteForm.js";
// --- Governance actions (a connected wallet) ---
import { ExecuteForm, RelayBallotForm, SignBallotForm } from "../components/governance/ProposalActions.js";
import { useCircle, useLedgerProposals, useTally } from "../hooks/queries.js";
import { href } from "../routes.js";

export function ProposalPage({ circle, proposalId }: { circle: Addr; proposalId: bigint }) {
  const body = useCircle(circle);
  const tally = useTally(circle, proposalId);
  // The ledger follows the chain a block behind: re-read it while the page is open, so a vote shows up.
  const history = useLedgerProposals(circle, 2_000);
  const proposal = history.data?.proposals.find((p) => p.proposalId === proposalId);
  return (
    <>
      <p className="crumbs">
        <a href={href({ page: "circle", circle })}>← {body.data?.name ?? "The circle"}</a>
      </p>
      <h1>{proposal?.description ?? `Proposal ${proposalId}`}</h1>
      <p className="lede">
        Proposal <code className="hash">{proposalId.toString()}</code>
      </p>
      <Section id="now" title="Now">
        <Loaded query={tally} what="the tally">
          {(t) => (
            <p aria-live="polite" data-testid="tally">
              <span className={`state state-${t.stateName.toLowerCase()}`}>{t.stateName}</span>: {tallyText(t.tally)}
              {proposal ? ` (quorum ${proposal.quorum})` : ""}.
            </p>
          )}
        </Loaded>
        {proposal ? (
          <p>
            Proposed by <Person account={proposal.proposer} /> at <Time at={proposal.createdAt} />; voting from{" "}
            <Time at={proposal.voteStart} /> to <Time at={proposal.voteEnd} />.
          </p>
        ) : null}
      </Section>
      {tally.data?.stateName === "Active" ? <VoteForm circle={circle} proposalId={proposalId} /> : null}
      {tally.data?.stateName === "Active" || tally.data?.stateName === "Pending" ? (
        <Section id="by-signature" title="Vote by signature">
          <SignBallotForm circle={circle} proposalId={proposalId} />
          <RelayBallotForm />
        </Section>
      ) : null}
      {tally.data ? (
        <ExecuteForm
          circle={circle}
          proposalId={proposalId}
          state={tally.data.stateName}
          deadline={proposal?.voteEnd}
        />
      ) : null}
      <Section id="votes" title="Votes and reasons">
        <Loaded query={history} what="the votes">
          {() => (proposal ? <VoteList votes={proposal.votes} /> : <p>The ledger has not seen this proposal yet.</p>)}
        </Loaded>
      </Section>
      {proposal ? (
        <Section id="calls" title="What it does">
          <ol>
            {proposal.calls.map((call, i) => (
              <li key={i}>
                Calls <Address value={call.target} /> with <code className="hash">{call.data}</code>
                {call.value > 0n ? `, sending ${call.value} wei` : ""}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </>
  );
}
