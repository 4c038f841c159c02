// Loop caps: every loop in contracts/ filled to its documented cap, and the gas of the transaction that does it,
// next to the per-transaction gas cap of 16,777,216 (EIP-7825, enforced from Osaka). Called by
// scripts/bench/index.ts (the "Loop caps" table of BENCHMARKS.md) and by test/caps/LoopCaps.ts (which asserts the
// margin). Self-contained: it deploys its own registry, so it runs on any fresh network.
//
// Setup shortcuts, none of which changes what is measured: a circle's own calls (grants, module registration,
// currency decisions) are sent by impersonating the circle, as if its proposal were executing; members are
// deterministic keys funded by the node, and each signs its consent to the foundings it is in (scripts/founding.ts).
import { AbiCoder, keccak256, type ContractTransactionResponse, type Signer } from "ethers";

import { gasOf } from "./gas.js";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import { mandateRulesFromChain, rulesFromChain } from "../../client/rules.js";
import { withConsents } from "../founding.js";
import type { Circle, CircleRegistry, CircleRituals } from "../../typechain-types/index.js";

/** The most gas one transaction may use (EIP-7825): 2^24. */
export const TX_GAS_CAP = 16_777_216n;

export interface CapRow {
  /** The loop, as `Contract.function`. */
  loop: string;
  /** The cap and where it is stated. */
  cap: string;
  /** The transaction (or view) that fills the loop to its cap. */
  transaction: string;
  gas: bigint;
  /** A view is measured as `eth_estimateGas` of the call; its cap is the node's call gas limit, not EIP-7825. */
  view?: boolean;
}

export interface CapFacts {
  /** Role-module hooks that failed (ran out of their stipend) in the measured hard reset and leave. */
  resetHookFailures: number;
  leaveHookFailures: number;
  /** Mandates the measured hard reset ended, and the open proposals it reported cancelled (`ProposalCanceled`). */
  resetEnded: number;
  resetCanceled: number;
  /** Open proposals the measured drop scan went over, and how many it dropped as finished. */
  dropScanned: number;
  dropDropped: number;
  /** Candidates the measured draw tried before the one it picked (the pool size minus one at the cap). */
  drawTried: number;
  /** Seats that counted in the measured council proposal, and the fewest members any of their circles had. */
  seatsCounted: number;
  smallestSeat: number;
  /** People the measured vouch offered registration to (0 when the scope leaves it out). */
  vouchesOffered: number;
}

const DAY = 86_400;
const TOKEN = 10n ** 18n;
const MEMBER_CAP = 32;
const MAX_LIVE_MANDATES = 32;
const MAX_ROLE_MODULES = 8;
const MAX_POWERS = 8;
const MAX_PAGE_SIZE = 100;
const MAX_ADMITTED = 8;
const MAX_BATCH = 32;
const MAX_FLOW_EDGES = 64;
const MAX_OPEN_PER_PROPOSER = 16;
const MAX_OPEN_PROPOSALS = MAX_OPEN_PER_PROPOSER * MEMBER_CAP;

/**
 * The gas a transaction that reverts used: sent with an explicit gas limit, so it is mined rather than refused at
 * estimation. The node may throw when it is mined; it is then the last transaction of the latest block.
 */
async function revertedGas(
  ethers: HardhatEthers,
  tx: Promise<ContractTransactionResponse>,
  to: string,
): Promise<bigint> {
  let hash: string | undefined;
  try {
    hash = (await tx).hash;
  } catch {
    hash = (await ethers.provider.getBlock("latest"))?.transactions.at(-1);
  }
  const receipt = hash ? await ethers.provider.getTransactionReceipt(hash) : null;
  if (!receipt || receipt.status !== 0 || receipt.to !== to) throw new Error("the refused transaction was not mined");
  return receipt.gasUsed;
}

async function receiptOf(tx: Promise<ContractTransactionResponse>) {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt;
}

/**
 * Measures every capped loop at its cap. `scope: "heaviest"` runs only the transactions that carry the role-module
 * hooks and the largest loops (hard reset, leave, draw, council proposal, payment along trust), for a quick test.
 */
