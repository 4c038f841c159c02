/**
 * The ledger follows the demo story itself: a real `hardhat node`, the suite deployed with `npm run deploy:local`,
 * `npm run indexer` started, then `npm run demo -- --network localhost` exactly as the README says (the demo moves the
 * node's clock one `evm_mine` at a time). Once the ledger has reached the node's block, every event kind of every
 * suite ABI is counted with `eth_getLogs` against its table's rows; the kinds the demo emits must be there, and
 * `ledger verify` must find the ledger equal to the chain, then report a planted mismatch. Run with
 * `npx hardhat test mocha e2e/demoLedger.ts`.
 *
 * Kinds that stay 0 after the demo (counted all the same, 0 logs = 0 rows), and why:
 * - Governance: EIP712DomainChanged (no contract changes its domain after deployment); FoundingApproved and
 *   FoundingConsentsRevoked (the founders consent by signature, not on chain, and none revokes); CircleDissolved,
 *   RulesUpdated, MaxMembersSet, RitualRulesSet, MandateRulesUpdated, RandomnessSourceSet, RoleModuleRemoved (no
 *   circle dissolves or changes its rules); ProposalQueued (no timelock); VoteCastWithParams (no vote carries
 *   params); AdmissionRequestWithdrawn, MemberRemoved (no one withdraws or is removed); the soulbound tokens'
 *   Approval, ApprovalForAll and Unlocked (they never move or unlock); a council's AdmissionRequested (circles ask
 *   with SeatRequested), OpenJoinSet, ProbationSet and SeatOnProbation (the Watershed council is not open-join);
 *   RoleModuleHookFailed (no hook fails); DrawRerequested and DrawVoided (the one draw completes); AuditSkipped,
 *   AuditMissed and AuditCancelled (the one audit is drawn and published by both auditors, after the reset:
 *   test/mandates/Audits.ts covers the others); InversionRerequested (the inversion completes in time).
 * - Money: Approval (no allowance is set), Jubilee, BalanceCleared, ClearingClaimsKept (no jubilee),
 *   DepartedDebtKept (no circle leaves an open-join council in debt), ClearingLineClosed (Birch Lane leaves the
 *   council; the line stops taking payments without a closing decision), EIP712DomainChanged, IncomeStopped,
 *   GroupMinted, GroupRedeemed, ApprovalForAll, TransferBatch and URI (the hub emits singles and a fixed URI), and
 *   every wrapper kind (no wrapper is made). The money story in e2e/indexer.ts emits most of those.
 */
import { expect } from "chai";
import type { PublicClient } from "viem";

import { ledgerMismatchSentence, verifyLedger, type DeploymentAddresses } from "../client/index.js";
import { demoStack, type DemoStack } from "./demoStack.js";
import {
  expectLedgerMatchesChain,
  expectMoneyLedgerMatchesChain,
  startLyingLedger,
  type LedgerReads,
} from "./ledgerHarness.js";

/** The event kinds the demo emits at least once (`Contract:Event`, as the counting helpers name them). */
const DEMO_EMITS = [
  ...["CircleCreated", "CouncilCreated", "TemplatePublished", "TemplateParentNamed", "TemplateResultReported"].map(
    (e) => `CircleRegistry:${e}`,
  ),
  ...["CharterRatified", "HardReset", "ProposalCreated", "ProposalCanceled", "ProposalExecuted", "VoteCast"].map(
    (e) => `Circle:${e}`,
  ),
  ...[
    "AdmissionRequested",
    "MemberAdmitted",
    "MemberLeft",
    "Transfer",
    "Locked",
    "DelegateChanged",
    "DelegateVotesChanged",
  ].map((e) => `CircleMembership:${e}`),
  ...["SeatRequested", "MemberAdmitted", "MemberLeft"].map((e) => `CouncilSeats:${e}`),
  ...[
    "TemperatureRecorded",
    "MemberCooledDown",
    "ResetSignalled",
    "ResetCooldownStarted",
    "RoleModuleAdded",
    "InversionRequested",
    "MentorshipPaired",
    "InversionCompleted",
  ].map((e) => `CircleRituals:${e}`),
  ...[
    "MandateGranted",
    "PowerGranted",
    "MandateActed",
    "MandateEnded",
    "HandOff",
    "RecallSignalled",
    "DrawRequested",
    "DrawCompleted",
    "MandatesReset",
    "AuditRequested",
    "AuditorsDrawn",
    "AuditPublished",
    "ListeningSessionHeld",
  ].map((e) => `Mandates:${e}`),
  "MandateBadges:Transfer",
  "CreditFactory:CurrencyCreated",
  ...[
    "Transfer",
    "Memo",
    "LimitsSet",
    "DefaultLimitsSet",
    "AccountAdmitted",
    "BalanceMovedToCommons",
    "ClearingLineOpened",
    "PaidAcross",
    "ClearedIn",
    "Initialized",
  ].map((e) => `MutualCredit:${e}`),
  ...[
    "PersonRegistered",
    "VouchOffered",
    "CircleRegistered",
    "Trust",
    "IncomeClaimed",
    "PaidAlongTrust",
    "TransferSingle",
  ].map((e) => `IncomeHub:${e}`),
];

