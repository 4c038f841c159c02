import type { Address, Hex } from "viem";

import { addr, big, bigOrNull, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { readLedgerStatus } from "./readLedgerStatus.js";

export interface ReadMandateHistoryParameters {
  /** The circle (or council) whose mandates to read. */
  circle: Address;
  /** The second at which to tell live mandates from expired ones (default: the ledger's clock). */
  at?: bigint;
}

/**
 * How a tenure stands: live, or how it ended. "expired" is also a mandate whose term ran out with no event yet (the
 * contract ends it lazily); the others come from the MandateEnded event's reason.
 */
export type LedgerMandateStatus =
  "live" | "expired" | "completed" | "handed back" | "recalled" | "reset" | "holder left";

/** One mandate: a tenure of a role by one holder. */
export interface LedgerMandate {
  mandateId: bigint;
  roleId: Hex;
  role: string;
  title: string;
  holder: Address;
  /** Who proposed the grant (for a draw, the member who asked for it). */
  proposer: Address;
  scopeHash: Hex;
  /** Drawn by lot (true) or granted by decision. */
  drawn: boolean;
  grantedAt: bigint;
  grantedAtBlock: bigint;
  expiresAt: bigint;
  /** When the tenure ended: the event's time, or for an expiry the term's end; null while live. */
  endedAt: bigint | null;
  status: LedgerMandateStatus;
  /** Calls made under the mandate. */
  actions: number;
  /** Recall signals counted so far. */
  recallSignals: number;
}

/** A role and its holders over time, oldest first. */
export interface LedgerRole {
  roleId: Hex;
  role: string;
  tenures: { holder: Address; mandateId: bigint; from: bigint; until: bigint | null; status: LedgerMandateStatus }[];
  /** The holder of its live mandate, if any. */
  currentHolder: Address | null;
}

/** A draw by lot and how it ended. */
export interface LedgerDraw {
  drawId: bigint;
  roleId: Hex;
  role: string;
  pool: Address[];
  requestedAt: bigint;
  status: "pending" | "completed" | "void";
  mandateId: bigint | null;
  holder: Address | null;
  settledAt: bigint | null;
}

export interface ReadMandateHistoryReturnType {
  at: bigint;
  /** Every mandate, in the order granted. */
  mandates: LedgerMandate[];
  /** Every role, in the order first granted, with its holders over time. */
  roles: LedgerRole[];
  /** Every draw, in the order requested. */
  draws: LedgerDraw[];
}

interface MandateRow {
  mandateId: string;
  roleId: Hex;
  role: string;
  title: string;
  holder: string;
  proposer: string;
  scopeHash: Hex;
  drawn: boolean;
  grantedAt: string;
  grantedAtBlock: string;
  expiresAt: string;
  endedAt: string | null;
  endReason: string | null;
  actions: number;
  recallSignals: number;
}

interface DrawRow {
  drawId: string;
  roleId: Hex;
  role: string;
  pool: string[];
  requestedAt: string;
  status: "pending" | "completed" | "void";
  mandateId: string | null;
  holder: string | null;
  settledAt: string | null;
}

/**
 * A circle's mandate history from the ledger: every mandate (who held which role, from when to when, how it ended,
 * how often they acted), each role's holders over time (the rotation), and every draw by lot. A mandate whose term
 * ran out reads "expired" from its `expiresAt` on, whether or not the contract has ended it with an event yet.
 *
 * @example
 * const { roles } = await readMandateHistory({ url }, { circle });
 * for (const r of roles) console.log(r.role, r.tenures.map((t) => t.holder));
 */
export async function readMandateHistory(
  ledger: LedgerClient,
  parameters: ReadMandateHistoryParameters,
): Promise<ReadMandateHistoryReturnType> {
  const where = { circle: filterAddress(parameters.circle) };
  const [at, mandateRows, drawRows] = await Promise.all([
    parameters.at ?? readLedgerStatus(ledger).then((s) => s.timestamp),
    listAll<MandateRow>(ledger, "mandates", {
      filterType: "mandateFilter",
      where,
      orderBy: "grantedAtBlock",
      selection: `mandateId roleId role title holder proposer scopeHash drawn grantedAt grantedAtBlock expiresAt endedAt
        endReason actions recallSignals`,
    }),
    listAll<DrawRow>(ledger, "draws", {
      filterType: "drawFilter",
      where,
      orderBy: "requestedAt",
      selection: "drawId roleId role pool requestedAt status mandateId holder settledAt",
    }),
  ]);
  const mandates = mandateRows
    .map((m): LedgerMandate => {
      const expiresAt = big(m.expiresAt);
      const ended = bigOrNull(m.endedAt);
      const lapsed = ended === null && at >= expiresAt;
      return {
        mandateId: big(m.mandateId),
        roleId: m.roleId,
        role: m.role,
        title: m.title,
        holder: addr(m.holder),
        proposer: addr(m.proposer),
        scopeHash: m.scopeHash,
        drawn: m.drawn,
        grantedAt: big(m.grantedAt),
        grantedAtBlock: big(m.grantedAtBlock),
        expiresAt,
        endedAt: lapsed ? expiresAt : ended,
        status: lapsed ? "expired" : ((m.endReason ?? "live") as LedgerMandateStatus),
        actions: m.actions,
        recallSignals: m.recallSignals,
      };
    })
    .sort((a, b) => (a.mandateId < b.mandateId ? -1 : a.mandateId > b.mandateId ? 1 : 0));
  const roles = new Map<Hex, LedgerRole>();
  for (const m of mandates) {
    const role = roles.get(m.roleId) ?? { roleId: m.roleId, role: m.role, tenures: [], currentHolder: null };
    role.tenures.push({
      holder: m.holder,
      mandateId: m.mandateId,
      from: m.grantedAt,
      until: m.endedAt,
      status: m.status,
    });
    if (m.status === "live") role.currentHolder = m.holder;
    roles.set(m.roleId, role);
  }
  const draws = drawRows.map((d): LedgerDraw => ({
    drawId: big(d.drawId),
    roleId: d.roleId,
    role: d.role,
    pool: d.pool.map(addr),
    requestedAt: big(d.requestedAt),
    status: d.status,
    mandateId: bigOrNull(d.mandateId),
    holder: d.holder ? addr(d.holder) : null,
    settledAt: bigOrNull(d.settledAt),
  }));
  return { at, mandates, roles: [...roles.values()], draws };
}
