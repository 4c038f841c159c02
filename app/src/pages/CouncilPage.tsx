/**
 * A council: its seats now (each seated circle, whether it is on probation, its delegate and until when; the chain,
 * readSeats) and its proposals with their votes (the ledger). A council has no authority over its circles: a seat
 * is the circle's, the delegate holds it by the circle's mandate, and a circle leaves by its own decision.
 */
import type { Address as Addr } from "viem";

import { Person } from "../components/Person.js";
import { Address, Loaded, Section, Time } from "../components/basics.js";
import { ProposalList } from "../components/ProposalList.js";
import { useLedgerProposals } from "../hooks/queries.js";
import { useSeats } from "../hooks/reads.js";
import { href } from "../routes.js";

export function CouncilPage({ council }: { council: Addr }) {
  const seats = useSeats(council);
  const proposals = useLedgerProposals(council);
  return (
    <Loaded query={seats} what="the council">
      {(s) => (
        <>
          <p className="crumbs">
            <a href={href({ page: "circles" })}>← Circles and councils</a>
          </p>
          <h1>{s.name}</h1>
          <p className="lede">
            <Address value={s.council} /> · a council · {s.seats.length} of at most {s.maxSeats} seats ·{" "}
            {s.openJoin ? "any circle may take a seat" : "seats by the council's decision"} · probation{" "}
            {Number((Number(s.probation) / 86_400).toFixed(2))} day(s) ·{" "}
            <a href={href({ page: "circle", circle: s.council })}>its charter, rules and mandates</a>
          </p>
          <Section id="seats" title="Seats">
            {s.seats.length === 0 ? (
              <p>No circle holds a seat.</p>
            ) : (
              <div className="scroll">
                <table data-testid="seats">
                  <caption>
                    Each seated circle and its delegate (the role “{s.delegateRole}”, a mandate the circle grants). A
                    vacant seat or one on probation does not count toward new proposals.
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Circle</th>
                      <th scope="col">Delegate</th>
                      <th scope="col">Counts</th>
                      <th scope="col">Probation</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.seats.map((seat) => (
                      <tr key={seat.circle}>
                        <th scope="row">
                          <a href={href({ page: "circle", circle: seat.circle })}>{seat.name}</a>
                        </th>
                        <td>
                          {seat.delegate ? (
                            <>
                              <Person account={seat.delegate} /> until <Time at={seat.mandateExpiresAt!} />
                            </>
                          ) : (
                            "vacant"
                          )}
                        </td>
                        <td>{seat.counts ? "yes" : "no"}</td>
                        <td>
                          {seat.onProbation && seat.probationEndsAt !== null ? (
                            <>
                              until <Time at={seat.probationEndsAt} />
                            </>
                          ) : (
                            "no"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          <Section id="proposals" title="Proposals">
            <Loaded query={proposals} what="the proposals">
              {(data) => <ProposalList circle={council} proposals={data.proposals} />}
            </Loaded>
          </Section>
        </>
      )}
    </Loaded>
  );
}
