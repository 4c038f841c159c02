/**
 * A circle (or council): who is in it, its charter and when it lapses, its rules in words, its proposals with their
 * votes and reasons, the template it was founded from (its lineage and reports, and a member's report to it), its
 * pair-link audit and mentorship (the rituals of rotation, and the steps members take in them), its mandates over
 * time, its facilitator, its temperature over time and its reset round. Live state from the chain
 * (readCircle), history from the ledger.
 */
import type { Address as Addr } from "viem";

import { describeMandateRules, describeRules, mandateRulesFromChain, rulesFromChain } from "../../../client/rules.js";
import { Address, Loaded, Section, Time } from "../components/basics.js";
import { Person } from "../components/Person.js";
import { MandateTimeline } from "../components/MandateTimeline.js";
import { ProposalList } from "../components/ProposalList.js";
import { TemperatureTable } from "../components/TemperatureTable.js";
// --- Governance actions (a connected wallet) ---
import { LeaveForm, RecallSignals, ResetSignal, TemperatureForm } from "../components/governance/CircleActions.js";
import { ProposeForm } from "../components/governance/ProposeForm.js";
// --- Rituals' data (issue 17) ---
import { Mentorship } from "../components/governance/Mentorship.js";
import { PairLinkAudit } from "../components/governance/PairLinkAudit.js";
import { TemplateLineage } from "../components/governance/TemplateLineage.js";
import {
  useChainTime,
  useCharters,
  useCircle,
  useLedgerProposals,
  useMandateHistory,
  useMembersOverTime,
  useResets,
  useTemperature,
} from "../hooks/queries.js";
import { useSeatsOfCircle } from "../hooks/reads.js";
import { href } from "../routes.js";

export function CirclePage({ circle }: { circle: Addr }) {
  const live = useCircle(circle);
  return (
    <Loaded query={live} what="the circle">
      {(c) => (
        <>
          <h1>{c.name}</h1>
          <p className="lede">
            <Address value={c.address} /> · {c.memberCount.toString()} of at most {c.maxMembers.toString()} members ·
            reset epoch {c.resetEpoch.toString()}
            {c.dissolved ? " · dissolved" : ""}
          </p>
          <PageLinks circle={circle} />
          <Members circle={circle} members={c.members} />
          <Section id="charter" title="Charter">
            <p>
              <code className="hash">{c.charter.contentHash}</code> ({c.charter.uri || "no URI"}){" "}
              {c.charterLapsed ? "lapsed on " : "in force until "}
              <Time at={c.charter.expiresAt} />.
            </p>
            <CharterHistory circle={circle} />
          </Section>
          <Section id="rules" title="Rules">
            <p>{describeRules(rulesFromChain(c.rules))}.</p>
            <p>Mandates: {describeMandateRules(mandateRulesFromChain(c.mandateRules))}.</p>
          </Section>
          <TemplateLineage circle={circle} />
          <PairLinkAudit circle={circle} mandates={c.mandates} auditPeriod={c.mandateRules.auditPeriod} />
          <Mentorship circle={circle} />
          <Section id="act" title="Act in this circle">
            <ProposeForm circle={circle} members={c.members} mandates={c.mandates} />
            <TemperatureForm circle={circle} members={c.members} />
            <LeaveForm circle={circle} name={c.name} />
          </Section>
          <Proposals circle={circle} />
          <Mandates circle={circle} mandates={c.mandates} />
          <CouncilSeats circle={circle} />
          <Temperature circle={circle} />
          <Resets circle={circle} epoch={c.resetEpoch} />
        </>
      )}
    </Loaded>
  );
}

