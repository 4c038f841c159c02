/**
 * Who works with whom in a circle (issue 17): the pair-link map the two members of a pair-link audit, drawn by lot,
 * look at for informal cliques. The agreement matrix (how often two members voted alike), then who proposes whom for
 * mandates and admissions, who pays whom in the circle's currency, who holds a role after whom, and each member's
 * strongest links. Computed by the client's readPairLinks from the circle's events on the chain (see client/pairLinks.ts
 * for what each link counts); the CLI's `circle pair-links` prints the same map.
 */
import type { ReactNode } from "react";
import { getAddress, type Address as Addr } from "viem";

import type { ReadPairLinksReturnType } from "../../../client/actions/circle/readPairLinks.js";
import { shortAddress } from "../../../client/names.js";
import type { PairLinkStatus, PairLinkSummary } from "../../../client/pairLinks.js";
import { formatBps } from "../../../client/scorecard.js";
import { formatAmount } from "../../../client/units.js";
import { Loaded, Section } from "../components/basics.js";
import { Person } from "../components/Person.js";
import { usePersonLabels } from "../hooks/names.js";
import { useCircle, usePairLinks } from "../hooks/queries.js";
import { href } from "../routes.js";

export function PairLinksPage({ circle }: { circle: Addr }) {
  const body = useCircle(circle);
  const links = usePairLinks(circle);
  const name = body.data?.name ?? "The circle";
  return (
    <>
      <p className="crumbs">
        <a href={href({ page: "circle", circle })}>← {name}</a>
      </p>
      <h1>{name}: who works with whom</h1>
      <p className="lede" data-testid="pair-links-purpose">
        The pair-link map: what the two members of a pair-link audit, drawn by lot, look at to find informal cliques
        (members who always vote alike, propose one another, pay one another or hand roles on to one another). It is
        computed from the circle’s public record on the chain, so anyone can check it.
      </p>
      <Loaded query={links} what="the pair links">
        {(l) => <PairLinkMap links={l} />}
      </Loaded>
    </>
  );
}

function PairLinkMap({ links }: { links: ReadPairLinksReturnType }) {
  const status = new Map(links.accounts.map((a) => [a.account, a.status]));
  const members = links.accounts.filter((a) => a.status === "member").length;
  const former = links.accounts.filter((a) => a.status === "former").length;
  const empty = links.agreement.length + links.proposesFor.length + links.pays.length + links.holdsAfter.length === 0;
  const who = (account: Addr) => <Who account={account} status={status.get(account)} />;
  return (
    <>
      <p data-testid="pair-links-window">
        Read from blocks {links.fromBlock.toString()} to {links.toBlock.toString()}: {members} member(s)
        {former ? `, ${former} former member(s)` : ""};{" "}
        {links.currency ? `payments in ${links.currency.symbol}.` : "the circle has no currency, so no payments."}
      </p>
      {empty ? (
        <p data-testid="pair-links-empty">
          No links yet: no two members have voted on the same proposal, named one another in a decision, paid one
          another or held a role one after the other.
        </p>
      ) : (
        <>
          <Section id="agreement" title="Agreement">
            <AgreementMatrix links={links} />
            <h3>Closest first</h3>
            <LinkList empty="No two members voted on the same proposal.">
              {links.agreement.map((l) => (
                <li key={`${l.a}-${l.b}`}>
                  {who(l.a)} and {who(l.b)}: alike on {l.agreed} of {l.shared} proposal(s) ({formatBps(l.rateBps)}),{" "}
                  {l.opposed} opposed
                </li>
              ))}
            </LinkList>
          </Section>
          <Section id="proposes-for" title="Proposes for">
            <p>Decisions a member proposed that named another: a mandate granted to them, or their admission.</p>
            <LinkList empty="No decision named a member.">
              {links.proposesFor.map((l) => (
                <li key={`${l.proposer}-${l.member}`}>
                  {who(l.proposer)} → {who(l.member)}: {l.mandates} mandate(s), {l.admissions} admission(s)
                  {l.drawn ? `; ${l.drawn} drawn by lot in their draw(s) (chance, not choice)` : ""}
                </li>
              ))}
            </LinkList>
          </Section>
          <Section id="pays" title="Pays">
            <p>
              {links.currency
                ? `What one account paid another in ${links.currency.symbol}, the circle's own currency.`
                : "The circle has no currency: nobody paid anybody in it."}
            </p>
            {links.currency ? (
              <LinkList empty="No payments yet.">
                {links.pays.map((l) => (
                  <li key={`${l.payer}-${l.payee}`}>
                    {who(l.payer)} → {who(l.payee)}: {l.formatted} in {l.payments} payment(s)
                  </li>
                ))}
              </LinkList>
            ) : null}
          </Section>
          <Section id="holds-after" title="Holds after">
            <p>Who held a role right after whom (a second term of the same holder is no pair).</p>
            <LinkList empty="No role passed from one holder to another.">
              {links.holdsAfter.map((l) => (
                <li key={`${l.previous}-${l.next}`}>
                  {who(l.next)} after {who(l.previous)}: {l.count} time(s) ({l.roles.map((r) => `“${r}”`).join(", ")})
                </li>
              ))}
            </LinkList>
          </Section>
          <Section id="strongest" title="Strongest links by member">
            <ul className="links" data-testid="strongest">
              {links.summary.map((s) => (
                <li key={s.account}>
                  {who(s.account)}: <StrongestLinks summary={s} links={links} />
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </>
  );
}

/** A list of links, or a sentence when there is none. */
function LinkList({ empty, children }: { empty: string; children: ReactNode[] }) {
  return children.length === 0 ? <p>{empty}</p> : <ul className="links">{children}</ul>;
}

/** An account of the map: its name (the page's names), and what it is when it is not a member now. */
function Who({ account, status }: { account: Addr; status: PairLinkStatus | undefined }) {
  const mark = { former: " (former member)", circle: " (the circle’s commons)", outside: " (outside the circle)" };
  return (
    <>
      <Person account={account} />
      {status && status !== "member" ? mark[status] : ""}
    </>
  );
}

/** One member's strongest links in a sentence, as the CLI writes them. */
function StrongestLinks({ summary: s, links }: { summary: PairLinkSummary; links: ReadPairLinksReturnType }) {
  const units = links.currency ?? undefined;
  const amount = (strength: bigint | number) => formatAmount(BigInt(strength), units);
  const parts: ReactNode[] = [`voted on ${s.votes} proposal(s)`];
  const part = (text: string, account: Addr, tail: string) => (
    <>
      {text} <Person account={account} /> ({tail})
    </>
  );
  if (s.agreesWith)
    parts.push(
      part("agrees most with", s.agreesWith.account, `${formatBps(s.agreesWith.rateBps)} of ${s.agreesWith.shared}`),
    );
  if (s.proposesFor) parts.push(part("proposes most for", s.proposesFor.account, String(s.proposesFor.strength)));
  if (s.proposedBy) parts.push(part("proposed most by", s.proposedBy.account, String(s.proposedBy.strength)));
  if (s.pays) parts.push(part("pays most to", s.pays.account, amount(s.pays.strength)));
  if (s.paidBy) parts.push(part("paid most by", s.paidBy.account, amount(s.paidBy.strength)));
  if (s.follows) parts.push(part("held a role most after", s.follows.account, String(s.follows.strength)));
  if (s.followedBy) parts.push(part("followed most by", s.followedBy.account, String(s.followedBy.strength)));
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? "; " : ""}
          {p}
        </span>
      ))}
    </>
  );
}

