/**
 * A person (or any account): their basic income in the hub now (the chain: registered, balance after demurrage,
 * what they may claim) and the trust around them (the ledger: who trusts whom, one or two steps out, the bound
 * stated). Income moves along trust: a payment can reach anyone the payer's trust leads to.
 */
import { Person } from "../components/Person.js";
import { useState } from "react";
import type { Address as Addr } from "viem";

import { MAX_TRUST_DEPTH } from "../../../client/actions/ledger/readTrustGraphAround.js";
import { INCOME_UNITS } from "../../../client/units.js";
import { Loaded, Section, Time } from "../components/basics.js";
import { Graph } from "../components/Graph.js";
import { useIncomeAccount, useTrustAround } from "../hooks/reads.js";
import { href } from "../routes.js";
import { short } from "./CurrencyPage.js";

/** Income in tokens to the hundredth, rounded down (demurrage changes the last digits by the second). */
function tokens(amount: bigint): string {
  const hundredths = amount / 10n ** BigInt(INCOME_UNITS.decimals - 2);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")} ${INCOME_UNITS.symbol}`;
}

/** The page offers one or two steps out; the client reads up to MAX_TRUST_DEPTH. */
const DEPTHS = [1, 2].filter((d) => d <= MAX_TRUST_DEPTH);

export function PersonPage({ person }: { person: Addr }) {
  const income = useIncomeAccount(person);
  return (
    <>
      <p className="crumbs">
        <a href={href({ page: "circles" })}>← Circles and councils</a>
      </p>
      <h1>
        <Person account={person} />
      </h1>
      <Section id="income" title="Basic income">
        <Loaded query={income} what="the income account">
          {(a) =>
            a.registered === "not registered" ? (
              <p>Not registered in the income hub.</p>
            ) : (
              <dl className="facts" data-testid="income">
                <dt>Registered as</dt>
                <dd>{a.registered}</dd>
                <dt>Own income held</dt>
                <dd>{tokens(a.balance)} (after demurrage)</dd>
                <dt>Claimable now</dt>
                <dd>{a.stopped ? "nothing: income stopped" : tokens(a.claimable)}</dd>
              </dl>
            )
          }
        </Loaded>
      </Section>
      <Trust person={person} />
    </>
  );
}

function Trust({ person }: { person: Addr }) {
  const [depth, setDepth] = useState(1);
  const trust = useTrustAround(person, depth);
  return (
    <Section id="trust" title="Trust around them">
      <fieldset className="depth">
        <legend>Steps out</legend>
        {DEPTHS.map((d) => (
          <label key={d} className="choice">
            <input type="radio" name="depth" value={d} checked={depth === d} onChange={() => setDepth(d)} />
            {d === 1 ? "1 step (whom they trust, who trusts them)" : `${d} steps`}
          </label>
        ))}
      </fieldset>
      <Loaded query={trust} what="the trust graph">
        {(g) => (
          <>
            <p data-testid="trust-bound">
              {g.depth} step(s) out, at most {g.maxNodes} accounts: {g.nodes.length} account(s) and {g.edges.length}{" "}
              trust link(s){g.truncated ? " (cut at the bound: there is more)" : ""}, as of <Time at={g.at} />. They
              trust {g.trusts.length}; {g.trustedBy.length} trust them. An arrow goes from truster to trusted.
            </p>
            <Graph
              testId="trust-graph"
              label={`Trust graph around ${person}: ${g.nodes.length} accounts, ${g.edges.length} arrows from truster to trusted; the same data is in the table below`}
              layout="concentric"
              nodes={g.nodes.map((n) => ({
                id: n.account,
                label: `${short(n.account)}${n.kind === "circle" ? " (circle)" : ""}`,
                classes: [n.distance === 0 ? "centre" : "", n.kind === "circle" ? "commons" : ""].join(" ").trim(),
                level: MAX_TRUST_DEPTH + 1 - n.distance,
              }))}
              edges={g.edges.map((e) => ({ id: `${e.truster}-${e.trustee}`, source: e.truster, target: e.trustee }))}
            />
            <details>
              <summary>The graph as a table</summary>
              <div className="scroll">
                <table data-testid="trust-edges">
                  <caption>Who trusts whom, and until when</caption>
                  <thead>
                    <tr>
                      <th scope="col">Truster</th>
                      <th scope="col">Trusted</th>
                      <th scope="col">Until</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.edges.map((e) => (
                      <tr key={`${e.truster}-${e.trustee}`}>
                        <td>
                          <TrustLink account={e.truster} self={person} />
                        </td>
                        <td>
                          <TrustLink account={e.trustee} self={person} />
                        </td>
                        <td>
                          <Time at={e.expiry} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** An account in the trust table: a link to its own page, unless it is this page's person. */
function TrustLink({ account, self }: { account: Addr; self: Addr }) {
  if (account === self) return <Person account={account} />;
  return (
    <a href={href({ page: "person", person: account })}>
      <Person account={account} />
    </a>
  );
}
