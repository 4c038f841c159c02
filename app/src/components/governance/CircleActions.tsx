/**
 * What a member does in a circle besides proposing: signal a hard reset (the round: signals so far of the threshold,
 * and when it ends), signal the recall of a live mandate, record how heard they felt in the decision period that
 * ended (naming a dominant member, if any), and leave the circle (after confirming). Each goes through the client's
 * write action, which simulates first: a refusal is the CLI's sentence and nothing is sent.
 */
import { useState, type FormEvent } from "react";
import type { Address as Addr } from "viem";

import { leaveCircle } from "../../../../client/actions/circle/leaveCircle.js";
import { recordTemperature } from "../../../../client/actions/circle/recordTemperature.js";
import { signalReset } from "../../../../client/actions/circle/signalReset.js";
import type { ReadMandateHistoryReturnType } from "../../../../client/actions/ledger/readMandateHistory.js";
import { signalRecall } from "../../../../client/actions/mandate/signalRecall.js";
import { useApp } from "../../context.js";
import { useRituals, useWrite } from "../../hooks/governance.js";
import { Address, Refusal, Time } from "../basics.js";
import { MemberSelect, useNameOf } from "./MemberSelect.js";

/** The reset round now (the chain), and a member's signal toward a hard reset. */
export function ResetSignal({ circle }: { circle: Addr }) {
  const { config } = useApp();
  const rituals = useRituals(circle);
  const signal = useWrite((wallet, _: void) => signalReset(wallet, { circle, registry: config.addresses.registry }));
  const round = rituals.data?.reset;
  return (
    <div className="act">
      <h3>Signal a hard reset</h3>
      {round ? (
        <p data-testid="reset-round">
          {round.open ? (
            <>
              Round {round.round.toString()}: {round.signals.toString()} of {round.threshold} signals, until{" "}
              <Time at={round.endsAt} />.
            </>
          ) : (
            <>No round is running: the first signal starts one; {round.threshold} signals within it reset the circle.</>
          )}
        </p>
      ) : null}
      <button type="button" disabled={!signal.ready || signal.isPending} onClick={() => signal.mutate()}>
        {signal.isPending ? "Signalling …" : "Signal a reset"}
      </button>
      {signal.isError ? <Refusal error={signal.error} /> : null}
      {signal.isSuccess ? (
        <p role="status" className="ok">
          {signal.data.reset
            ? `Your signal reset the circle: epoch ${signal.data.epoch}, ${signal.data.endedMandates.length} mandate(s) ended.`
            : `Your signal is recorded: ${signal.data.signals} of ${signal.data.threshold} in round ${signal.data.round}.`}
        </p>
      ) : null}
    </div>
  );
}

/** The live mandates (the ledger), each with its recall signals and a member's signal to recall it. */
export function RecallSignals({ mandates, history }: { mandates: Addr; history: ReadMandateHistoryReturnType }) {
  const signal = useWrite((wallet, mandateId: bigint) => signalRecall(wallet, { mandates, mandateId }));
  const live = history.mandates.filter((m) => m.status === "live");
  return (
    <div className="act">
      <h3>Recall a mandate</h3>
      {live.length === 0 ? <p>No mandate is live now.</p> : null}
      <ul className="recalls">
        {live.map((m) => (
          <li key={m.mandateId.toString()}>
            {m.role}, held by <Address value={m.holder} /> until <Time at={m.expiresAt} />:{" "}
            <span data-testid={`recall-${m.mandateId}`}>{m.recallSignals} recall signal(s)</span>{" "}
            <button
              type="button"
              disabled={!signal.ready || signal.isPending}
              onClick={() => signal.mutate(m.mandateId)}
            >
              Signal a recall of {m.role}
            </button>
          </li>
        ))}
      </ul>
      {signal.isError ? <Refusal error={signal.error} /> : null}
      {signal.isSuccess ? (
        <p role="status" className="ok">
          {signal.data.recalled
            ? `Mandate ${signal.data.mandateId} is recalled: ${signal.data.signals} of ${signal.data.needed} signals.`
            : `Your signal is recorded: ${signal.data.signals} of the ${signal.data.needed} needed to recall mandate ${signal.data.mandateId}.`}
        </p>
      ) : null}
    </div>
  );
}