describe("the ledger follows the demo on a hardhat node", function () {
  this.timeout(600_000);
  let stack: DemoStack | undefined;
  let ledger: LedgerReads | undefined;
  let client: PublicClient;
  let addresses: DeploymentAddresses;

  before(async function () {
    // The stack .ci/run shares with the browser tests (COMMONWEAL_DEMO_STACK), else one of its own.
    stack = await demoStack({ deploymentId: `e2e-demo-${process.pid}` });
    ({ ledger, client, addresses } = stack);
    expect(stack.story).to.include("Every step above is an event on the chain");
    // Nothing has acted on the chain since the story (a shared stack is read here before the browser tests act on it).
    expect(await client.getBlockNumber({ cacheTime: 0 })).to.equal(stack.head);
  });

  after(async function () {
    await stack?.stop();
  });

  it("holds every event of the story, each kind counted with eth_getLogs against its rows", async function () {
    const head = await client.getBlockNumber();
    const governance = await expectLedgerMatchesChain(client, ledger!, addresses.registry, head);
    const money = await expectMoneyLedgerMatchesChain(client, ledger!, addresses);
    expect(money.mismatches).to.deep.equal([]);
    // The helpers name governance kinds `Contract:Event=count` for those that occurred, money kinds by their count.
    const counts = new Map(money.counts);
    for (const entry of governance.counted) {
      const [kind, n] = entry.split("=") as [string, string];
      counts.set(kind, Number(n));
    }
    const missing = DEMO_EMITS.filter((kind) => !counts.get(kind));
    expect(missing, `kinds the demo emits with no log: ${[...counts].join(" ")}`).to.deep.equal([]);
    console.log(
      `      ${governance.logs} governance logs and ${[...money.counts.values()].reduce((a, b) => a + b, 0)} money logs, ` +
        `each kind equal to its rows; zero on both sides: ${[...money.counts].filter(([, n]) => n === 0).length} money kinds`,
    );
  });

  it("passes ledger verify on the demo's history, and reports a planted mismatch in a sentence", async function () {
    const verified = await verifyLedger({ url: ledger!.api }, { client });
    expect(verified.mismatches.map(ledgerMismatchSentence)).to.deep.equal([]);
    expect(verified.circles).to.have.length(3); // Elm Street Garden, Birch Lane Gardens, the Watershed council
    expect(verified.checked).to.be.greaterThan(50);

    // The plant: the ledger "misses" the last income transfer (the pathfinder's last hop to Gus).
    let dropped: { from: string; to: string } | undefined;
    const liar = await startLyingLedger(ledger!, (body, text) => {
      if (!body.includes("incomeTransferSingles")) return text;
      const answer = JSON.parse(text) as { data: { page: { items: { from: string; to: string }[] } } };
      dropped = answer.data.page.items.pop();
      return JSON.stringify(answer);
    });
    try {
      const lied = await verifyLedger({ url: liar.url }, { client });
      expect(dropped).to.not.equal(undefined);
      expect(lied.mismatches.length).to.be.greaterThan(0);
      expect(lied.mismatches.every((m) => m.what === "income balance")).to.equal(true);
      const sentence = ledgerMismatchSentence(lied.mismatches[0]!);
      expect(sentence).to.match(
        /^0x[0-9a-fA-F]{40}'s balance of 0x[0-9a-fA-F]{40}'s income token in the hub 0x[0-9a-fA-F]{40} is [\d.]+ tokens? by the ledger, but [\d.]+ tokens? on chain\.$/,
      );
    } finally {
      await liar.close();
    }
  });
});
