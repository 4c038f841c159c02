/**
 * The pages' data: each hook wraps one client action in TanStack Query. Live state comes from the chain (the public
 * client), history from the ledger (the client's ledger actions). Query keys hold strings only (bigints do not
 * serialise); a write invalidates everything (see useVote), so pages show the chain as it is now.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { getAddress, type Address } from "viem";

import { listAudits } from "../../../client/actions/audit/listAudits.js";
import { listCircles } from "../../../client/actions/circle/listCircles.js";
import { readCircle } from "../../../client/actions/circle/readCircle.js";
import { readFoundingTemplate } from "../../../client/actions/circle/readFoundingTemplate.js";
import { readMentorship } from "../../../client/actions/circle/readMentorship.js";
import { readPairLinks } from "../../../client/actions/circle/readPairLinks.js";
import { listTemplateReports } from "../../../client/actions/circle/listTemplateReports.js";
import { listLedgerAudits } from "../../../client/actions/ledger/listLedgerAudits.js";
import { listLedgerCharters } from "../../../client/actions/ledger/listLedgerCharters.js";
import { listLedgerProposals } from "../../../client/actions/ledger/listLedgerProposals.js";
import { listLedgerResets } from "../../../client/actions/ledger/listLedgerResets.js";
import { listMembersOverTime } from "../../../client/actions/ledger/listMembersOverTime.js";
import { listTemperatureReadings } from "../../../client/actions/ledger/listTemperatureReadings.js";
import { readLedgerStatus } from "../../../client/actions/ledger/readLedgerStatus.js";
import { readMandateHistory } from "../../../client/actions/ledger/readMandateHistory.js";
import { readTally } from "../../../client/actions/proposal/readTally.js";
import { readIncomeGraph } from "../../../client/actions/income/readIncomeGraph.js";
import { readMemberOverview } from "../../../client/actions/member/readMemberOverview.js";
import { useApp } from "../context.js";

/** The registry's circles and councils (the chain). */
export function useCircles() {
  const { publicClient, config } = useApp();
  const registry = config.addresses.registry;
  return useQuery({ queryKey: ["circles", registry], queryFn: () => listCircles(publicClient, { registry }) });
}

/** A circle as it is now: name, members, rules, charter, live mandates (the chain). */
export function useCircle(circle: Address) {
  const { publicClient } = useApp();
  return useQuery({ queryKey: ["circle", circle], queryFn: () => readCircle(publicClient, { circle }) });
}

/** The chain's latest block time, the moment states derived from the clock are read at. */
export function useChainTime() {
  const { publicClient } = useApp();
  return useQuery({
    queryKey: ["chain time"],
    queryFn: async () => (await publicClient.getBlock()).timestamp,
  });
}

/** A proposal's state and tally now (the chain). */
export function useTally(circle: Address, proposalId: bigint) {
  const { publicClient } = useApp();
  return useQuery({
    queryKey: ["tally", circle, proposalId.toString()],
    queryFn: () => readTally(publicClient, { circle, proposalId }),
  });
}

/** How far the ledger has read the chain. */
export function useLedgerStatus() {
  const { ledger } = useApp();
  return useQuery({ queryKey: ["ledger", "status"], queryFn: () => readLedgerStatus(ledger) });
}

/** Who joined and left, and when (the ledger). */
export function useMembersOverTime(circle: Address) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "members", circle],
    queryFn: () => listMembersOverTime(ledger, { circle }),
  });
}

/** Every charter ratified, with its lapse read at the chain's time `at` (the ledger). */
export function useCharters(circle: Address, at: bigint | undefined) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "charters", circle, String(at)],
    queryFn: () => listLedgerCharters(ledger, { circle, at: at! }),
    enabled: at !== undefined,
  });
}

/** Every proposal with its votes and reasons (the ledger). `poll` re-reads every `poll` ms (after a vote). */
export function useLedgerProposals(circle: Address, poll?: number) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "proposals", circle],
    queryFn: () => listLedgerProposals(ledger, { circle }),
    refetchInterval: poll,
  });
}

/** Every mandate, role and draw (the ledger). */
export function useMandateHistory(circle: Address) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "mandates", circle],
    queryFn: () => readMandateHistory(ledger, { circle }),
  });
}