export async function benchCaps(
  ethers: HardhatEthers,
  networkHelpers: NetworkHelpers,
  scope: "all" | "heaviest" = "all",
): Promise<{ rows: CapRow[]; facts: CapFacts }> {
  const all = scope === "all";
  const { time } = networkHelpers;
  const rows: CapRow[] = [];
  const facts: CapFacts = {
    resetHookFailures: 0,
    leaveHookFailures: 0,
    resetEnded: 0,
    resetCanceled: 0,
    dropScanned: 0,
    dropDropped: 0,
    drawTried: 0,
    seatsCounted: 0,
    smallestSeat: 0,
    vouchesOffered: 0,
  };

  // --- A registry of its own ------------------------------------------------------------------------------------
  const auditsModule = await ethers.deployContract("MandateAudits");
  const parts = await Promise.all(
    (["Circle", "CircleMembership", "CircleRituals", "Mandates", "MandateBadges", "CouncilSeats"] as const).map((n) =>
      n === "Mandates" ? ethers.deployContract(n, [auditsModule.target]) : ethers.deployContract(n),
    ),
  );
  const randomness = await ethers.deployContract("MockRandomness");
  const registry: CircleRegistry = await ethers.deployContract("CircleRegistry", [
    ...(await Promise.all(parts.map((c) => c.getAddress()))),
    await randomness.getAddress(),
  ]);
  const rules = {
    ...rulesFromChain(await registry.defaultRules()),
    minMembers: 1,
    maxMembers: MEMBER_CAP,
    resetThreshold: MEMBER_CAP, // the most signers a reset round can hold before it resets
    votingDelay: 60,
    votingPeriod: 3_600,
  };
  const mandateRules = {
    ...mandateRulesFromChain(await registry.defaultMandateRules()),
    maxLivePerMember: 4, // the cap (CircleRulesLib.MAX_LIVE_PER_MEMBER): 8 members fill 32 live mandates
    termLimit: 200,
    proposerStepsAside: false,
  };

  const members = await Promise.all(
    Array.from({ length: MEMBER_CAP }, async (_, i) => {
      const wallet = new ethers.Wallet(ethers.id(`cap member ${i}`), ethers.provider);
      await networkHelpers.setBalance(wallet.address, 10n ** 20n);
      return wallet;
    }),
  );
  const addresses = members.map((m) => m.address);

  async function asAccount(address: string): Promise<HardhatEthersSigner> {
    await networkHelpers.impersonateAccount(address);
    await networkHelpers.setBalance(address, 10n ** 20n);
    return ethers.getSigner(address);
  }

  // The registry's deployer sends every founding; each founder (a member key) signs its consent.
  const sender = await (registry.runner as Signer).getAddress();
  const keyOf = (founder: string) => {
    const key = members.find((m) => m.address === founder);
    if (!key) throw new Error(`no key for founder ${founder}`);
    return key;
  };
  let founded = 0;
  async function found(founders: string[], circleRules = rules) {
    const name = `Caps circle ${++founded}`;
    const founding = await withConsents(
      registry,
      { name, founders, charterHash: ethers.id(name), charterURI: "" },
      circleRules,
      mandateRules,
      sender,
      keyOf,
    );
    const gas = await gasOf(registry.createCircle(founding, circleRules, mandateRules));
    const [address] = await registry.circles((await registry.circleCount()) - 1n, 1);
    const circle = await ethers.getContractAt("Circle", address!);
    const mandates = await ethers.getContractAt("Mandates", await circle.mandates());
    const rituals = await ethers.getContractAt("CircleRituals", await circle.rituals());
    return { gas, circle, address: address!, mandates, rituals, self: await asAccount(address!) };
  }
  type Founded = Awaited<ReturnType<typeof found>>;

  type Power = { target: string; selector: string; maxValue: bigint; maxAmount: bigint };
  // Powers with no cap given may send no ether and, for the ERC-20 selectors that need one, move nothing.
  const spec = (
    role: string,
    powers: (Omit<Power, "maxValue" | "maxAmount"> & Partial<Power>)[] = [],
    duration = 30 * DAY,
  ): { role: string; title: string; scopeHash: string; duration: number; powers: Power[] } => ({
    role,
    title: `Carry out: ${role}`,
    scopeHash: ethers.id(role),
    duration,
    powers: powers.map((p) => ({ maxValue: 0n, maxAmount: 0n, ...p })),
  });

  async function grantAll(c: Founded, holders: string[], prefix: string, duration = 30 * DAY) {
    for (let i = 0; i < holders.length; ++i) {
      await gasOf(c.mandates.connect(c.self).grant(spec(`${prefix} ${i}`, [], duration), holders[i]!));
    }
  }

  async function addBurningModules(c: Founded) {
    const modules = [];
    for (let i = 0; i < MAX_ROLE_MODULES; ++i) {
      const m = await ethers.deployContract("MockRoleModule");
      await (await m.setBehaviour(2)).wait(); // BurnGas: loops until its whole stipend is gone
      modules.push(m);
    }
    for (const m of modules.slice(0, -1)) await gasOf(c.rituals.connect(c.self).addRoleModule(await m.getAddress()));
    return modules;
  }

  function hookFailures(receipt: Awaited<ReturnType<typeof receiptOf>>, rituals: CircleRituals) {
    return receipt.logs.filter((log) => {
      try {
        return rituals.interface.parseLog(log)?.name === "RoleModuleHookFailed";
      } catch {
        return false;
      }
    }).length;
  }

  // Four live mandates for each of eight members: 32, the cap.
  const fourEach = (holders: string[]) => Array.from({ length: MAX_LIVE_MANDATES }, (_, i) => holders[i % 8]!);

  // Sixteen open no-op proposals (a call to the circle with empty calldata, distinct descriptions) from each of the
  // 32 members: 512, the open-proposal cap (`CircleRituals.MAX_OPEN_PROPOSALS`). No bound would refuse, so none of
  // these proposals scans the list.
  async function fillOpenProposals(c: Founded, tag: string) {
    for (let k = 0; k < MAX_OPEN_PER_PROPOSER; ++k) {
      for (const [i, m] of members.entries()) {
        await gasOf(c.circle.connect(m).propose([c.address], [0n], ["0x"], `${tag} proposal ${i}.${k}`));
      }
    }
    const open = (await c.rituals.openProposals()).length;
    if (open !== MAX_OPEN_PROPOSALS) throw new Error(`${open} open proposals, not ${MAX_OPEN_PROPOSALS}`);
  }

  // --- Founding: one token, checkpoint and set entry per founder, one consent checked per founder but the sender ----
  const reset = await found(addresses);
  rows.push({
    loop: "CircleMembership._initializeMembership + CircleRegistry._checkConsents",
    cap: "32 founders (`CircleRulesLib.MEMBER_CAP`), 31 consents (every founder but the sender)",
    transaction: "`CircleRegistry.createCircle` with 32 founders, 31 of them consenting by EIP-712 signature",
    gas: reset.gas,
  });

  // --- Role modules: the hook loop, registration and removal -------------------------------------------------------
  const modules = await addBurningModules(reset);
  const lastModule = await modules.at(-1)!.getAddress();
  rows.push({
    loop: "CircleRituals.addRoleModule",
    cap: "8 modules (`CircleRituals.MAX_ROLE_MODULES`)",
    transaction: "the 8th module (duplicate check over 7)",
    gas: await gasOf(reset.rituals.connect(reset.self).addRoleModule(lastModule)),
  });
  if (all) {
    rows.push({
      loop: "CircleRituals.removeRoleModule",
      cap: "8 modules (`CircleRituals.MAX_ROLE_MODULES`)",
      transaction: "removing the last of 8",
      gas: await gasOf(reset.rituals.connect(reset.self).removeRoleModule(lastModule)),
    });
    await gasOf(reset.rituals.connect(reset.self).addRoleModule(lastModule));
  }

  // --- Hard reset: 32 signals, 32 live mandates, 8 modules burning their whole stipend ------------------------------
  await grantAll(reset, fourEach(addresses), "reset role");
  await time.increase(1);
  if (all) {
    rows.push({
      loop: "Mandates.liveMandates",
      cap: "32 live (`MandatesBase.MAX_LIVE_MANDATES`)",
      transaction: "view at 32 live mandates",
      gas: await reset.mandates.liveMandates.estimateGas(),
      view: true,
    });
  }
  await fillOpenProposals(reset, "reset");
  if (all) {
    rows.push({
      loop: "CircleRituals.openProposals",
      cap: "512 open proposals (`CircleRituals.MAX_OPEN_PROPOSALS`)",
      transaction: "view at 512 open proposals",
      gas: await reset.rituals.openProposals.estimateGas(),
      view: true,
    });
  }
  const rituals = await ethers.getContractAt("CircleRituals", await reset.circle.rituals());
  for (const m of members.slice(0, -1)) await gasOf(rituals.connect(m).signalReset());
  // An explicit gas limit, the cap itself: gas estimation refuses a transaction whose inner calls run out of gas,
  // which the burning modules do on purpose.
  const resetReceipt = await receiptOf(rituals.connect(members.at(-1)!).signalReset({ gasLimit: TX_GAS_CAP }));
  facts.resetHookFailures = hookFailures(resetReceipt, reset.rituals);
  facts.resetEnded = resetReceipt.logs.filter(
    (log) => log.topics[0] === reset.mandates.interface.getEvent("MandateEnded").topicHash,
  ).length;
  facts.resetCanceled = resetReceipt.logs.filter(
    (log) => log.topics[0] === reset.circle.interface.getEvent("ProposalCanceled").topicHash,
  ).length;
  rows.push({
    loop: "Signals.record + CircleRituals.takeOpenProposals + Circle._reset's `ProposalCanceled` events + Mandates.onCircleReset (with MandatesBase._end) + CircleRituals.notifyRoleModules",
    cap: "31 earlier signals (`MEMBER_CAP`), 512 open proposals (`CircleRituals.MAX_OPEN_PROPOSALS`: 16 per member, `MAX_OPEN_PER_PROPOSER`), 32 live mandates (`MandatesBase.MAX_LIVE_MANDATES`), 8 modules × 200k stipend (`CircleRituals.MAX_ROLE_MODULES`, `CircleRituals.HOOK_GAS`)",
    transaction:
      "`CircleRituals.signalReset`, the 32nd signal: hard reset cancelling 512 open proposals, ending 32 mandates, every module burning its stipend",
    gas: resetReceipt.gasUsed,
  });

  // --- Leaving: the leaver holds 4 of 32 live mandates; 8 modules burn their stipend --------------------------------
  const leaver = members[0]!;
  const others = addresses.slice(1);
  await grantAll(reset, [...Array(4).fill(leaver.address), ...fourEach(others).slice(4)], "leave role");
  const membership = await ethers.getContractAt("CircleMembership", await reset.circle.membership());
  const leaveReceipt = await receiptOf(membership.connect(leaver).leave({ gasLimit: TX_GAS_CAP }));
  facts.leaveHookFailures = hookFailures(leaveReceipt, reset.rituals);
  rows.push({
    loop: "Mandates.onMemberLeft (with MandatesBase._end) + CircleRituals.notifyRoleModules",
    cap: "32 live mandates, 4 held by the leaver (`CircleRulesLib.MAX_LIVE_PER_MEMBER`), 8 modules × 200k stipend",
    transaction: "`CircleMembership.leave`, every module burning its stipend",
    gas: leaveReceipt.gasUsed,
  });

  // --- Sortition: a pool of 32 frozen at 31 live mandates; all but the last candidate tried turn ineligible --------
  const drawCircle = await found(addresses);
  const pool = [
    ...(await ethers.getContractAt("CircleMembership", await drawCircle.circle.membership()).then((m) => m.members())),
  ];
  const value = 42n;
  const order = pickOrder(pool, value);
  const picked = order.at(-1)!;
  // One mandate for every member but the one the draw will pick last: 31 live, all 32 still eligible (limit 4).
  await grantAll(
    drawCircle,
    pool.filter((a) => a !== picked),
    "draw role",
  );
  // Eight powers (any target outside the circle's own parts will do): stored at the request, granted at completion.
  const randomnessAddress = await randomness.getAddress();
  const drawPowers = Array.from({ length: MAX_POWERS }, (_, i) => ({
    target: randomnessAddress,
    selector: ethers.id(`power${i}()`).slice(0, 10),
  }));
  const drawSpec = spec("drawn role", drawPowers);
  rows.push({
    loop: "MandatesBase._eligiblePool (with MandatesBase._liveCountOf) + MandateDraws.requestDraw's powers",
    cap: "32 members × 31 live mandates (`MEMBER_CAP`, `MandatesBase.MAX_LIVE_MANDATES`), 8 powers (`MandatesBase.MAX_POWERS`)",
    transaction:
      "`Mandates.requestDraw` (as the circle; run by `MandateDraws` through delegatecall) freezing a pool of 32",
    gas: await gasOf(drawCircle.mandates.connect(drawCircle.self).requestDraw(drawSpec)),
  });
  const drawId = await drawCircle.mandates.drawCount();
  const frozen = [...(await drawCircle.mandates.eligiblePool(ethers.id("drawn role"), ethers.ZeroAddress))];
  if (frozen.length !== MEMBER_CAP) throw new Error(`the pool has ${frozen.length} members, not ${MEMBER_CAP}`);
  // Now at most one live mandate each: the 31 holders are no longer eligible, so the draw tries them all first.
  await gasOf(drawCircle.mandates.connect(drawCircle.self).updateRules({ ...mandateRules, maxLivePerMember: 1 }));
  await gasOf(randomness.setValue((await drawCircle.mandates.draw(drawId)).ticket, value));
  const completeReceipt = await receiptOf(drawCircle.mandates.completeDraw(drawId, frozen, "0x"));
  const granted = (await drawCircle.mandates.mandate(await drawCircle.mandates.mandateCount())).holder;
  if (granted !== picked) throw new Error(`the draw picked ${granted}, expected the last candidate ${picked}`);
  facts.drawTried = order.length - 1;
  rows.push({
    loop: "Sortition.pick (with MandatesBase._liveCountOf) + MandatesBase._pruneExpired + MandatesBase._grant",
    cap: "32 candidates (`MEMBER_CAP`) × 31 live mandates, 8 powers",
    transaction:
      "`Mandates.completeDraw` (in `MandateDraws`), the oldest pending draw, 31 candidates ineligible before the last",
    gas: completeReceipt.gasUsed,
  });

  if (all) {
    // --- A facilitator draw leaves the last facilitator out of a pool of 32 (Sortition.without) ---------------------
    const facilitated = await found(addresses);
    await gasOf(facilitated.mandates.requestFacilitatorDraw());
    const firstDraw = await facilitated.mandates.drawCount();
    await gasOf(randomness.setValue((await facilitated.mandates.draw(firstDraw)).ticket, value));
    const facilitatorRole = await facilitated.mandates.FACILITATOR_ROLE();
    const firstPool = [...(await facilitated.mandates.eligiblePool(facilitatorRole, ethers.ZeroAddress))];
    await gasOf(facilitated.mandates.completeDraw(firstDraw, firstPool, "0x"));
    const facilitator = await facilitated.mandates.lastFacilitator();
    const firstHolder = members.find((m) => m.address === facilitator)!;
    await gasOf(facilitated.mandates.connect(firstHolder).handBack(await facilitated.mandates.mandateCount()));
    await grantAll(facilitated, addresses.slice(0, MAX_LIVE_MANDATES - 1), "facilitated role");
    rows.push({
      loop: "Sortition.without + MandatesBase._eligiblePool (with MandatesBase._liveCountOf)",
      cap: "32 members × 31 live mandates",
      transaction: "`Mandates.requestFacilitatorDraw` (in `MandateDraws`) leaving the last facilitator out",
      gas: await gasOf(facilitated.mandates.requestFacilitatorDraw()),
    });

    // --- Granting with 8 powers at 31 live; acting with the 8th, whose caps are zero (found by the list) -----------
    const grants = await found(addresses);
    await grantAll(grants, addresses.slice(0, MAX_LIVE_MANDATES - 1), "grant role");
    const token = await ethers.deployContract("MockERC20");
    await (await token.mint(grants.address, 1_000n)).wait();
    const tokenAddress = await token.getAddress();
    const filler = Array.from({ length: MAX_POWERS - 1 }, (_, i) => ({
      target: tokenAddress,
      selector: ethers.id(`filler${i}()`).slice(0, 10),
      // Capped, so the grant writes their caps too.
      maxValue: 1n,
    }));
    const name = token.interface.getFunction("name").selector;
    // A power whose caps are both zero: an act on it reads its caps as zero and finds it at the end of the list.
    const powers = [...filler, { target: tokenAddress, selector: name }];
    const holder = members.at(-1)!;
    rows.push({
      loop: "Mandates.grant (MandatesBase._grantOf, MandatesBase._grant, MandatesBase._liveCountOf)",
      cap: "8 powers (`MandatesBase.MAX_POWERS`), 7 of them capped, 31 live mandates",
      transaction: "`Mandates.grant` (as the circle), the 32nd live mandate",
      gas: await gasOf(grants.mandates.connect(grants.self).grant(spec("treasurer", powers), holder.address)),
    });
    const treasurer = await grants.mandates.mandateCount();
    rows.push({
      loop: "Mandates._caps",
      cap: "8 powers (`MandatesBase.MAX_POWERS`)",
      transaction:
        "`Mandates.act` with the 8th power, whose caps are both zero (`name()` on a token): the list is read",
      gas: await gasOf(grants.mandates.connect(holder).act(treasurer, tokenAddress, 0n, name)),
    });

    // --- Recall: the 17th of 32 members (the majority) signals; the same by 17 signatures --------------------------
    const majority = MEMBER_CAP / 2 + 1;
    for (const m of members.slice(0, majority - 1)) await gasOf(grants.mandates.connect(m).signalRecall(treasurer));
    rows.push({
      loop: "Signals.record (recall) + MandatesBase._end",
      cap: "16 earlier signals (a majority of `MEMBER_CAP`), 32 live mandates",
      transaction: "`Mandates.signalRecall`, the 17th of 32: recalls",
      gas: await gasOf(grants.mandates.connect(members[majority - 1]!).signalRecall(treasurer)),
    });
    rows.push({
      loop: "Mandates.recallSignals",
      cap: "the signers: at most the members (`MEMBER_CAP`)",
      transaction: "view: 17 signers",
      gas: await grants.mandates.recallSignals.estimateGas(treasurer),
      view: true,
    });
    const target = 1n; // the first grant, held by members[0]
    const signers = members.slice(1, 1 + majority);
    const eip712 = await grants.mandates.eip712Domain();
    const domain = {
      name: eip712.name,
      version: eip712.version,
      chainId: eip712.chainId,
      verifyingContract: eip712.verifyingContract,
    };
    const signatures = await Promise.all(
      signers.map(async (m) =>
        m.signTypedData(
          domain,
          {
            Recall: [
              { name: "mandateId", type: "uint256" },
              { name: "member", type: "address" },
              { name: "nonce", type: "uint256" },
            ],
          },
          { mandateId: target, member: m.address, nonce: await grants.mandates.nonces(m.address) },
        ),
      ),
    );
    rows.push({
      loop: "Mandates.signalRecallBySig (each with Signals.record)",
      cap: "17 signatures: a majority of 32 (no member signals twice)",
      transaction: "`Mandates.signalRecallBySig` with 17 signatures: recalls",
      gas: await gasOf(
        grants.mandates.signalRecallBySig(
          target,
          signers.map((m) => m.address),
          signatures,
        ),
      ),
    });

    // --- Pruning: 32 live mandates, all expired, ended by the next grant -------------------------------------------
    const prune = await found(addresses);
    await grantAll(prune, fourEach(addresses), "expiring role", DAY);
    await time.increase(DAY + 1);
    rows.push({
      loop: "MandatesBase._pruneExpired (with MandatesBase._end)",
      cap: "32 expired live mandates (`MandatesBase.MAX_LIVE_MANDATES`)",
      transaction: "`Mandates.grant` (as the circle) ending 32 expired mandates first",
      gas: await gasOf(prune.mandates.connect(prune.self).grant(spec("after expiry"), addresses[0]!)),
    });

    // --- Badge history page: 100 terms of one role ------------------------------------------------------------------
    const history = await found([addresses[0]!]);
    for (let i = 0; i < MAX_PAGE_SIZE; ++i) {
      await gasOf(history.mandates.connect(history.self).grant(spec("clerk"), addresses[0]!));
      await gasOf(history.mandates.connect(history.self).complete(await history.mandates.mandateCount()));
    }
    const badges = await ethers.getContractAt("MandateBadges", await history.mandates.badges());
    rows.push({
      loop: "Mandates.roleHistory (read by MandateBadges.roleHistory)",
      cap: "100 per page (`MandatesBase.MAX_HISTORY_PAGE`)",
      transaction: "view: a page of 100 terms",
      gas: await badges.roleHistory.estimateGas(ethers.id("clerk"), 0, MAX_PAGE_SIZE),
      view: true,
    });
  }

  if (all) {
    // --- Open proposals: the drop scan over 512, refused while all are open, then dropping all 512 once finished ----
    const open = await found(addresses);
    await time.increase(1); // proposers must have been members a second ago
    await fillOpenProposals(open, "scan");
    const proposer = members[0]!;
    const propose17th = (tag: string, gasLimit?: bigint) =>
      open.circle
        .connect(proposer)
        .propose([open.address], [0n], ["0x"], `scan proposal 0.${tag}`, gasLimit ? { gasLimit } : {});
    rows.push({
      loop: "CircleRituals.proposalMade (CircleRituals._dropFinished, nothing to drop)",
      cap: "512 open proposals (`CircleRituals.MAX_OPEN_PROPOSALS`), the proposer at 16 (`MAX_OPEN_PER_PROPOSER`)",
      transaction:
        "`Circle.propose`, a member's 17th while all 512 are open: the scan finds none finished and the proposal is refused (`CircleRitualsTooManyOpenProposals`)",
      gas: await revertedGas(ethers, propose17th("refused", TX_GAS_CAP), open.address),
    });
    // Past the voting period with no votes, all 512 are defeated: the 17th proposal (also the 513th) drops them all.
    await time.increase(rules.votingDelay + rules.votingPeriod + 1);
    facts.dropScanned = (await open.rituals.openProposals()).length;
    rows.push({
      loop: "CircleRituals.proposalMade (CircleRituals._dropFinished, every entry dropped)",
      cap: "512 open proposals (`CircleRituals.MAX_OPEN_PROPOSALS`), the proposer at 16 (`MAX_OPEN_PER_PROPOSER`)",
      transaction:
        "`Circle.propose`, a member's 17th and the circle's 513th after all 512 finished: the scan drops all 512",
      gas: await gasOf(propose17th("accepted")),
    });
    facts.dropDropped = facts.dropScanned + 1 - (await open.rituals.openProposals()).length;
  }

  // --- Council: a proposal counts 32 seats that count --------------------------------------------------------------
  // A seat counts only for a circle of at least 3 members (`CouncilSeats.MIN_SEAT_MEMBERS`) and, joined openly, once
  // its probation is over: 32 circles of three (overlapping) members, each seated, filled, and past probation, so
  // every seat takes the whole check (held, size, delegate, probation).
  const seatSize = 3;
  const seats: Founded[] = [];
  for (let i = 0; i < MEMBER_CAP; ++i) {
    const circleMembers = Array.from({ length: seatSize }, (_, k) => addresses[(i + k) % MEMBER_CAP]!);
    seats.push(await found(circleMembers));
  }
  await time.increase(1); // a seat's size is the circle's member count a second ago
  await gasOf(
    registry
      .connect(seats[0]!.self)
      .createCouncil(
        { name: "Caps council", charterHash: ethers.id("council"), charterURI: "", openJoin: true },
        rules,
        mandateRules,
      ),
  );
  const [councilAddress] = await registry.circles((await registry.circleCount()) - 1n, 1);
  const council = await ethers.getContractAt("Circle", councilAddress!);
  const councilSeats = await ethers.getContractAt("CouncilSeats", await council.membership());
  const delegateRole = await councilSeats.delegateRole();
  for (const [i, seat] of seats.entries()) {
    if (i > 0) await gasOf(councilSeats.connect(seat.self).requestSeat());
    await gasOf(seat.mandates.connect(seat.self).grant({ ...spec(delegateRole), title: "delegate" }, addresses[i]!));
  }
  await time.increase(Number(await councilSeats.probation()) + 1);
  facts.seatsCounted = Number(await councilSeats.electorateSize(0));
  const seatSizes = await Promise.all(
    seats.map(async (seat) =>
      (await ethers.getContractAt("CircleMembership", await seat.circle.membership())).memberCount(),
    ),
  );
  facts.smallestSeat = Number(seatSizes.reduce((a, b) => (b < a ? b : a)));
  rows.push({
    loop: "CouncilSeats.electorateSize (each seat: held, 3 members a second ago, a live delegate, out of probation)",
    cap: "32 seats (`MEMBER_CAP`)",
    transaction: "`Circle.propose` in a council of 32 seats that count (circles of 3, probation over)",
    gas: await gasOf(council.connect(seats[0]!.self).propose([councilAddress!], [0n], ["0x"], "Caps proposal")),
  });

  // --- Payment along trust: 65 people, 64 hops --------------------------------------------------------------------
  const now = await time.latest();
  const hub = await ethers.deployContract("IncomeHub", [
    {
      registry: await registry.getAddress(),
      dayZero: Math.floor(now / DAY) * DAY,
      bootstrapPeriod: 365 * DAY,
      invitationCost: 96n * TOKEN,
      welcomeBonus: 48n * TOKEN,
      uri: "",
    },
  ]);
  const people = await Promise.all(
    Array.from({ length: MAX_FLOW_EDGES + 1 }, async (_, i) => {
      const wallet = new ethers.Wallet(ethers.id(`cap person ${i}`), ethers.provider);
      await networkHelpers.setBalance(wallet.address, 10n ** 20n);
      return wallet;
    }),
  );
  for (const p of people) await gasOf(hub.connect(p).register(ethers.ZeroAddress));
  await time.increase(DAY);
  for (const p of people) await gasOf(hub.connect(p).claim());
  const expiry = (await time.latest()) + 365 * DAY;
  for (let i = 1; i < people.length; ++i) await gasOf(hub.connect(people[i]!).trust(people[i - 1]!.address, expiry));
  const vertices = people.map((p) => p.address).sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
  const at = (address: string) => vertices.indexOf(address);
  const edges = Array.from({ length: MAX_FLOW_EDGES }, (_, i) => ({
    from: at(people[i]!.address),
    to: at(people[i + 1]!.address),
    token: at(people[i]!.address),
    amount: TOKEN,
  }));
  rows.push({
    loop: "IncomeHub.payAlongTrust",
    cap: "64 edges, 65 vertices (`IncomeHub.MAX_FLOW_EDGES`, `MAX_FLOW_VERTICES`)",
    transaction: "`IncomeHub.payAlongTrust`, 64 hops, every receiving balance new",
    gas: await gasOf(hub.connect(people[0]!).payAlongTrust(vertices, edges, people.at(-1)!.address, TOKEN)),
  });

  if (all) {
    // --- Income: vouching for 31 members, a group mint and redeem of 32 tokens, a claim over 15 days -------------
    // Vouching is an offer paid like an invitation: for each person, the circle burns the invitation cost of a
    // registered member's token that it holds. A circle has at most 32 members and one of them must be a registered
    // person to pay, so a vouch names at most 31 people (under `IncomeHub.MAX_BATCH` = 32). The payer gives the circle
    // 31 invitations' worth of their own token: 31 × 96 tokens take about 124 days of income (24 a day, at most 14
    // days a claim), so the clock moves by that much here.
    const group = await found(addresses);
    await gasOf(hub.connect(group.self).registerCircle());
    const payer = members[0]!;
    const vouched = addresses.slice(1);
    const payerToken = BigInt(payer.address);
    await gasOf(hub.connect(payer).register(ethers.ZeroAddress));
    const needed = (await hub.invitationCost()) * BigInt(vouched.length);
    while ((await hub.balanceOf(group.address, payerToken)) < needed) {
      await time.increase(14 * DAY);
      await gasOf(hub.connect(payer).claim());
      const earned = await hub.balanceOf(payer.address, payerToken);
      await gasOf(hub.connect(payer).safeTransferFrom(payer.address, group.address, payerToken, earned, "0x"));
    }
    rows.push({
      loop: "IncomeHub.vouch",
      cap: "31 people: `MEMBER_CAP` less the paying member (a batch may hold 32, `IncomeHub.MAX_BATCH`)",
      transaction: "`IncomeHub.vouch` for 31 members, burning 31 invitations' cost of the paying member's token",
      gas: await gasOf(
        hub.connect(group.self).vouch(
          vouched,
          vouched.map(() => payer.address),
        ),
      ),
    });
    for (const person of vouched) if (await hub.isVouched(group.address, person)) ++facts.vouchesOffered;
    const owners = people.slice(1, 1 + MAX_BATCH);
    const minter = people.at(-1)!; // holds none of these tokens yet: every deposit is a new balance
    for (const p of owners) {
      await gasOf(hub.connect(group.self).trust(p.address, expiry));
      await gasOf(hub.connect(p).safeTransferFrom(p.address, minter.address, BigInt(p.address), TOKEN, "0x"));
    }
    const ownerAddresses = owners.map((p) => p.address);
    const amounts = owners.map(() => TOKEN / 2n);
    rows.push({
      loop: "IncomeHub.groupMint",
      cap: "32 tokens (`IncomeHub.MAX_BATCH`)",
      transaction: "`IncomeHub.groupMint` of 32 personal tokens",
      gas: await gasOf(hub.connect(minter).groupMint(group.address, ownerAddresses, amounts)),
    });
    rows.push({
      loop: "IncomeHub.groupRedeem",
      cap: "32 tokens (`IncomeHub.MAX_BATCH`)",
      transaction: "`IncomeHub.groupRedeem` of 32 personal tokens",
      gas: await gasOf(hub.connect(minter).groupRedeem(group.address, ownerAddresses, amounts)),
    });

    // --- Mutual credit: 40 accounts with a balance (32 members, the commons and 7 admitted) ----------------------
    const factory = await ethers.deployContract("CreditFactory", [await registry.getAddress()]);
    await gasOf(factory.connect(group.self).createCurrency("Caps", "CAP", 2, 1_000_00n, 1_000_00n));
    const credit = await ethers.getContractAt("MutualCredit", await factory.currencyOf(group.address));
    const admitted = people.slice(0, MAX_ADMITTED - 1); // the commons is the eighth
    for (const p of admitted) await gasOf(credit.connect(group.self).admitAccount(p.address));
    for (const p of [...members, ...admitted]) await gasOf(credit.connect(p).transfer(group.address, 1n));
    const holders = await credit.accountsWithBalance();
    if (holders.length !== MEMBER_CAP + MAX_ADMITTED) throw new Error(`${holders.length} accounts hold a balance`);
    rows.push({
      loop: "MutualCredit.totalSupply",
      cap: "40 accounts (`MEMBER_CAP` + `MutualCredit.MAX_ADMITTED`)",
      transaction: "view at 40 accounts with a balance",
      gas: await credit.totalSupply.estimateGas(),
      view: true,
    });
    rows.push({
      loop: "MutualCredit.jubilee",
      cap: "40 accounts (`MEMBER_CAP` + `MutualCredit.MAX_ADMITTED`)",
      transaction: "`MutualCredit.jubilee` (as the circle) clearing 40 balances",
      gas: await gasOf(credit.connect(group.self).jubilee()),
    });

    // --- Registry pages: 100 circles, 100 templates -----------------------------------------------------------------
    while ((await registry.circleCount()) < BigInt(MAX_PAGE_SIZE)) await found([addresses[0]!]);
    rows.push({
      loop: "CircleRegistry.circles",
      cap: "100 per page (`CircleRegistry.MAX_PAGE_SIZE`)",
      transaction: "view: a page of 100 circles",
      gas: await registry.circles.estimateGas(0, MAX_PAGE_SIZE),
      view: true,
    });
    for (let i = 0; i < MAX_PAGE_SIZE; ++i) await gasOf(registry.publishTemplate(`Template ${i}`, rules, mandateRules));
    rows.push({
      loop: "CircleRegistry.templates",
      cap: "100 per page (`CircleRegistry.MAX_PAGE_SIZE`)",
      transaction: "view: a page of 100 templates",
      gas: await registry.templates.estimateGas(0, MAX_PAGE_SIZE),
      view: true,
    });

    // --- Demurrage: a claim after more than 14 days, once a loop over its days, now constant time --------------------------------
    await gasOf(hub.connect(people[1]!).claim());
    await time.increase(15 * DAY);
    rows.push({
      loop: "Demurrage.issuance",
      cap: "no loop since issue 16: at most 14 whole days (`Demurrage.MAX_CLAIM`), their sum read from a table",
      transaction: "`IncomeHub.claim` after 15 days",
      gas: await gasOf(hub.connect(people[1]!).claim()),
    });

    // --- Profiles: the longest name and URI, every byte checked; a batch read of 100 profiles at their longest ----
    const profiles = await ethers.deployContract("Profiles");
    const longestName = "N".repeat(Number(await profiles.MAX_NAME_LENGTH()));
    const longestUri = "u".repeat(Number(await profiles.MAX_URI_LENGTH()));
    const batch = Number(await profiles.MAX_BATCH());
    const named = await Promise.all(
      Array.from({ length: batch }, async (_, i) => {
        const wallet = new ethers.Wallet(ethers.id(`cap profile ${i}`), ethers.provider);
        await networkHelpers.setBalance(wallet.address, 10n ** 18n);
        return wallet;
      }),
    );
    const setGas: bigint[] = [];
    for (const p of named) setGas.push(await gasOf(profiles.connect(p).setProfile(longestName, longestUri)));
    rows.push({
      loop: "Profiles._checkPrintable",
      cap: "64-byte name, 256-byte URI (`Profiles.MAX_NAME_LENGTH`, `Profiles.MAX_URI_LENGTH`)",
      transaction: "`Profiles.setProfile` with the longest name and URI, first time",
      gas: setGas[0]!,
    });
    rows.push({
      loop: "Profiles.profilesOf",
      cap: "100 accounts (`Profiles.MAX_BATCH`)",
      transaction: "view: 100 accounts, each with the longest name and URI",
      gas: await profiles.profilesOf.estimateGas(named.map((p) => p.address)),
      view: true,
    });
  }

  return { rows, facts };
}

