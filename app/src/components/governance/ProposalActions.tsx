/**
 * What a member can do on a proposal besides voting: sign a ballot for someone else to relay (the client's
 * signBallot: nothing is sent, the voter pays no gas), relay a pasted ballot from any account (castVoteBySignature,
 * which checks the chain, the voter's nonce and the signature first), and execute a proposal that passed (execute).
 */
import { useState, type FormEvent } from "react";
import type { Address } from "viem";

import { castVoteBySignature } from "../../../../client/actions/proposal/castVoteBySignature.js";
import { execute } from "../../../../client/actions/proposal/execute.js";
import { signBallot } from "../../../../client/actions/proposal/signBallot.js";
import { readSignedBallot, signedBallotText } from "../../../../client/ballots.js";
import { Support, type ProposalStateName, type Support as SupportValue } from "../../../../client/proposals.js";
import { useWrite } from "../../hooks/governance.js";
import { tallyText } from "../ProposalList.js";
import { Refusal, Section, Time } from "../basics.js";

/** Signing a ballot: the choice, then the signed ballot as text to copy and hand to anyone who relays it. */
export function SignBallotForm({ circle, proposalId }: { circle: Address; proposalId: bigint }) {
  const [support, setSupport] = useState<SupportValue>(Support.For);
  const [copied, setCopied] = useState(false);
  const sign = useWrite((wallet, s: SupportValue) => signBallot(wallet, { circle, proposalId, support: s }));
  const ballot = sign.data ? signedBallotText(sign.data) : "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    sign.mutate(support);
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="sign-title">
      <h3 id="sign-title">Sign my ballot (someone else sends it)</h3>
      <p>Nothing is sent: copy the signed ballot and hand it to any member, who relays it below and pays the gas.</p>
      <label htmlFor="sign-support">Ballot's choice</label>
      <select id="sign-support" value={support} onChange={(e) => setSupport(Number(e.target.value) as SupportValue)}>
        <option value={Support.For}>For</option>
        <option value={Support.Against}>Against</option>
        <option value={Support.Abstain}>Abstain</option>
      </select>
      <button type="submit" disabled={!sign.ready || sign.isPending}>
        {sign.isPending ? "Signing …" : "Sign my ballot"}
      </button>
      {sign.isError ? <Refusal error={sign.error} /> : null}
      {sign.isSuccess ? (
        <>
          <label htmlFor="signed-ballot">Your signed ballot</label>
          <textarea id="signed-ballot" readOnly rows={4} value={ballot} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard.writeText(ballot).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copy the ballot
          </button>
          <p role="status">
            {copied ? "Copied. " : ""}Signed by {sign.data.voter} ({["against", "for", "abstain"][sign.data.support]}),
            nonce {sign.data.nonce.toString()}.
          </p>
        </>
      ) : null}
    </form>
  );
}

/** Relaying a signed ballot: paste it; the connected account sends it and pays the gas. */
export function RelayBallotForm() {
  const [pasted, setPasted] = useState("");
  const relay = useWrite((wallet, text: string) => castVoteBySignature(wallet, { ballot: readSignedBallot(text) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    relay.mutate(pasted);
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="relay-title">
      <h3 id="relay-title">Relay a signed ballot</h3>
      <label htmlFor="relay-ballot">Signed ballot (paste it whole)</label>
      <textarea id="relay-ballot" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      <button type="submit" disabled={!relay.ready || relay.isPending || pasted.trim() === ""}>
        {relay.isPending ? "Relaying …" : "Relay the ballot"}
      </button>
      {relay.isError ? <Refusal error={relay.error} /> : null}
      {relay.isSuccess ? (
        <p role="status" className="ok">
          Relayed the ballot of {relay.data.voter}, who voted {relay.data.support}: {tallyText(relay.data.tally)}; the
          proposal is {relay.data.state.toLowerCase()}.
        </p>
      ) : null}
    </form>
  );
}

/** Why a proposal in `state` cannot be executed now, or undefined when it can. */
function notExecutable(state: ProposalStateName, deadline: bigint | undefined) {
  switch (state) {
    case "Succeeded":
    case "Queued":
      return undefined;
    case "Pending":
    case "Active":
      return deadline !== undefined ? (
        <>
          Voting is still open; it closes <Time at={deadline} />, and a proposal that passed can be executed after that.
        </>
      ) : (
        "Voting is still open: a proposal that passed can be executed once it closes."
      );
    case "Executed":
      return "It has been executed already.";
    case "Defeated":
      return "It did not pass, so there is nothing to execute.";
    case "Expired":
      return "Its execution window has passed.";
    case "Canceled":
      return "It was canceled (a hard reset ends every open proposal).";
  }
}

/** Executing a proposal that passed: anyone may, within the circle's execution window. */
export function ExecuteForm({
  circle,
  proposalId,
  state,
  deadline,
}: {
  circle: Address;
  proposalId: bigint;
  state: ProposalStateName;
  deadline?: bigint;
}) {
  const run = useWrite((wallet, _: void) => execute(wallet, { circle, proposalId }));
  const reason = notExecutable(state, deadline);
  return (
    <Section id="execute" title="Carry it out">
      {reason ? (
        <p id="execute-why">{reason}</p>
      ) : (
        <p>It passed: anyone may execute it now, and the circle makes its calls.</p>
      )}
      <button
        type="button"
        aria-describedby={reason ? "execute-why" : undefined}
        disabled={reason !== undefined || !run.ready || run.isPending}
        onClick={() => run.mutate()}
      >
        {run.isPending ? "Executing …" : "Execute"}
      </button>
      {!run.ready ? <p>Connect a wallet above to execute.</p> : null}
      {run.isError ? <Refusal error={run.error} /> : null}
      {run.isSuccess ? (
        <p role="status" className="ok">
          Executed: the circle made {run.data.calls.length} call(s)
          {run.data.created.length > 0 ? `, founding ${run.data.created.map((b) => b.name).join(", ")}` : ""}.
        </p>
      ) : null}
    </Section>
  );
}
