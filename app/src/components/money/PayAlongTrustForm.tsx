/**
 * Paying along trust (the client's planPayment, then payAlongTrust): the pathfinder's route is shown first, transfer
 * by transfer, and sent only when the member says so; the hub's refusals are simulated first.
 */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { getAddress, type Address } from "viem";

import { payAlongTrust } from "../../../../client/actions/income/payAlongTrust.js";
import { planPayment } from "../../../../client/actions/income/planPayment.js";
import { flowHops, type PaymentFlow } from "../../../../client/pathfinder.js";
import { formatTokens, INCOME_UNITS } from "../../../../client/units.js";
import { useApp } from "../../context.js";
import { usePersonLabels } from "../../hooks/names.js";
import { Refusal } from "../basics.js";
import { parseAmountInput, pickedAddress, PersonPicker } from "./inputs.js";
import { useWrite } from "./useWrite.js";

export function PayAlongTrustForm({ hub, me, people }: { hub: Address; me: Address; people: readonly Address[] }) {
  const { publicClient } = useApp();
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const plan = useMutation({
    mutationFn: async () => {
      const request = {
        hub,
        to: pickedAddress(to, "whom to pay"),
        amount: parseAmountInput(amount, INCOME_UNITS.decimals),
      };
      return { request, flow: await planPayment(publicClient, { ...request, payer: me }) };
    },
  });
  const pay = useWrite(payAlongTrust);
  const find = (event: FormEvent) => {
    event.preventDefault();
    pay.reset();
    plan.mutate();
  };
  const planned = plan.data;
  return (
    <form className="act" onSubmit={find} aria-labelledby="along-trust-title">
      <h3 id="along-trust-title">Pay along trust</h3>
      <PersonPicker id="along-to" label="Pay whom" people={people} value={to} onChange={setTo} />
      <label htmlFor="along-amount">Amount (tokens)</label>
      <input
        id="along-amount"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <button type="submit" disabled={plan.isPending}>
        {plan.isPending ? "Finding a path …" : "Find a path"}
      </button>
      {plan.isError ? <Refusal error={plan.error} /> : null}
      {planned && !pay.isSuccess ? (
        <>
          <Route flow={planned.flow} />
          <button
            type="button"
            disabled={pay.isPending}
            onClick={() => pay.mutate(() => ({ ...planned.request, flow: planned.flow }))}
          >
            {pay.isPending ? "Paying …" : `Pay ${formatTokens(planned.request.amount)} along this path`}
          </button>
        </>
      ) : null}
      {pay.isError ? <Refusal error={pay.error} /> : null}
      {pay.isSuccess ? (
        <p role="status" className="ok">
          You paid {formatTokens(pay.data.amount)} along trust: {pay.data.transfers} transfer(s) over paths of up to{" "}
          {pay.data.hops} hop(s).
        </p>
      ) : null}
    </form>
  );
}

/** The planned transfers, each named: who gives whom how much of whose token. */
function Route({ flow }: { flow: PaymentFlow }) {
  const accounts = flow.vertices.map((v) => getAddress(v));
  const label = usePersonLabels(accounts);
  const hops = flowHops(flow);
  return (
    <div aria-live="polite">
      <p>
        The path: {flow.edges.length} transfer(s) over {hops} hop(s).
      </p>
      <ol data-testid="path">
        {flow.edges.map((edge, i) => (
          <li key={i}>
            {label(accounts[edge.from]!)} → {label(accounts[edge.to]!)}: {formatTokens(edge.amount)} of{" "}
            {label(accounts[edge.token]!)}'s token
          </li>
        ))}
      </ol>
    </div>
  );
}
