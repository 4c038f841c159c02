/**
 * The mentorship of a circle (issue 17): the pairs of the last inversion still standing (a newer member mentoring a
 * more senior one, with their admission dates), who is unpaired, the inversion's number and when the next is due (or
 * that inversions are off); and the steps anyone takes from the page as the client's readMentorship says they apply:
 * start the inversion when it is due (canRequest), complete it once its randomness is out, ask for new randomness when
 * it expired. Each is the client's write action, which simulates first: a refusal is the CLI's sentence.
 */
import type { Address as Addr } from "viem";

import { completeInversion } from "../../../../client/actions/circle/completeInversion.js";
import type { MentorshipMember, ReadMentorshipReturnType } from "../../../../client/actions/circle/readMentorship.js";
import { requestInversion } from "../../../../client/actions/circle/requestInversion.js";
import { rerequestInversion } from "../../../../client/actions/circle/rerequestInversion.js";
import { formatDuration } from "../../../../client/time.js";
import { useApp } from "../../context.js";
import { useWrite } from "../../hooks/governance.js";
import { useMentorship } from "../../hooks/queries.js";
import { Loaded, Refusal, Section, Time } from "../basics.js";
import { Person } from "../Person.js";

export function Mentorship({ circle }: { circle: Addr }) {
  const mentorship = useMentorship(circle);
  return (
    <Section id="mentorship" title="Mentorship">
      <p>
        At each inversion the newest members mentor the most senior: the newest mentors the longest-standing, the second
        newest the second longest, and so on (ties in admission time broken by lot).
      </p>
      <Loaded query={mentorship} what="the mentorship">
        {(m) => (
          <>
            <p data-testid="inversion">
              <InversionState m={m} />
            </p>
            <h3>Pairs (mentor → mentee)</h3>
            {m.pairs.length === 0 ? (
              <p>No pair stands now.</p>
            ) : (
              <ul data-testid="mentorship-pairs" aria-label="Mentor and mentee pairs">
                {m.pairs.map(({ mentor, mentee }) => (
                  <li key={mentor.account}>
                    <Member member={mentor} /> → <Member member={mentee} />
                  </li>
                ))}
              </ul>
            )}
            <h3>Unpaired</h3>
            {m.unpaired.length === 0 ? (
              <p>Every member is in a pair.</p>
            ) : (
              <ul data-testid="mentorship-unpaired" aria-label="Unpaired members">
                {m.unpaired.map((member) => (
                  <li key={member.account}>
                    <Member member={member} />
                  </li>
                ))}
              </ul>
            )}
            <InversionSteps circle={circle} m={m} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function Member({ member }: { member: MentorshipMember }) {
  return (
    <>
      <Person account={member.account} /> (admitted <Time at={member.admittedAt} />)
    </>
  );
}

/** Which inversion the pairs are from, and what comes next. */
function InversionState({ m }: { m: ReadMentorshipReturnType }) {
  const last =
    m.number === 0n || m.completedAt === null ? (
      <>No inversion so far. </>
    ) : (
      <>
        Inversion {m.number.toString()} made these pairs on <Time at={m.completedAt} />.{" "}
      </>
    );
  if (!m.enabled) return <>{last}Inversions are off: the circle's rules set none.</>;
  if (m.pending) {
    return (
      <>
        {last}Inversion {m.pending.number.toString()} is started and waits for its randomness
        {m.pending.ready
          ? ": it is out, anyone may complete it."
          : m.pending.expired
            ? ", which can no longer be revealed: anyone may ask for new randomness."
            : " (a few blocks)."}
      </>
    );
  }
  return (
    <>
      {last}One every {formatDuration(m.period)}: the {m.number === 0n ? "first" : "next"} is due{" "}
      <Time at={m.nextDueAt!} />
      {m.canRequest ? ", now: anyone may start it." : "."}
    </>
  );
}

function InversionSteps({ circle, m }: { circle: Addr; m: ReadMentorshipReturnType }) {
  const { config } = useApp();
  const body = { circle, registry: config.addresses.registry };
  const start = useWrite((wallet, _: void) => requestInversion(wallet, body));
  const complete = useWrite((wallet, _: void) => completeInversion(wallet, body));
  const again = useWrite((wallet, _: void) => rerequestInversion(wallet, body));
  return (
    <>
      {m.canRequest ? (
        <div className="act">
          <button type="button" disabled={!start.ready || start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? "Starting …" : "Start the inversion"}
          </button>
        </div>
      ) : null}
      {start.isError ? <Refusal error={start.error} /> : null}
      {start.isSuccess ? (
        <p role="status" className="ok">
          Inversion {start.data.number.toString()} is started: complete it once the randomness of block{" "}
          {start.data.ticket.toString()} is out.
        </p>
      ) : null}
      {m.pending && !m.pending.expired ? (
        <div className="act">
          <button type="button" disabled={!complete.ready || complete.isPending} onClick={() => complete.mutate()}>
            {complete.isPending ? "Completing …" : "Complete it"}
          </button>
        </div>
      ) : null}
      {complete.isError ? <Refusal error={complete.error} /> : null}
      {complete.isSuccess ? (
        <p role="status" className="ok">
          Inversion {complete.data.number.toString()} is complete: {complete.data.pairs.length} pair(s)
          {complete.data.unpaired ? (
            <>
              , <Person account={complete.data.unpaired} /> unpaired in the middle
            </>
          ) : null}
          .
        </p>
      ) : null}
      {m.pending?.expired ? (
        <div className="act">
          <button type="button" disabled={!again.ready || again.isPending} onClick={() => again.mutate()}>
            {again.isPending ? "Asking …" : "Ask for new randomness"}
          </button>
        </div>
      ) : null}
      {again.isError ? <Refusal error={again.error} /> : null}
      {again.isSuccess ? (
        <p role="status" className="ok">
          Inversion {again.data.number.toString()} waits for the randomness of block {again.data.ticket.toString()}.
        </p>
      ) : null}
    </>
  );
}