/**
 * The agreement matrix: a row and a column for each member and each former member who voted; each cell the share of
 * the proposals both voted on that they voted alike, and "n of m". Headed by names alone where a name is unique on the
 * page (the full label, with the short address, is the header's title), else by the full label.
 */
function AgreementMatrix({ links }: { links: ReadPairLinksReturnType }) {
  const voted = new Set(links.agreement.flatMap((l) => [l.a, l.b]));
  const people = links.accounts
    .filter((a) => a.status === "member" || (a.status === "former" && voted.has(a.account)))
    .map((a) => a.account);
  const label = usePersonLabels(people);
  const former = new Set(links.accounts.filter((a) => a.status === "former").map((a) => a.account));
  if (people.length === 0) return <p>No members.</p>;
  const cell = new Map<string, (typeof links.agreement)[number]>();
  for (const l of links.agreement) {
    cell.set(`${l.a}|${l.b}`, l);
    cell.set(`${l.b}|${l.a}`, l);
  }
  const head = (account: Addr) => {
    const full = label(account);
    const short =
      full === getAddress(account) ? shortAddress(account) : full.replace(/ \(0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}\)$/, "");
    return (
      <span title={full}>
        {short}
        {former.has(account) ? " (former)" : ""}
      </span>
    );
  };
  return (
    <div className="scroll matrix-scroll" tabIndex={0} role="region" aria-labelledby="agreement-matrix-caption">
      <table className="matrix" data-testid="agreement-matrix">
        <caption id="agreement-matrix-caption">
          Agreement matrix: of the proposals two members both voted on, the share they voted alike (for, against or
          abstain), and how many of how many
        </caption>
        <thead>
          <tr>
            <td />
            {people.map((p) => (
              <th key={p} scope="col">
                {head(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((row) => (
            <tr key={row}>
              <th scope="row">{head(row)}</th>
              {people.map((col) => {
                if (row === col)
                  return (
                    <td key={col} className="self">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">the same member</span>
                    </td>
                  );
                const l = cell.get(`${row}|${col}`);
                return (
                  <td key={col} className="number">
                    {l ? (
                      <>
                        {formatBps(l.rateBps)}
                        <br />
                        <span className="muted">
                          {l.agreed} of {l.shared} proposals
                        </span>
                      </>
                    ) : (
                      <span className="muted">no shared vote</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
