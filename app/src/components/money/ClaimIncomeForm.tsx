/** Claiming basic income (the client's claimIncome): what a claim would mint now first, then the new balance. */
import type { FormEvent } from "react";

import { claimIncome } from "../../../../client/actions/income/claimIncome.js";
import type { MemberIncome } from "../../../../client/actions/member/readMemberOverview.js";
import { formatTokens } from "../../../../client/units.js";
import { Refusal } from "../basics.js";
import { useWrite } from "./useWrite.js";

export function ClaimIncomeForm({ income }: { income: MemberIncome }) {
  const claim = useWrite(claimIncome);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    claim.mutate(() => ({ hub: income.hub }));
  };
  return (
    <form className="act" onSubmit={submit} aria-label="Claim income">
      <p data-testid="claimable">
        You can claim {income.formatted.claimable} now (1 token for every full hour since your last claim, at most 14
        days).
      </p>
      <button type="submit" disabled={claim.isPending}>
        {claim.isPending ? "Claiming …" : "Claim income"}
      </button>
      {claim.isError ? <Refusal error={claim.error} /> : null}
      {claim.isSuccess ? (
        <p role="status" className="ok">
          You claimed {formatTokens(claim.data.minted)}; your balance is now {formatTokens(claim.data.balance)}.
        </p>
      ) : null}
    </form>
  );
}
