/**
 * `npx hardhat circle pair-links --circle <address> [--from-block <n>] [--to-block <n>] [--factory <address>]
 * [--registry <address>] [--profiles <address>] [--json]`: the pair-link map for a pair-link audit (the client's
 * readPairLinks): an agreement matrix, then who proposes for whom, who pays whom and who holds roles after whom,
 * strongest first. Read only, no signer needed.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { readPairLinks, type ReadPairLinksReturnType } from "../../client/actions/circle/readPairLinks.js";
import { shortAddress } from "../../client/names.js";
import type { PairLinkSummary } from "../../client/pairLinks.js";
import { formatAmount } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { factoryOf } from "../credit/currency.js";
import { labeller, namesFor } from "../profile/common.js";
import { parseWhole, registryOf } from "./shared.js";

export interface PairLinksArgs {
  circle?: string;
  /** The first block whose events count (default: the first). */
  fromBlock?: string;
  /** The last block whose events count (default: the latest). */
  toBlock?: string;
  /** The credit factory, to find the circle's currency (default: this network's deployment record, if any). */
  factory?: string;
  registry?: string;
  profiles?: string;
  json: boolean;
}

/** The map, with the names of the accounts that set one (by address; see client/names.ts). */
export interface PairLinksResult extends ReadPairLinksReturnType {
  names: Record<Address, string>;
}

/** Reads the pair-link map of `--circle` over the blocks asked (the client's readPairLinks), with display names. */
export async function pairLinks(c: Connection, args: PairLinksArgs): Promise<PairLinksResult> {
  const circle = requireAddress("circle", args.circle);
  const fromBlock = args.fromBlock ? parseWhole("from-block", args.fromBlock, { example: "0" }) : undefined;
  const toBlock = args.toBlock ? parseWhole("to-block", args.toBlock, { example: "1200" }) : undefined;
  const links = await readPairLinks(c.publicClient, {
    circle,
    registry: registryOf(c, args.registry),
    creditFactory: await creditFactoryOf(c, args.factory),
    fromBlock,
    toBlock,
  });
  const names = await namesFor(
    c,
    links.accounts.map((a) => a.account),
    args.profiles,
  );
  return { ...links, names };
}

/** `--factory`, else the deployment record's credit factory if there is one with code; else none (no payments). */
async function creditFactoryOf(c: Connection, factory: string | undefined): Promise<Address | undefined> {
  if (factory) return factoryOf(c, factory);
  try {
    const recorded = c.deployment().creditFactory;
    return (await c.publicClient.getCode({ address: recorded })) ? recorded : undefined;
  } catch {
    return undefined; // no deployment record on this network: the map has no payments
  }
}

/** A percentage from basis points: "66.67%". */
const percent = (bps: number) => `${Number((bps / 100).toFixed(2))}%`;

/** The map for people: the agreement matrix, then each list strongest first, then each member's strongest links. */
export function describePairLinks(r: PairLinksResult): string {
  const accounts = r.accounts.map((a) => a.account);
  const label = labeller(accounts, r.names);
  const status = new Map(r.accounts.map((a) => [a.account, a.status]));
  const mark = (a: Address) => label(a) + (status.get(a) === "former" ? " [former member]" : "");
  const units = r.currency ?? undefined;
  const members = r.accounts.filter((a) => a.status === "member").length;
  const former = r.accounts.filter((a) => a.status === "former").length;
  const lines = [
    `Pair links of circle ${r.circle}, blocks ${r.fromBlock} to ${r.toBlock}: ${members} member(s)` +
      (former ? `, ${former} former member(s)` : "") +
      (r.currency ? `; payments in ${r.currency.symbol} (${r.currency.address}).` : "; no currency read."),
    "",
    ...agreementMatrix(r),
    "",
    "Agreement, closest first (proposals voted alike of those both voted on):",
    ...list(
      r.agreement.map(
        (l) =>
          `${mark(l.a)} & ${mark(l.b)}: ${l.agreed} of ${l.shared} alike (${percent(l.rateBps)}), ${l.opposed} opposed`,
      ),
      "no two accounts voted on the same proposal",
    ),
    "Proposes for (decisions that named the member):",
    ...list(
      r.proposesFor.map(
        (l) =>
          `${mark(l.proposer)} → ${mark(l.member)}: ${l.mandates} mandate(s), ${l.admissions} admission(s)` +
          (l.drawn ? `; ${l.drawn} drawn by lot in their draw(s)` : ""),
      ),
      "no decision named a member",
    ),
    "Pays (the currency's pair ledger):",
    ...list(
      r.pays.map((l) => `${mark(l.payer)} → ${mark(l.payee)}: ${l.formatted} in ${l.payments} payment(s)`),
      r.currency ? "no payments" : "no currency read (it has none, or no credit factory is known: give --factory)",
    ),
    "Holds after (successive holders of a role):",
    ...list(
      r.holdsAfter.map(
        (l) =>
          `${mark(l.next)} after ${mark(l.previous)}: ${l.count} time(s) (${l.roles.map((x) => `"${x}"`).join(", ")})`,
      ),
      "no role passed from one holder to another",
    ),
    "Strongest links by member:",
    ...list(
      r.summary.map((s) => `${mark(s.account)}: ${strongestLinks(s, label, units)}`),
      "no members",
    ),
  ];
  return lines.join("\n");
}

