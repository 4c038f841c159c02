/**
 * Trusting a person in the income hub (the client's setTrust): accepting their token 1:1, for a while (`30d`, as the
 * CLI's `--for` reads it) or until a date (`--until`), or withdrawing that trust (`--revoke`).
 */
import { useState, type FormEvent } from "react";
import type { Address } from "viem";

import { setTrust, type SetTrustParameters } from "../../../../client/actions/income/setTrust.js";
import { parseDuration } from "../../../../client/chain.js";
import { InvalidParameterError } from "../../../../client/errors.js";
import { isoTime } from "../../../../client/time.js";
import { Refusal } from "../basics.js";
import { usePersonLabel } from "../../hooks/names.js";
import { pickedAddress, PersonPicker } from "./inputs.js";
import { useWrite } from "./useWrite.js";

type Term = "for" | "until";

/** A date from a date field (YYYY-MM-DD, midnight UTC) as unix seconds. */
function untilDate(value: string): bigint {
  const ms = /^\d{4}-\d\d-\d\d$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms))
    throw new InvalidParameterError("until", `"${value}" is not a date: pick a day to trust until.`);
  return BigInt(ms / 1000);
}

export function TrustForm({ hub, people }: { hub: Address; people: readonly Address[] }) {
  const [person, setPerson] = useState("");
  const [term, setTerm] = useState<Term>("for");
  const [duration, setDuration] = useState("30d");
  const [until, setUntil] = useState("");
  const trust = useWrite(setTrust);
  const send = (revoke: boolean) =>
    trust.mutate((): SetTrustParameters => {
      const trustee = pickedAddress(person, "whom to trust");
      if (revoke) return { hub, trustee, revoke: true };
      return term === "for"
        ? { hub, trustee, duration: parseDuration(duration, { label: "For" }) }
        : { hub, trustee, until: untilDate(until) };
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };
  return (
    <form className="act" onSubmit={submit} aria-labelledby="trust-form-title">
      <h3 id="trust-form-title">Trust a person</h3>
      <PersonPicker id="trust-person" label="Whom to trust" people={people} value={person} onChange={setPerson} />
      <fieldset>
        <legend>For how long</legend>
        <TermChoice
          term="for"
          chosen={term}
          onChoose={setTerm}
          field={{ label: "Duration (e.g. 30d, 2w, 1d12h)", className: "short" }}
          value={duration}
          onChange={setDuration}
        />
        <TermChoice
          term="until"
          chosen={term}
          onChoose={setTerm}
          field={{ label: "Date (UTC)", type: "date" }}
          value={until}
          onChange={setUntil}
        />
      </fieldset>
      <div className="buttons">
        <button type="submit" disabled={trust.isPending}>
          Trust
        </button>
        <button type="button" disabled={trust.isPending} onClick={() => send(true)}>
          Withdraw trust
        </button>
      </div>
      {trust.isError ? <Refusal error={trust.error} /> : null}
      {trust.isSuccess ? <Trusted trustee={trust.data.trustee} expiry={trust.data.expiry} /> : null}
    </form>
  );
}

/** One way to say how long: a radio button, and its field (enabled while it is chosen). */
function TermChoice({
  term,
  chosen,
  onChoose,
  field,
  value,
  onChange,
}: {
  term: Term;
  chosen: Term;
  onChoose: (term: Term) => void;
  field: { label: string; type?: string; className?: string };
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `trust-${term}`;
  return (
    <>
      <label className="choice">
        <input type="radio" name="trust-term" checked={chosen === term} onChange={() => onChoose(term)} />
        {term === "for" ? "For" : "Until"}
      </label>
      <label htmlFor={id} className="visually-hidden">
        {field.label}
      </label>
      <input
        id={id}
        type={field.type}
        className={field.className}
        value={value}
        disabled={chosen !== term}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

function Trusted({ trustee, expiry }: { trustee: Address; expiry: bigint }) {
  const label = usePersonLabel(trustee);
  return (
    <p role="status" className="ok">
      {expiry === 0n
        ? `You no longer trust ${label}.`
        : `You trust ${label} until ${isoTime(expiry)}: you accept their token 1:1.`}
    </p>
  );
}