const HEARD = [
  { value: 1, label: "1: not heard at all" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5: fully heard" },
];

/** A member's temperature reading for the decision period that ended. */
export function TemperatureForm({ circle, members }: { circle: Addr; members: readonly Addr[] }) {
  const { config } = useApp();
  const rituals = useRituals(circle);
  const [heard, setHeard] = useState(3);
  const [dominant, setDominant] = useState("");
  const nameOf = useNameOf(members);
  const record = useWrite((wallet, input: { heard: number; dominant: string }) =>
    recordTemperature(wallet, {
      circle,
      registry: config.addresses.registry,
      heard: input.heard,
      ...(input.dominant ? { dominant: input.dominant as Addr } : {}),
    }),
  );
  const ended = rituals.data && rituals.data.currentPeriod > 0n ? rituals.data.currentPeriod - 1n : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ heard, dominant });
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="temperature-form-title">
      <h3 id="temperature-form-title">Record how heard you felt</h3>
      <p>
        {ended !== undefined ? `For decision period ${ended}, which ended.` : "For the decision period that ended."}
      </p>
      <fieldset>
        <legend>How heard did you feel?</legend>
        {HEARD.map((h) => (
          <label key={h.value} className="choice">
            <input
              type="radio"
              name="heard"
              value={h.value}
              checked={heard === h.value}
              onChange={() => setHeard(h.value)}
            />
            {h.label}
          </label>
        ))}
      </fieldset>
      <MemberSelect
        id="temperature-dominant"
        label="Did a member dominate? (optional)"
        members={members}
        value={dominant}
        onChange={setDominant}
        none="Nobody"
      />
      <button type="submit" disabled={!record.ready || record.isPending}>
        {record.isPending ? "Recording …" : "Record my reading"}
      </button>
      {record.isError ? <Refusal error={record.error} /> : null}
      {record.isSuccess ? (
        <p role="status" className="ok">
          Recorded {record.data.recorded.heard} for period {record.data.aggregate?.period.toString()}
          {record.data.recorded.dominant ? `, naming ${nameOf(record.data.recorded.dominant)} as dominant` : ""}: now{" "}
          {record.data.aggregate?.readings} reading(s), average {record.data.aggregate?.average ?? "none"}.
          {record.data.recorded.cooledDown ? " A majority named them: they sit out of roles for a while." : ""}
        </p>
      ) : null}
    </form>
  );
}

/** Leaving the circle, after a confirming second step. */
export function LeaveForm({ circle, name }: { circle: Addr; name: string }) {
  const { config } = useApp();
  const [confirming, setConfirming] = useState(false);
  const leave = useWrite((wallet, _: void) => leaveCircle(wallet, { circle, registry: config.addresses.registry }));
  return (
    <div className="act">
      <h3>Leave the circle</h3>
      {!confirming ? (
        <button
          type="button"
          disabled={!leave.ready || leave.isPending || leave.isSuccess}
          onClick={() => setConfirming(true)}
        >
          Leave {name} …
        </button>
      ) : (
        <div role="group" aria-label="Confirm leaving">
          <p>Leave {name}? Your mandates in it end, and coming back takes a decision of the members.</p>
          <button
            type="button"
            className="danger"
            disabled={leave.isPending}
            onClick={() => leave.mutate(undefined, { onSettled: () => setConfirming(false) })}
          >
            {leave.isPending ? "Leaving …" : "Yes, leave"}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Stay
          </button>
        </div>
      )}
      {leave.isError ? <Refusal error={leave.error} /> : null}
      {leave.isSuccess ? (
        <p role="status" className="ok">
          You left {name}; {leave.data.membersLeft.toString()} members remain.
        </p>
      ) : null}
    </div>
  );
}