/** The order in which {Sortition.pick} tries the pool's members with `randomness` (mirrors the library). */
function pickOrder(pool: string[], randomness: bigint): string[] {
  const candidates = [...pool];
  const order: string[] = [];
  const coder = AbiCoder.defaultAbiCoder();
  for (let attempt = 0, remaining = candidates.length; remaining > 0; ++attempt, --remaining) {
    const i = Number(
      BigInt(keccak256(coder.encode(["uint256", "uint256"], [randomness, attempt]))) % BigInt(remaining),
    );
    order.push(candidates[i]!);
    candidates[i] = candidates[remaining - 1]!;
  }
  return order;
}

/** The "Loop caps" section of BENCHMARKS.md. */
export function capsReport(rows: CapRow[]): string {
  const share = (gas: bigint) => ((Number(gas) / Number(TX_GAS_CAP)) * 100).toFixed(1) + "%";
  const transactions = rows.filter((r) => !r.view);
  const heaviest = transactions.reduce((a, b) => (b.gas > a.gas ? b : a));
  const table = [
    "| loop | cap (where stated) | transaction at the cap | gas | share of 16,777,216 | margin |",
    "|---|---|---|---:|---:|---:|",
    ...rows.map(
      (r) => `| ${r.loop} | ${r.cap} | ${r.transaction} | ${r.gas} | ${share(r.gas)} | ${TX_GAS_CAP - r.gas} |`,
    ),
  ];
  return `## Loop caps

Every loop in \`contracts/\` filled to its documented cap by the transaction that does it, next to the gas cap
one transaction may use, 16,777,216 (2^24, EIP-7825, enforced from Osaka). Role modules are test modules that burn
their whole 200k stipend on every hook. Views are measured as \`eth_estimateGas\` of the call (a node's call gas
limit applies to them, not EIP-7825). The heaviest transaction is ${heaviest.transaction.replace(/`/g, "")}:
${heaviest.gas} gas, ${share(heaviest.gas)} of the cap (test/caps/LoopCaps.ts keeps it under 80%).

${table.join("\n")}

Loops over what the caller supplies are paid by the caller and have no cap of their own: the calls of a proposal
(\`checkCalls\` in \`Circle.propose\`/\`execute\`, for circles and councils), \`IncomeHub.balanceOfBatch\` and
\`safeBatchTransferFrom\`.
`;
}
