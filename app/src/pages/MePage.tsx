/**
 * The member's own page, for the connected wallet's account (readMemberOverview): per circle, what awaits their vote,
 * the mandates they hold and when each ends, their cooldowns, and their credit with a way to pay; their basic income
 * with what they can claim; whom they trust, and paying along trust; and their name.
 */
import type { Address } from "viem";
import { useConnection } from "wagmi";

import type { ReadMemberCircleReturnType } from "../../../client/actions/member/readMemberCircle.js";
import type { ReadMemberOverviewReturnType } from "../../../client/actions/member/readMemberOverview.js";
import { Loaded, Section, Time } from "../components/basics.js";
import { ClaimIncomeForm } from "../components/money/ClaimIncomeForm.js";
import { NameForm } from "../components/money/NameForm.js";
import { PayAlongTrustForm } from "../components/money/PayAlongTrustForm.js";
import { PayInCreditForm } from "../components/money/PayInCreditForm.js";
import { TrustForm } from "../components/money/TrustForm.js";
import { Person } from "../components/Person.js";
import { useApp } from "../context.js";
import { useCircle, useMemberOverview, useMembersOf, useTrustedBy } from "../hooks/queries.js";
import { href } from "../routes.js";

export function MePage() {
  const { address } = useConnection();
  const { config } = useApp();
  const overview = useMemberOverview(address);
  if (!address) {
    return (
      <>
        <h1>Your page</h1>
        <p>Connect a wallet above to see what awaits your vote, your mandates, your credit and your income.</p>
      </>
    );
  }
  return (
    <>
      <h1>Your page</h1>
      <p className="lede" data-testid="me">
        <Person account={address} />
      </p>
      <Loaded query={overview} what="your page">
        {(me) => <Overview me={me} />}
      </Loaded>
      <Section id="name" title="Your name">
        <NameForm profiles={config.addresses.profiles} />
      </Section>
    </>
  );
}

function Overview({ me }: { me: ReadMemberOverviewReturnType }) {
  const circles = me.circles.map((c) => c.circle);
  const people = useMembersOf(circles).filter((p) => p !== me.member);
  const { awaitingVote, mandates, cooldowns } = me.counts;
  return (
    <>
      <p data-testid="counts">
        {awaitingVote} proposal(s) await your vote; you hold {mandates} mandate(s); {cooldowns} cooldown(s) run; you
        belong to {me.circles.length} circle(s) and council(s). As of <Time at={me.at} />.
      </p>
      {me.income ? <Income me={me} people={people} /> : null}
      {me.circles.map((c) => (
        <CircleOfMine key={c.circle} c={c} />
      ))}
    </>
  );
}

function Income({ me, people }: { me: ReadMemberOverviewReturnType; people: Address[] }) {
  const income = me.income!;
  const trusted = useTrustedBy(me.member);
  const person = income.registered === "a person";
  return (
    <>
      <Section id="income" title="Basic income">
        {person ? (
          <>
            <p data-testid="income-balance">
              Your own token: {income.formatted.balance}
              {income.stopped ? " (you stopped your income)" : ""}.
            </p>
            {income.stopped ? null : <ClaimIncomeForm income={income} />}
          </>
        ) : (
          <p>
            You are {income.registered === "a circle" ? "registered as a circle" : "not registered"} in the income hub.
          </p>
        )}
      </Section>
      <Section id="trust" title="Trust">
        {trusted.data && trusted.data.length > 0 ? (
          <>
            <p>You accept the tokens of:</p>
            <ul data-testid="trusted">
              {trusted.data.map((t) => (
                <li key={t}>
                  <Person account={t} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p data-testid="trusted">You trust no one yet: you accept only your own token.</p>
        )}
        <TrustForm hub={income.hub} people={people} />
        <PayAlongTrustForm hub={income.hub} me={me.member} people={people} />
      </Section>
    </>
  );
}

function CircleOfMine({ c }: { c: ReadMemberCircleReturnType }) {
  const body = useCircle(c.circle);
  const id = `circle-${c.circle}`;
  return (
    <Section id={id} title={c.name}>
      <p>
        <a href={href({ page: "circle", circle: c.circle })}>The {c.council ? "council" : "circle"}'s page</a>
      </p>
      <h3>Awaiting your vote</h3>
      {c.awaitingVote.length === 0 ? (
        <p>Nothing awaits your vote.</p>
      ) : (
        <ul>
          {c.awaitingVote.map((p) => (
            <li key={p.proposalId.toString()}>
              <a href={href({ page: "proposal", circle: c.circle, proposalId: p.proposalId })}>{p.description}</a>,
              proposed by <Person account={p.proposer} />: vote by <Time at={p.deadline} />
            </li>
          ))}
        </ul>
      )}
      <h3>Your mandates</h3>
      {c.mandates.length === 0 ? (
        <p>You hold no mandate here.</p>
      ) : (
        <ul>
          {c.mandates.map((m) => (
            <li key={m.id.toString()}>
              {m.role}
              {m.title && m.title !== m.role ? ` (${m.title})` : ""}
              {m.drawn ? ", drawn by lot" : ""}: ends <Time at={m.expiresAt} />; recall signals{" "}
              {m.recall.signals.toString()} of {m.recall.needed.toString()} needed
            </li>
          ))}
        </ul>
      )}
      <h3>Your cooldowns</h3>
      {c.cooldowns.length === 0 ? (
        <p>No cooldown runs for you here.</p>
      ) : (
        <ul>
          {c.cooldowns.map((k) => (
            <li key={`${k.kind}-${k.role}`}>
              {k.kind === "term"
                ? `No "${k.role}" mandate`
                : k.kind === "reset"
                  ? "No reset signal"
                  : "No role (named dominant)"}{" "}
              until <Time at={k.until} />
            </li>
          ))}
        </ul>
      )}
      {c.credit ? (
        <>
          <h3>Your credit in {c.credit.name}</h3>
          <p data-testid="credit">
            Balance {c.credit.formatted.balance}; you may go {c.credit.formatted.creditLimit} below zero and hold up to{" "}
            {c.credit.formatted.saturationLimit}; you can pay {c.credit.formatted.canPay} now.
          </p>
          <PayInCreditForm
            id={`pay-${c.circle}`}
            credit={c.credit}
            members={(body.data?.members ?? []).filter((m) => m !== c.member)}
          />
        </>
      ) : null}
    </Section>
  );
}