/** Temperature readings and dominance cooldowns (the ledger). */
export function useTemperature(circle: Address) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "temperature", circle],
    queryFn: () => listTemperatureReadings(ledger, { circle }),
  });
}

/** Hard resets and the signals toward them (the ledger). */
export function useResets(circle: Address) {
  const { ledger } = useApp();
  return useQuery({ queryKey: ["ledger", "resets", circle], queryFn: () => listLedgerResets(ledger, { circle }) });
}

// --- The member's own page and money (issue 15) ---------------------------------------------------------------------

/** What awaits the member, per circle, and their credit and income (the chain; readMemberOverview). */
export function useMemberOverview(member: Address | undefined) {
  const { publicClient, config } = useApp();
  const { registry, incomeHub: hub, creditFactory } = config.addresses;
  return useQuery({
    queryKey: ["member overview", String(member)],
    queryFn: () => readMemberOverview(publicClient, { member: member!, registry, hub, creditFactory }),
    enabled: member !== undefined,
  });
}

/** Whom the member trusts now in the income hub (the chain; readIncomeGraph), checksummed. */
export function useTrustedBy(member: Address | undefined) {
  const { publicClient, config } = useApp();
  return useQuery({
    queryKey: ["trusted by", String(member)],
    queryFn: async () => {
      const { graph } = await readIncomeGraph(publicClient, { hub: config.addresses.incomeHub });
      return [...(graph.get(member!.toLowerCase() as Address) ?? [])].map((a) => getAddress(a));
    },
    enabled: member !== undefined,
  });
}

/** Everyone in the given circles, once each, in order (the chain; the same reads as useCircle). */
export function useMembersOf(circles: readonly Address[]): Address[] {
  const { publicClient } = useApp();
  const read = useQueries({
    queries: circles.map((circle) => ({
      queryKey: ["circle", circle],
      queryFn: () => readCircle(publicClient, { circle }),
    })),
  });
  return [...new Set(read.flatMap((r) => r.data?.members ?? []))];
}

// --- Rituals' data (issue 17): the pair-link map, the template lineage ----------------------------------------------

/** Who works with whom in a circle, from its events since the first block (the chain; the client's readPairLinks). */
export function usePairLinks(circle: Address) {
  const { publicClient, config } = useApp();
  const { registry, creditFactory } = config.addresses;
  return useQuery({
    queryKey: ["pair links", circle],
    queryFn: () => readPairLinks(publicClient, { circle, registry, creditFactory }),
  });
}

/**
 * The template a circle was founded from, with its lineage and counts, and the first page of the result reports sent
 * back to it (the chain; the client's readFoundingTemplate and listTemplateReports). No template: `reports` is empty.
 */
export function useFoundingTemplate(circle: Address) {
  const { publicClient, config } = useApp();
  const registry = config.addresses.registry;
  return useQuery({
    queryKey: ["founding template", circle],
    queryFn: async () => {
      const founding = await readFoundingTemplate(publicClient, { circle, registry });
      const reports = founding.templateId
        ? (await listTemplateReports(publicClient, { registry, templateId: founding.templateId })).reports
        : [];
      return { ...founding, reports };
    },
  });
}

// --- Rituals of rotation (issue 17): the pair-link audit and the mentorship inversion ----------------------------

/** The circle's newest pair-link audit and the audit period running now (the chain; the client's listAudits). */
export function useAudits(mandates: Address) {
  const { publicClient } = useApp();
  return useQuery({
    queryKey: ["audits", mandates],
    queryFn: () => listAudits(publicClient, { mandates, limit: 1 }),
  });
}

/** Every pair-link audit with the reports its auditors published, hash and URI (the ledger; listLedgerAudits). */
export function useLedgerAudits(circle: Address) {
  const { ledger } = useApp();
  return useQuery({ queryKey: ["ledger", "audits", circle], queryFn: () => listLedgerAudits(ledger, { circle }) });
}

/** The circle's mentorship pairs, who is unpaired, and the next inversion (the chain; the client's readMentorship). */
export function useMentorship(circle: Address) {
  const { publicClient, config } = useApp();
  return useQuery({
    queryKey: ["mentorship", circle],
    queryFn: () => readMentorship(publicClient, { circle, registry: config.addresses.registry }),
  });
}
