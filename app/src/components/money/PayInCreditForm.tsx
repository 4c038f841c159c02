/**
 * Paying in a circle's currency from the connected wallet (the client's payInCredit): to a member picked by name or a
 * pasted address, an amount in the currency's units, and a memo for the reciprocity ledger. A payment beyond a limit
 * is refused by the simulation, in the currency's units, with the CLI's sentence; nothing is sent.
 */
import { useState, type FormEvent } from "react";
import type { Address } from "viem";

import { payInCredit } from "../../../../client/actions/credit/payInCredit.js";
import type { MemberCredit } from "../../../../client/actions/member/readMemberCircle.js";
import { formatAmount } from "../../../../client/units.js";
import { Refusal } from "../basics.js";
import { usePersonLabel } from "../../hooks/names.js";
import { parseAmountInput, pickedAddress, PersonPicker } from "./inputs.js";
import { useWrite } from "./useWrite.js";

export function PayInCreditForm({
  id,
  credit,
  members,
}: {
  id: string;
  credit: MemberCredit;
  members: readonly Address[];
}) {
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const pay = useWrite(payInCredit);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pay.mutate(() => ({
      currency: credit.currency,
      to: pickedAddress(to, "whom to pay"),
      amount: parseAmountInput(amount, credit.decimals),
      ...(memo.trim() ? { memo: memo.trim() } : {}),
    }));
  };
  return (
    <form className="act" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Pay in {credit.name}</h3>
      <PersonPicker id={`${id}-to`} label="Pay whom" people={members} value={to} onChange={setTo} />
      <label htmlFor={`${id}-amount`}>Amount ({credit.symbol})</label>
      <input
        id={`${id}-amount`}
        inputMode={credit.decimals === 0 ? "numeric" : "decimal"}
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <label htmlFor={`${id}-memo`}>What for (a memo, recorded on the chain)</label>
      <input id={`${id}-memo`} autoComplete="off" value={memo} onChange={(e) => setMemo(e.target.value)} />
      <button type="submit" disabled={pay.isPending}>
        {pay.isPending ? "Paying …" : `Pay in ${credit.symbol}`}
      </button>
      {pay.isError ? <Refusal error={pay.error} /> : null}
      {pay.isSuccess ? <Paid credit={credit} paid={pay.data} /> : null}
    </form>
  );
}

function Paid({ credit, paid }: { credit: MemberCredit; paid: Awaited<ReturnType<typeof payInCredit>> }) {
  const to = usePersonLabel(paid.to);
  return (
    <p role="status" className="ok">
      You paid {to} {formatAmount(paid.amount, credit)}
      {paid.memo ? ` for "${paid.memo}"` : ""}. Your balance is now {formatAmount(paid.payerBalance, credit)}.
    </p>
  );
}
