/**
 * A circle's currency (mutual credit, from the ledger): every account's balance, the reciprocity graph (who gave
 * whom how much; a pair where money went one way only is marked), and every payment with its memo. Balances sum to
 * zero: below zero is credit used, above it is credit extended to the others.
 */
import type { Address as Addr } from "viem";

import type { ReadReciprocityGraphReturnType } from "../../../client/actions/ledger/readReciprocityGraph.js";
import { formatBps } from "../../../client/scorecard.js";
import { formatAmount } from "../../../client/units.js";
import { Address, Loaded, Section, Time } from "../components/basics.js";
import { Graph } from "../components/Graph.js";
import { useCircle } from "../hooks/queries.js";
import { usePayments, useReciprocityGraph } from "../hooks/reads.js";
import { href } from "../routes.js";

/** An account's short label inside a drawing (the table beside it names it in full). */
export const short = (a: Addr) => `${a.slice(0, 6)}…${a.slice(-4)}`;

export function CurrencyPage({ circle }: { circle: Addr }) {
  const body = useCircle(circle);
  const graph = useReciprocityGraph(circle);
  const name = body.data?.name ?? "The circle";
  return (
    <>
      <p className="crumbs">
        <a href={href({ page: "circle", circle })}>← {name}</a>
      </p>
      <Loaded query={graph} what="the currency">
        {(g) =>
          g.currency === null ? (
            <>
              <h1>{name}: no currency</h1>
              <p>This circle has not created a currency.</p>
            </>
          ) : (
            <>
              <h1>
                {g.currency.name} ({g.currency.symbol})
              </h1>
              <p className="lede">
                {name}’s mutual credit · <Address value={g.currency.currency} /> · {g.currency.payments} payment(s),{" "}
                {formatAmount(g.currency.volume, g.currency)} in all · members may go{" "}
                {formatAmount(g.currency.defaultCreditLimit, g.currency)} below zero
              </p>
              <Balances graph={g} />
              <Reciprocity graph={g} />
              <Payments circle={circle} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

function Balances({ graph }: { graph: ReadReciprocityGraphReturnType }) {
  return (
    <Section id="balances" title="Balances">
      <div className="scroll">
        <table data-testid="balances">
          <caption>Each account now; they sum to zero (below zero: credit used)</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Balance</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {graph.nodes.map((n) => (
              <tr key={n.account}>
                <th scope="row">
                  <Address value={n.account} />
                </th>
                <td className="number">{n.formattedBalance}</td>
                <td>
                  {[
                    n.commons ? "the commons" : null,
                    n.departed ? "left the circle" : null,
                    n.admitted && !n.commons ? "admitted to hold" : null,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function Reciprocity({ graph }: { graph: ReadReciprocityGraphReturnType }) {
  const units = graph.currency ?? {};
  const max = graph.edges.reduce((m, e) => (e.given > m ? e.given : m), 0n);
  const width = (given: bigint) => (max === 0n ? 2 : 1.5 + (Number(given) / Number(max)) * 6);
  const share = graph.oneSidedPairShareBps;
  return (
    <Section id="reciprocity" title="Reciprocity">
      <p>
        {graph.pairs} pair(s) of members paid each other; {graph.oneSidedPairs} one-sided (money went one way only)
        {share !== null ? `, ${formatBps(share)} of the pairs` : ""}. An arrow goes from giver to receiver, as thick as
        what was given; a one-sided pair is drawn dashed in red. Payments with the commons are drawn but not counted.
        {graph.across.payments > 0
          ? ` Left out: ${graph.across.payments} payment leg(s) across to other currencies (${formatAmount(graph.across.volume, units)}).`
          : ""}
      </p>
      <Graph
        testId="reciprocity-graph"
        label={`Reciprocity graph: ${graph.nodes.length} accounts, ${graph.edges.length} arrows from giver to receiver, ${graph.edges.filter((e) => e.oneSided).length} one-sided; the same data is in the table below`}
        layout="circle"
        nodes={graph.nodes.map((n) => ({
          id: n.account,
          label: `${n.commons ? "commons " : ""}${short(n.account)}\n${n.formattedBalance}`,
          classes: [n.commons ? "commons" : "", n.departed ? "departed" : ""].join(" ").trim(),
        }))}
        edges={graph.edges.map((e) => ({
          id: `${e.giver}-${e.receiver}`,
          source: e.giver,
          target: e.receiver,
          label: e.formattedGiven,
          width: width(e.given),
          classes: e.oneSided ? "one-sided" : "",
        }))}
      />
      <details>
        <summary>The graph as a table</summary>
        <div className="scroll">
          <table data-testid="reciprocity-edges">
            <caption>Who gave whom, in all</caption>
            <thead>
              <tr>
                <th scope="col">Giver</th>
                <th scope="col">Receiver</th>
                <th scope="col">Given</th>
                <th scope="col">Payments</th>
                <th scope="col">Pair</th>
              </tr>
            </thead>
            <tbody>
              {graph.edges.map((e) => (
                <tr key={`${e.giver}-${e.receiver}`} className={e.oneSided ? "one-sided" : undefined}>
                  <td>
                    <Address value={e.giver} />
                  </td>
                  <td>
                    <Address value={e.receiver} />
                  </td>
                  <td className="number">{e.formattedGiven}</td>
                  <td className="number">{e.payments}</td>
                  <td>{!e.counted ? "with the commons (not counted)" : e.oneSided ? "one-sided" : "both ways"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Section>
  );
}

function Payments({ circle }: { circle: Addr }) {
  const payments = usePayments(circle);
  return (
    <Section id="payments" title="Payments">
      <Loaded query={payments} what="the payments">
        {({ currency, payments: list }) =>
          list.length === 0 ? (
            <p>No payments yet.</p>
          ) : (
            <ol className="payments" reversed data-testid="payments">
              {[...list].reverse().map((p) => (
                <li key={`${p.transactionHash}-${p.logIndex}`}>
                  <Address value={p.payer} /> paid <Address value={p.payee} />{" "}
                  <strong>{formatAmount(p.amount, currency ?? {})}</strong> at <Time at={p.at} />
                  {p.across ? ` (across currencies: ${p.across === "out" ? "leaving" : "arriving"})` : ""}
                  {p.memo ? <q>{p.memo}</q> : null}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </Section>
  );
}