function Members({ circle, members }: { circle: Addr; members: readonly Addr[] }) {
  const terms = useMembersOverTime(circle);
  const since = new Map<string, bigint>();
  for (const t of terms.data?.terms ?? []) if (t.leftAt === null) since.set(t.member.toLowerCase(), t.joinedAt);
  const former = (terms.data?.terms ?? []).filter((t) => t.leftAt !== null);
  return (
    <Section id="members" title="Members">
      <ul className="members">
        {members.map((m) => {
          const joined = since.get(m.toLowerCase());
          return (
            <li key={m}>
              <a href={href({ page: "person", person: m })}>
                <Person account={m} />
              </a>
              {joined !== undefined ? (
                <>
                  {" "}
                  · since <Time at={joined} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {former.length > 0 ? (
        <>
          <h3>Former members</h3>
          <ul>
            {former.map((t) => (
              <li key={`${t.member}-${t.joinedAt}`}>
                <Person account={t.member} /> · <Time at={t.joinedAt} /> to <Time at={t.leftAt!} /> ({t.leftHow})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {terms.isError ? <p className="muted">Join dates are missing: the ledger did not answer.</p> : null}
    </Section>
  );
}

function CharterHistory({ circle }: { circle: Addr }) {
  const now = useChainTime();
  const charters = useCharters(circle, now.data);
  if (!charters.data || charters.data.charters.length < 2) return null;
  return (
    <>
      <h3>Earlier charters</h3>
      <ul>
        {charters.data.charters
          .filter((ch) => !ch.current)
          .map((ch) => (
            <li key={`${ch.contentHash}-${ch.ratifiedAt}`}>
              {ch.uri || ch.contentHash}: ratified <Time at={ch.ratifiedAt} />
              {ch.supersededAt !== null ? (
                <>
                  , replaced <Time at={ch.supersededAt} />
                </>
              ) : null}
            </li>
          ))}
      </ul>
    </>
  );
}

function Proposals({ circle }: { circle: Addr }) {
  const proposals = useLedgerProposals(circle);
  return (
    <Section id="proposals" title="Proposals">
      <Loaded query={proposals} what="the proposals">
        {(data) => <ProposalList circle={circle} proposals={data.proposals} />}
      </Loaded>
    </Section>
  );
}

function Mandates({ circle, mandates }: { circle: Addr; mandates: Addr }) {
  const history = useMandateHistory(circle);
  const facilitator = history.data?.roles.find((r) => /facilitat/i.test(r.role));
  return (
    <>
      <Section id="facilitator" title="Facilitator">
        {history.data ? (
          facilitator?.currentHolder ? (
            <p>
              <Person account={facilitator.currentHolder} /> facilitates now (drawn by lot, in rotation).
            </p>
          ) : (
            <p>No facilitator holds the role now.</p>
          )
        ) : null}
      </Section>
      <Section id="mandates" title="Mandates">
        <Loaded query={history} what="the mandates">
          {(data) => (
            <>
              <MandateTimeline history={data} />
              <RecallSignals mandates={mandates} history={data} />
            </>
          )}
        </Loaded>
      </Section>
    </>
  );
}

function Temperature({ circle }: { circle: Addr }) {
  const readings = useTemperature(circle);
  return (
    <Section id="temperature" title="Temperature over time">
      <Loaded query={readings} what="the temperature checks">
        {(data) => <TemperatureTable data={data} />}
      </Loaded>
    </Section>
  );
}

function Resets({ circle, epoch }: { circle: Addr; epoch: bigint }) {
  const resets = useResets(circle);
  return (
    <Section id="reset" title="Reset round">
      <p>
        {epoch === 0n ? "No hard reset so far." : `${epoch} hard reset(s) so far; this is epoch ${epoch}.`} A hard reset
        ends every open proposal and every live mandate; the members stay.
      </p>
      <Loaded query={resets} what="the resets">
        {(data) => (
          <>
            {data.resets.length > 0 ? (
              <ul>
                {data.resets.map((r) => (
                  <li key={r.epoch.toString()}>
                    Epoch {r.epoch.toString()} began <Time at={r.at} />, signalled by{" "}
                    {r.triggeredBy.map((m, i) => (
                      <span key={m}>
                        {i > 0 ? ", " : ""}
                        <Person account={m} />
                      </span>
                    ))}
                    : {r.proposalsEnded.length} proposal(s) and {r.mandatesEnded.toString()} mandate(s) ended.
                  </li>
                ))}
              </ul>
            ) : null}
            {data.signals.length > 0 ? (
              <>
                <h3>Signals</h3>
                <ul>
                  {data.signals.map((s) => (
                    <li key={`${s.round}-${s.member}`}>
                      Round {s.round.toString()}: <Person account={s.member} /> signalled at <Time at={s.at} /> (
                      {s.signals.toString()} in the round, which ends <Time at={s.roundEndsAt} />)
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </Loaded>
      <ResetSignal circle={circle} />
    </Section>
  );
}

// --- Read pages (issue 15): links to the circle's other pages, and its seats in councils ---

function PageLinks({ circle }: { circle: Addr }) {
  return (
    <nav aria-label="This circle">
      <ul className="page-links">
        <li>
          <a href={href({ page: "currency", circle })}>Currency and reciprocity</a>
        </li>
        <li>
          <a href={href({ page: "scorecard", circle })}>Sovereignty scorecard</a>
        </li>
        <li>
          <a href={href({ page: "pair-links", circle })}>Who works with whom</a>
        </li>
      </ul>
    </nav>
  );
}

function CouncilSeats({ circle }: { circle: Addr }) {
  const seats = useSeatsOfCircle(circle);
  return (
    <Section id="council-seats" title="Seats in councils">
      <Loaded query={seats} what="the council seats">
        {(list) =>
          list.length === 0 ? (
            <p>No seat in a council.</p>
          ) : (
            <ul>
              {list.map((s) => (
                <li key={s.council}>
                  <a href={href({ page: "council", council: s.council })}>{s.councilName}</a>:{" "}
                  {s.delegate ? (
                    <>
                      delegate <Address value={s.delegate} /> until <Time at={s.mandateExpiresAt!} />
                    </>
                  ) : (
                    "the seat is vacant (no delegate)"
                  )}
                  {s.onProbation && s.probationEndsAt !== null ? (
                    <>
                      , on probation until <Time at={s.probationEndsAt} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}
