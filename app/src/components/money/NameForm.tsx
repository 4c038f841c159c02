/**
 * Setting one's display name (the client's setProfile). Names are not unique and prove nothing: the app shows each
 * with the short address, and marks a name two people of a page share.
 */
import { useState, type FormEvent } from "react";
import type { Address } from "viem";

import { setProfile } from "../../../../client/actions/profile/setProfile.js";
import { Refusal } from "../basics.js";
import { useWrite } from "./useWrite.js";

export function NameForm({ profiles }: { profiles: Address }) {
  const [name, setName] = useState("");
  const save = useWrite(setProfile);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(() => ({ profiles, name: name.trim() }));
  };
  return (
    <form className="act" onSubmit={submit} aria-label="Set your name">
      <label htmlFor="profile-name">Your name (shown next to your address; anyone may use the same name)</label>
      <input id="profile-name" autoComplete="nickname" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving …" : "Set my name"}
      </button>
      {save.isError ? <Refusal error={save.error} /> : null}
      {save.isSuccess ? (
        <p role="status" className="ok">
          Your name is now "{save.data.name}".
        </p>
      ) : null}
    </form>
  );
}
