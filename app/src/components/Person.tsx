/** A person (a member, proposer, voter, holder): their name and short address, "(you)" after the connected account. */
import { getAddress, type Address } from "viem";
import { useConnection } from "wagmi";

import { usePersonLabel } from "../hooks/names.js";

export function Person({ account }: { account: Address }) {
  const label = usePersonLabel(account);
  const { address } = useConnection();
  const named = label !== getAddress(account);
  return (
    <>
      <span className={named ? "person" : "person address"} title={account}>
        {label}
      </span>
      {address && address.toLowerCase() === account.toLowerCase() ? <span className="you"> (you)</span> : null}
    </>
  );
}
