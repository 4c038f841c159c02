/**
 * Voting on a proposal with the connected wallet, through the client's castVote: it simulates first, so a refusal
 * (a second vote, someone outside the electorate, a closed vote) comes back as the contract's error in the CLI's
 * sentence and nothing is sent.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { useConnection, useWalletClient } from "wagmi";

import { castVote } from "../../../client/actions/proposal/castVote.js";
import { Support, type Support as SupportValue } from "../../../client/proposals.js";
import { Refusal } from "./basics.js";

const CHOICES: { value: SupportValue; label: string }[] = [
  { value: Support.For, label: "For" },
  { value: Support.Against, label: "Against" },
  { value: Support.Abstain, label: "Abstain" },
];

export function VoteForm({ circle, proposalId }: { circle: Address; proposalId: bigint }) {
  const { isConnected } = useConnection();
  const wallet = useWalletClient();
  const queries = useQueryClient();
  const [support, setSupport] = useState<SupportValue>(Support.For);
  const [reason, setReason] = useState("");
  const vote = useMutation({
    mutationFn: async () => {
      if (!wallet.data) throw new Error("Connect a wallet to vote.");
      return castVote(wallet.data, { circle, proposalId, support, reason: reason.trim() || undefined });
    },
    // The chain changed: every page reads again (the ledger follows within a block or two).
    onSuccess: () => queries.invalidateQueries(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    vote.mutate();
  };

  return (
    <form onSubmit={submit} className="vote" aria-labelledby="vote-title">
      <h2 id="vote-title">Your vote</h2>
      {!isConnected ? <p>Connect a wallet above to vote.</p> : null}
      <fieldset>
        <legend>Your choice</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="support"
              value={choice.value}
              checked={support === choice.value}
              onChange={() => setSupport(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="vote-reason">Reason (optional, recorded on the chain)</label>
      <textarea id="vote-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={!isConnected || !wallet.data || vote.isPending}>
        {vote.isPending ? "Voting …" : "Cast vote"}
      </button>
      {vote.isError ? <Refusal error={vote.error} /> : null}
      {vote.isSuccess ? (
        <p role="status" className="ok">
          You voted {vote.data.support} on proposal {vote.data.proposalId.toString()}: for{" "}
          {vote.data.tally.for.toString()}, against {vote.data.tally.against.toString()}, abstain{" "}
          {vote.data.tally.abstain.toString()}; the proposal is {vote.data.state.toLowerCase()}.
        </p>
      ) : null}
    </form>
  );
}
