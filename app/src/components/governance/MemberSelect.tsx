/** Choosing a member by name: a select of the circle's members, each shown with their display name. */
import type { Address } from "viem";

import { useNames } from "../../hooks/governance.js";

export function MemberSelect({
  id,
  label,
  members,
  value,
  onChange,
  none,
}: {
  id: string;
  label: string;
  members: readonly Address[];
  value: string;
  onChange: (value: string) => void;
  /** The label of an empty choice, when choosing nobody is allowed. */
  none?: string;
}) {
  const names = useNames(members);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined ? <option value="">{none}</option> : <option value="">Choose a member</option>}
        {(names.data ?? []).map((m) => (
          <option key={m.account} value={m.account}>
            {m.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** A member's display name from the circle's names, or the address. */
export function useNameOf(members: readonly Address[]) {
  const names = useNames(members);
  return (account: string) =>
    names.data?.find((m) => m.account.toLowerCase() === account.toLowerCase())?.name ?? account;
}