/** The lines of a list, indented, or one line saying it is empty. */
function list(items: string[], empty: string): string[] {
  return items.length ? items.map((i) => `  ${i}`) : [`  (${empty})`];
}

/** One member's strongest links in a line. */
function strongestLinks(
  s: PairLinkSummary,
  label: (a: Address) => string,
  units: { decimals: number; symbol: string } | undefined,
): string {
  const parts = [`voted on ${s.votes} proposal(s)`];
  if (s.agreesWith)
    parts.push(
      `agrees most with ${label(s.agreesWith.account)} (${percent(s.agreesWith.rateBps)} of ${s.agreesWith.shared})`,
    );
  if (s.proposesFor) parts.push(`proposes most for ${label(s.proposesFor.account)} (${s.proposesFor.strength})`);
  if (s.proposedBy) parts.push(`proposed most by ${label(s.proposedBy.account)} (${s.proposedBy.strength})`);
  if (s.pays) parts.push(`pays most to ${label(s.pays.account)} (${formatAmount(BigInt(s.pays.strength), units)})`);
  if (s.paidBy)
    parts.push(`paid most by ${label(s.paidBy.account)} (${formatAmount(BigInt(s.paidBy.strength), units)})`);
  if (s.follows) parts.push(`held a role most after ${label(s.follows.account)} (${s.follows.strength})`);
  if (s.followedBy) parts.push(`followed most by ${label(s.followedBy.account)} (${s.followedBy.strength})`);
  return parts.join("; ");
}

/**
 * The agreement matrix: a row and a column for each member and each former member who voted, each cell "alike/both
 * voted" ("·" where the two never voted on the same proposal), headed by short names.
 */
function agreementMatrix(r: PairLinksResult): string[] {
  const voted = new Set(r.agreement.flatMap((l) => [l.a, l.b]));
  const people = r.accounts
    .filter((a) => a.status === "member" || (a.status === "former" && voted.has(a.account)))
    .map((a) => a.account);
  if (people.length === 0) return ["Agreement matrix: no members."];
  const short = (a: Address) => {
    const name = r.names[a];
    return name ? (name.length > 12 ? `${name.slice(0, 11)}…` : name) : shortAddress(a);
  };
  const cell = new Map<string, string>();
  for (const l of r.agreement) {
    cell.set(`${l.a}|${l.b}`, `${l.agreed}/${l.shared}`);
    cell.set(`${l.b}|${l.a}`, `${l.agreed}/${l.shared}`);
  }
  const heads = people.map(short);
  const width = Math.max(...heads.map((h) => h.length), 5);
  const pad = (text: string) => text.padStart(width);
  return [
    "Agreement matrix (proposals voted alike / voted on by both):",
    `  ${" ".repeat(width)}  ${heads.map(pad).join("  ")}`,
    ...people.map(
      (row, i) =>
        `  ${heads[i]!.padEnd(width)}  ${people.map((col) => pad(row === col ? "—" : (cell.get(`${row}|${col}`) ?? "·"))).join("  ")}`,
    ),
  ];
}

export default async function pairLinksTask(args: PairLinksArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await pairLinks(await connect(hre), args);
    report(args.json, describePairLinks(result), { ...result });
  });
}
