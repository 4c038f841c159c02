/**
 * What the money forms share: reading an amount typed in a token's units, and picking a person from the people you
 * share a circle with (by name) or by pasting an address. Bad input is refused with a sentence, before anything is
 * simulated.
 */
import { getAddress, isAddress, parseUnits, type Address } from "viem";

import { InvalidParameterError } from "../../../../client/errors.js";
import { usePersonLabels } from "../../hooks/names.js";

/** `text` as an amount in units of `decimals` decimals ("12", "0.5"), more than zero. */
export function parseAmountInput(text: string, decimals: number, what = "The amount"): bigint {
  const value = text.trim();
  const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(value)) {
    throw new InvalidParameterError(
      "amount",
      decimals === 0
        ? `${what} "${value}" is not an amount: this currency has no decimals, so use whole numbers (e.g. 25).`
        : `${what} "${value}" is not an amount: use digits, and at most ${decimals} decimals (e.g. 25 or 0.5).`,
    );
  }
  const amount = parseUnits(value, decimals);
  if (amount === 0n) throw new InvalidParameterError("amount", `${what} must be more than zero.`);
  return amount;
}

/** The address a picker holds, checksummed; refused with a sentence if it is not one. */
export function pickedAddress(value: string, what: string): Address {
  const text = value.trim();
  if (!isAddress(text, { strict: false })) {
    throw new InvalidParameterError(
      "address",
      text === ""
        ? `Say who: pick ${what} from the list or paste their address.`
        : `"${text}" is not an address: pick ${what} from the list or paste an address (0x and 40 hex digits).`,
    );
  }
  return getAddress(text);
}

/** A person from a list (by name and short address) or a pasted address; `value` is whichever was given last. */
export function PersonPicker({
  id,
  label,
  people,
  value,
  onChange,
}: {
  id: string;
  label: string;
  people: readonly Address[];
  value: string;
  onChange: (value: string) => void;
}) {
  const labelOf = usePersonLabels(people);
  const listed = people.find((p) => p.toLowerCase() === value.trim().toLowerCase());
  return (
    <div className="picker">
      <label htmlFor={`${id}-list`}>{label}</label>
      <select id={`${id}-list`} value={listed ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">Someone else (paste their address)</option>
        {people.map((p) => (
          <option key={p} value={p}>
            {labelOf(p)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-address`}>or paste an address</label>
      <input
        id={`${id}-address`}
        className="address"
        autoComplete="off"
        spellCheck={false}
        placeholder="0x…"
        value={listed ? "" : value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
