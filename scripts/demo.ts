// The Commonweal story on the in-process Hardhat network: a circle is founded, decides, takes its temperature,
// grants and recalls mandates, federates, trades in its own currency, pays basic income and resets. Every step goes
// through the client's actions (`client/`, the same ones the CLI and the wallet use), on viem wallet clients of the
// network's development accounts. Run with `npm run demo`.
//
// Against a running node instead (`npm run demo -- --network localhost`, after `npx hardhat node` and
// `npm run deploy:local`): the demo uses the deployment the CLI reads (COMMONWEAL_DEPLOYMENT_ID names another) and
// moves the node's clock block by block (`evm_increaseTime` and `evm_mine`, never a batch of blocks at once), so the
// ledger (`npm run indexer`) can follow the whole story as it happens. Use a fresh node: the story registers its
// people in the income hub, which each can do once.
import { fileURLToPath } from "node:url";

import { network } from "hardhat";
import { formatUnits, getAddress, parseUnits, toFunctionSelector, type Address } from "viem";

import {
  CommonwealError,
  INCOME_UNITS,
  Support,
  acceptVouch,
  act,
  advanceChain,
  castVote,
  castVoteBySignature,
  castCouncilVote,
  charterHash,
  claimIncome,
  complete,
  completeAuditorDraw,
  completeDraw,
  completeInversion,
  createCircle,
  describeRevert,
  encodeCall,
  execute,
  formatAmount,
  formatTokenAmount,
  grantMandateCall,
  invitePerson,
  leaveCircle,
  listMandates,
  listPendingDraws,
  payAcross,
  payAlongTrust,
  payInCredit,
  prepareAdmit,
  prepareAppointDelegate,
  prepareCouncilAdmit,
  prepareCreateCouncil,
  prepareCreateCurrency,
  prepareJoinCouncil,
  prepareLeaveCouncil,
  prepareOpenClearingLine,
  preparePublishCircleRules,
  prepareReportTemplateResult,
  prepareVouch,
  propose,
  proposeInCouncil,
  publishAudit,
  publishTemplate,
  readCircle,
  readCreditAccount,
  readCreditBetween,
  readCurrency,
  readDelegation,
  readDraw,
  readIncomeAccount,
  readIncomeHub,
  readMandate,
  readMentorship,
  readPairLinks,
  readProposal,
  readRulesWithOverrides,
  readSchedule,
  readSeats,
  readTally,
  readTemplate,
  readTokenBalance,
  recordListeningSession,
  recordTemperature,
  registerPerson,
  requestAdmission,
  requestAuditorDraw,
  requestDrawCall,
  requestInversion,
  sendIncome,
  setTrust,
  signBallot,
  signalRecall,
  signalReset,
  type ExecuteReturnType,
  type ProposalCall,
  type Proposal,
} from "../client/index.js";
import { readDeployment } from "../client/node.js";
import CirclesModule from "../deploy/modules/Circles.js";

const { ignition, viem, networkName, networkConfig } = await network.create();
/** The in-process network (`npm run demo`), or a node the demo reaches over HTTP (`--network localhost`). */
const inProcess = networkConfig.type === "edr-simulated";
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const DAY = 86_400;

interface Person {
  name: string;
  address: Address;
  wallet: (typeof wallets)[number];
}
/** The development account at `index`, named: each person signs with their own wallet client. */
function person(name: string, index: number): Person {
  const wallet = wallets[index];
  if (!wallet) throw new Error(`The network has ${wallets.length} accounts; the demo needs at least ${index + 1}.`);
  return { name, address: getAddress(wallet.account.address), wallet };
}
const [ana, ben, cai, dee, eli, fay, gus] = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus"].map(person) as [
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
];
// Birch Lane's six, after the account the seed supplier is paid at.
const supplier = person("the seed supplier", 10);
const [hal, ida, jo, kai, lea, max] = ["Hal", "Ida", "Jo", "Kai", "Lea", "Max"].map((name, i) =>
  person(name, 11 + i),
) as [Person, Person, Person, Person, Person, Person];

/** The names the story knows, by address: the client's sentences name accounts by address; the story by name. */
const names = new Map<string, string>(
  [ana, ben, cai, dee, eli, fay, gus, supplier, hal, ida, jo, kai, lea, max].map((p) => [
    p.address.toLowerCase(),
    p.name,
  ]),
);
const nameOf = (address: Address) => names.get(address.toLowerCase()) ?? address;
/** A client sentence with the addresses the story knows replaced by names (the others stay checksummed). */
const named = (sentence: string) =>
  sentence.replace(/0x[0-9a-fA-F]{40}/g, (address) => names.get(address.toLowerCase()) ?? getAddress(address));

let step = 0;
function say(line: string): void {
  step += 1;
  console.log(`${String(step).padStart(2)}. ${line}`);
}
/** A chain time as an ISO date (UTC). */
const day = (seconds: bigint | number) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
/** Income-hub tokens to two decimals, whole amounts without them (the client's formatTokens is exact, to 18). */
const tokens = (amount: bigint) => Number(formatUnits(amount, INCOME_UNITS.decimals)).toFixed(2).replace(/\.00$/, "");

/** Runs a step that must be refused and returns the refusal's sentence: the client's own, or the contract's. */
async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    const sentence = error instanceof CommonwealError ? error.message : describeRevert(error);
    if (sentence) return named(sentence);
    throw error;
  }
  throw new Error("The demo expected a refusal here, but the step went through.");
}

/**
 * The clock, moved as on any local node a ledger follows: one `evm_increaseTime` and one `evm_mine` per block
 * (client advanceChain), never a batch of blocks at once (Ponder refuses `hardhat_mine`'s batches).
 */
const time = {
  /** Moves the clock `seconds` on, in one block. */
  increase: (seconds: number) => advanceChain(publicClient, { seconds }),
  /** Moves the clock to at least `second`, in one block. */
  async increaseTo(second: bigint) {
    const { timestamp } = await publicClient.getBlock();
    await advanceChain(publicClient, { seconds: Math.max(1, Number(second - timestamp)) });
  },
  /** Mines `blocks` blocks, a second apart. */
  mine: (blocks: number) => advanceChain(publicClient, { seconds: blocks, blocks }),
};

const state = async (body: Address, proposalId: bigint) =>
  (await readTally(publicClient, { circle: body, proposalId })).stateName;

/** A decision of `body`: proposed, voted for by `voters` once voting opens, executed once voting closes. */
async function decide(body: Address, proposer: Person, voters: Person[], proposal: Proposal) {
  const { proposalId, schedule } = await propose(proposer.wallet, { circle: body, ...proposal });
  await time.increaseTo(schedule.votingOpensAt + 1n);
  for (const voter of voters) await castVote(voter.wallet, { circle: body, proposalId, support: Support.For });
  await time.increaseTo(schedule.deadline + 1n);
  return execute(proposer.wallet, { circle: body, proposalId });
}

/** The live mandate of `role` in a mandates module (the one just granted). */
async function liveMandate(mandates: Address, role: string) {
  const found = (await listMandates(publicClient, { mandates })).find((m) => m.role === role);
  if (!found) throw new Error(`No live mandate for the role "${role}".`);
  return found;
}

const chainId = await publicClient.getChainId();
console.log(
  inProcess
    ? `Commonweal demo on the in-process Hardhat network (chain ${chainId})\n`
    : `Commonweal demo on the node of network "${networkName}" (chain ${chainId})\n`,
);

// --- Deploy -------------------------------------------------------------------------------------------------------
/** The suite: deployed here on the in-process network; on a node, the deployment the CLI and the ledger read. */
async function suite() {
  if (!inProcess) {
    const folder = fileURLToPath(new URL("../deploy/deployments", import.meta.url));
    const deploymentId = process.env.COMMONWEAL_DEPLOYMENT_ID || undefined;
    return {
      ...readDeployment(chainId, { folder, deploymentId }),
      how: `the deployment ${deploymentId ?? `chain-${chainId}`}`,
    };
  }
  const deployed = await ignition.deploy(CirclesModule);
  const at = async (contract: { getAddress(): Promise<string> }) => getAddress(await contract.getAddress());
  return {
    registry: await at(deployed.registry),
    creditFactory: await at(deployed.creditFactory),
    incomeHub: await at(deployed.incomeHub),
    how: "the Ignition module deploy/modules/Circles.ts",
  };
}
const addresses = await suite();
const { registry, creditFactory: factory, incomeHub: hub } = addresses;
// Ana registers in the income hub while anyone may (its 30-day bootstrap); her income accrues from now on.
await registerPerson(ana.wallet, { hub });
say(`${inProcess ? "Deployed the suite with" : "Using"} ${addresses.how}: registry at ${registry}.`);

// --- Found a circle from a published template ----------------------------------------------------------------------
// The registry's defaults, but a mentorship inversion every two weeks rather than every year, so the story shows one.
const { rules, mandateRules } = await readRulesWithOverrides(publicClient, {
  registry,
  overrides: { inversionPeriod: 14 * DAY },
});
const template = await publishTemplate(ana.wallet, { registry, name: "Affinity circle", rules, mandateRules });
say(`Published the "${template.name}" rule set as a template anyone can copy.`);

const founders = [ana, ben, cai, dee, eli, fay];
// Every founder consents to this very founding (name, founders, charter, rules) with an EIP-712 signature from their
// own wallet; Ana sends the founding with the five consents.
const elm = await createCircle(ana.wallet, {
  registry,
  templateId: template.templateId,
  founding: {
    name: "Elm Street Garden",
    founders: founders.map((p) => p.address),
    charterHash: charterHash("We tend the community garden on Elm Street and share its harvest."),
    charterURI: "ipfs://elm-street-garden/charter-v1",
  },
  signers: founders.map((p) => p.wallet),
});
const circle = elm.circle;
names.set(circle.toLowerCase(), "Elm Street Garden");
const founded = await readCircle(publicClient, { circle });
say(
  `${founders.map((p) => p.name).join(", ")} found "${founded.name}" from the template, each consenting by signature: ` +
    `${founded.memberCount} members, quorum ${founded.rules.quorumPercent}%, charter in force until ${day(founded.charter.expiresAt)}.`,
);
await time.increase(1);

// --- A decision: admit Gus ------------------------------------------------------------------------------------------
await requestAdmission(gus.wallet, { circle, registry });
const admitGus = await prepareAdmit(publicClient, {
  circle,
  registry,
  member: gus.address,
  description: "Admit Gus, who has been helping with the compost since spring",
});
const admission = await propose(ben.wallet, { circle, calls: admitGus.calls, description: admitGus.description });
const { proposalId } = admission;
say(`Gus asks to join, and Ben proposes: "${admitGus.description}". State: ${await state(circle, proposalId)}.`);

await time.increaseTo(admission.schedule.votingOpensAt + 1n);
say(`A day's notice later voting opens. State: ${await state(circle, proposalId)}.`);
const ballots: [Person, Support][] = [
  [ana, Support.For],
  [ben, Support.For],
  [cai, Support.For],
  [eli, Support.Abstain],
  [fay, Support.Against],
];
const cast = [];
for (const [voter, support] of ballots) cast.push(await castVote(voter.wallet, { circle, proposalId, support }));
// Dee is travelling: she signs her ballot off-chain and Ana relays it.
const ballot = await signBallot(dee.wallet, { circle, proposalId, support: Support.For });
const { tally } = await castVoteBySignature(ana.wallet, { ballot });
say(
  `${cast.map((v) => `${nameOf(v.voter)} ${v.support}`).join(", ")}; Dee votes for by signature, Ana relaying it. ` +
    `Tally: ${tally.for} for, ${tally.against} against, ${tally.abstain} abstain.`,
);

await time.increaseTo(admission.schedule.deadline + 1n);
const closed = await readProposal(publicClient, { circle, proposalId });
say(`Voting closes. State: ${closed.stateName} (quorum ${closed.quorum}).`);
await execute(fay.wallet, { circle, proposalId });
const withGus = await readCircle(publicClient, { circle });
say(
  `Fay, who voted against, executes it anyway: the circle carries out its own decisions. ` +
    `Gus is a member: ${withGus.members.includes(gus.address)}; ${withGus.memberCount} members.`,
);

// --- Power temperature check ----------------------------------------------------------------------------------------
await time.increase(Number(withGus.rules.temperaturePeriod));
const readings: [Person, number, Person | undefined][] = [
  [ana, 2, ben],
  [cai, 3, ben],
  [dee, 2, ben],
  [eli, 4, ben],
  [fay, 3, undefined],
];
let temperature;
let cooled: { member: Address; until: bigint } | null = null;
for (const [member, heard, dominant] of readings) {
  temperature = await recordTemperature(member.wallet, { circle, registry, heard, dominant: dominant?.address });
  cooled = temperature.recorded.cooledDown ?? cooled;
}
const aggregate = temperature!.aggregate!;
const namingBen = readings.filter(([, , dominant]) => dominant === ben).length;
say(
  `Temperature check for period ${aggregate.period}: ${aggregate.readings} readings, average "heard" ` +
    `${aggregate.average?.toFixed(1)} of 5; ${namingBen} of ${withGus.memberCount} named Ben as dominant.`,
);
if (!cooled) throw new Error("A majority named Ben, but no one was cooled down.");
say(`A majority named ${nameOf(cooled.member)}, so he sits out of roles until ${day(cooled.until)}.`);

// --- Mandates: granted, used, drawn by lot, term-limited, recalled -------------------------------------------------
const { mandates } = withGus;
const elmVoters = [ana, cai, eli, gus];
// The circle's seed fund: a plain ERC-20 (a test token), 500 of which the circle holds.
const seedFund = await viem.deployContract("MockERC20");
await seedFund.write.mint([circle, parseUnits("500", 18)]);
names.set(seedFund.address.toLowerCase(), "the seed fund");
// A treasurer may move at most 100 of the fund per transfer: a value-moving power always carries a cap, in units.
const treasurer = {
  mandates,
  role: "treasurer",
  duration: 30 * DAY,
  proposer: cai.address,
  powers: [
    { target: seedFund.address, selector: toFunctionSelector("function transfer(address,uint256)"), maxAmount: "100" },
  ],
};
const refusedSelf = await refusal(() => grantMandateCall(publicClient, { ...treasurer, holder: cai.address }));
say(`Cai would propose himself as treasurer; the client refuses before anything is proposed: ${refusedSelf}`);
const deeGrant = await grantMandateCall(publicClient, {
  ...treasurer,
  holder: dee.address,
  description: "Dee as treasurer, to pay for seeds",
});
await decide(circle, cai, elmVoters, { calls: [deeGrant.call], description: deeGrant.description });
const treasury = await liveMandate(mandates, "treasurer");
const capUnits = deeGrant.powers[0]!.amountUnits!;
say(
  `Cai proposes Dee instead: mandate ${treasury.id} makes ${nameOf(treasury.holder)} treasurer until ${day(treasury.expiresAt)}, ` +
    `allowed one thing: transfers from the circle's seed fund, at most ${formatTokenAmount(treasury.powers[0]!.maxAmount, capUnits)} per transfer.`,
);
/** Dee has the circle call the seed fund through her mandate, the amount read in the fund's units. */
async function treasurerCall(signature: string, amount: string) {
  const { data } = await encodeCall(publicClient, {
    target: seedFund.address,
    signature,
    args: [supplier.address, amount],
  });
  return act(dee.wallet, { mandates, mandateId: treasury.id, target: seedFund.address, data });
}
await treasurerCall("transfer(address,uint256)", "40");
const fund = await readTokenBalance(publicClient, { token: seedFund.address, account: circle });
say(`Dee pays the seed supplier 40 ${capUnits.symbol} through her mandate; the fund holds ${fund.formatted}.`);
const overreach = await refusal(() => treasurerCall("approve(address,uint256)", "1000"));
say(`Dee tries to approve the supplier to draw on the fund: refused. ${overreach}`);
const overCap = await refusal(() => treasurerCall("transfer(address,uint256)", "150"));
say(`Dee tries to pay the supplier 150 ${capUnits.symbol} in one transfer: refused. ${overCap}`);

// Recall by a majority, directly, without a proposal.
let recall;
for (const member of [ana, ben, eli]) recall = await signalRecall(member.wallet, { mandates, mandateId: treasury.id });
say(`Ana, Ben and Eli signal to recall Dee's treasurer mandate: ${recall!.signals} of the ${recall!.needed} needed.`);
const recalled = await signalRecall(gus.wallet, { mandates, mandateId: treasury.id });
const afterRecall = await readMandate(publicClient, { mandates, id: treasury.id });
say(
  `Gus signals too: a majority of the seven. Mandate ${treasury.id} is recalled in that same transaction ` +
    `(recalled: ${recalled.recalled}; live: ${afterRecall.live}).`,
);

// Sortition with the default randomness: the RANDAO value of a block fixed four blocks ahead.
const drawCall = await requestDrawCall(publicClient, {
  mandates,
  role: "compost steward",
  duration: 60 * DAY,
  proposer: ana.address,
  description: "Draw a compost steward by lot",
});
await decide(circle, ana, elmVoters, { calls: [drawCall.call], description: drawCall.description });
const [pending] = await listPendingDraws(publicClient, { mandates });
const draw = await readDraw(publicClient, { mandates, drawId: pending!.id });
const leftOut = (await readCircle(publicClient, { circle })).members
  .filter((member) => !draw.pool.includes(member))
  .map((member) => {
    const why =
      member === ana.address
        ? "who proposed it"
        : member === cooled.member
          ? "cooled down"
          : "who already holds a mandate";
    return `not ${nameOf(member)}, ${why}`;
  });
say(
  `Ana proposes drawing a compost steward by lot. The pool is frozen: ${draw.pool.map(nameOf).join(", ")} ` +
    `(${leftOut.join("; ")}). The randomness will be that of block ${draw.ticket}.`,
);
await time.mine(5);
const drawn = await completeDraw(fay.wallet, { mandates, drawId: draw.drawId });
if (drawn.outcome !== "completed") throw new Error(`Draw ${draw.drawId} was voided: no one in its pool is eligible.`);
const steward = drawn.holder;
say(`Four blocks later Fay completes the draw with that block's header: ${nameOf(steward)} is the compost steward.`);

// Term limits: two consecutive terms of a role, then a cooldown.
const keeper = [gus, eli, cai].find((p) => p.address !== steward)!;
const keeperTerm = (term: number) =>
  grantMandateCall(publicClient, {
    mandates,
    role: "market stall keeper",
    duration: 7 * DAY,
    holder: keeper.address,
    proposer: ana.address,
    description: `${keeper.name} as market stall keeper, term ${term}`,
  });
for (const term of [1, 2]) {
  const grant = await keeperTerm(term);
  await decide(circle, ana, elmVoters, { calls: [grant.call], description: grant.description });
  await complete(keeper.wallet, { mandates, mandateId: (await liveMandate(mandates, "market stall keeper")).id });
}
const third = await refusal(() => keeperTerm(3));
say(
  `${keeper.name} serves two terms as market stall keeper, completing each (two hand-offs). ` +
    `A third in a row is refused before it is proposed: ${third}`,
);

// --- Federation: two circles form a council, vote through delegates, recall one, leave freely ---------------------
const birchPeople = [hal, ida, jo, kai, lea, max];
const birchLane = await createCircle(hal.wallet, {
  registry,
  rules,
  mandateRules,
  founding: {
    name: "Birch Lane Gardens",
    founders: birchPeople.map((p) => p.address),
    charterHash: charterHash("We keep the Birch Lane allotments."),
    charterURI: "ipfs://birch-lane/charter",
  },
  signers: birchPeople.map((p) => p.wallet),
});
const birch = birchLane.circle;
names.set(birch.toLowerCase(), "Birch Lane Gardens");
const birchVoters = [hal, jo, kai, lea];
await time.increase(1);

const councilFounding = await prepareCreateCouncil(publicClient, {
  circle,
  registry,
  name: "Watershed council",
  charterHash: charterHash("We share the watershed's water fairly."),
  charterURI: "ipfs://watershed/charter",
  rules: { ...rules, minMembers: 1, maxMembers: 8 },
  mandateRules,
  description: "Found a watershed council with our neighbours",
});
const councilDecision: ExecuteReturnType = await decide(circle, cai, elmVoters, councilFounding);
const council = councilDecision.created[0]!.address;
names.set(council.toLowerCase(), "the Watershed council");
say(
  `Elm Street Garden founds the Watershed council by its own decision and holds its first seat. ` +
    `The council has no authority over its circles: it can call only itself and what it owns.`,
);
// The envoy is whoever holds no live mandate (the lot above decides who is compost steward).
const envoy = [eli, dee, cai].find((p) => p.address !== steward)!;
const appointEnvoy = await prepareAppointDelegate(publicClient, {
  circle,
  council,
  registry,
  delegate: envoy.address,
  term: 60 * DAY,
  proposer: ana.address,
  description: `${envoy.name} represents us on the watershed council`,
});
await decide(circle, ana, elmVoters, appointEnvoy);
const askForSeat = await prepareJoinCouncil(publicClient, {
  circle: birch,
  council,
  registry,
  description: "Ask for a seat on the watershed council",
});
await decide(birch, hal, birchVoters, askForSeat);
const appointIda = await prepareAppointDelegate(publicClient, {
  circle: birch,
  council,
  registry,
  delegate: ida.address,
  term: 60 * DAY,
  proposer: hal.address,
  description: "Ida represents us on the watershed council",
});
await decide(birch, hal, birchVoters, appointIda);
say(`Elm makes ${envoy.name} its delegate; Birch Lane Gardens decides to ask for a seat, then makes Ida its delegate.`);

/**
 * A decision of the council: its members are circles, so each delegate has their circle propose and vote through
 * their delegate mandate (`act`, calling the council); anyone executes it once voting closes.
 */
async function councilDecide(proposal: Proposal, delegates: Person[]) {
  // Each delegate acts for their circle through its delegate mandate: the client finds the mandate and acts with it.
  const [first] = delegates;
  const { calls, description } = proposal;
  const { proposalId: id } = await proposeInCouncil(first!.wallet, { council, registry, calls, description });
  const schedule = await readSchedule(publicClient, { circle: council, proposalId: id });
  await time.increaseTo(schedule.votingOpensAt + 1n);
  for (const delegate of delegates) {
    await castCouncilVote(delegate.wallet, { council, registry, proposalId: id, support: Support.For });
  }
  await time.increaseTo(schedule.deadline + 1n);
  await execute(first!.wallet, { circle: council, proposalId: id });
  return id;
}
const seatBirch = await prepareCouncilAdmit(publicClient, {
  council,
  circle: birch,
  registry,
  description: "Seat Birch Lane Gardens",
});
await councilDecide(seatBirch, [envoy]);
const seated = await readSeats(publicClient, { council, registry });
say(
  `The council seats Birch Lane, ${envoy.name} voting for Elm through their mandate: ${seated.seats.length} seats, ` +
    `${seated.seats.every((s) => s.filled) ? "both filled" : "not all filled"}.`,
);
const rota: Proposal = {
  calls: [{ target: council, value: 0n, data: "0x" }],
  description: "Share the rain-barrel rota across both gardens",
};
const resolution = await councilDecide(rota, [envoy, ida]);
const carried = await readTally(publicClient, { circle: council, proposalId: resolution });
say(
  `${envoy.name} and Ida carry "${rota.description}" for their circles: ${carried.tally.for} seats for; ${carried.stateName}.`,
);

const idaSeat = await readDelegation(publicClient, { council, registry, delegate: ida.address });
for (const member of [hal, jo, kai, lea]) {
  await signalRecall(member.wallet, { mandates: idaSeat.mandates, mandateId: idaSeat.mandateId });
}
const afterIda = await readSeats(publicClient, { council, registry });
const birchSeat = afterIda.seats.find((s) => s.circle === birch)!;
say(
  `Four of Birch Lane's six recall Ida: in that same block Birch Lane's seat is vacant ` +
    `(filled: ${birchSeat.filled}), and new council proposals count ${afterIda.seats.filter((s) => s.counts).length} filled seat(s). ` +
    `The circle keeps its seat: the delegate takes nothing with them.`,
);

// --- Mutual credit: a currency created by trading ----------------------------------------------------------------
const elmHours = await prepareCreateCurrency(publicClient, {
  factory,
  circle,
  name: "Elm hours",
  symbol: "HRS",
  decimals: 0,
  defaultCredit: 100n,
  defaultSaturation: 200n,
});
await decide(circle, dee, elmVoters, { calls: elmHours.calls, description: "Create Elm hours, our own currency" });
const hours = elmHours.currency;
const hrs = (amount: bigint) => formatAmount(amount, elmHours);
const balanceIn = async (currency: Address, account: Address) =>
  (await readCreditAccount(publicClient, { currency, account })).signedBalance;
say(
  `Elm Street Garden creates "${elmHours.name}" by decision: no one mints; members may go ${hrs(elmHours.defaultCredit)} below zero, ` +
    `${hrs(elmHours.defaultSaturation)} above.`,
);
await payInCredit(ana.wallet, { currency: hours, to: fay.address, amount: 12n, memo: "fixed the tap" });
await payInCredit(fay.wallet, { currency: hours, to: gus.address, amount: 5n });
await payInCredit(cai.wallet, { currency: hours, to: ana.address, amount: 30n });
const balances = [];
for (const p of [ana, cai, fay, gus]) balances.push(`${p.name} ${hrs(await balanceIn(hours, p.address))}`);
say(
  `Ana pays Fay 12 for fixing the tap (with a memo), Fay pays Gus 5, Cai pays Ana 30: ${balances.join(", ")}; ` +
    `outstanding credit ${hrs((await readCurrency(publicClient, { currency: hours })).outstanding)}.`,
);
const tooFar = await refusal(() => payInCredit(cai.wallet, { currency: hours, to: gus.address, amount: 80n }));
say(`Cai tries to pay Gus 80 more: refused. ${tooFar}`);
await leaveCircle(fay.wallet, { circle, registry });
const fayLedger = await readCreditBetween(publicClient, { currency: hours, account: ana.address, other: fay.address });
say(
  `Fay leaves the circle: her balance moves to the commons (commons ${hrs(await balanceIn(hours, circle))}), ` +
    `the ledger keeps that Ana gave her ${hrs(fayLedger.givenTo)}, and the balances still sum to zero.`,
);

// A payment across two circles, through their commons, on a clearing line both opened in the watershed council.
const birchHours = await prepareCreateCurrency(publicClient, {
  factory,
  circle: birch,
  name: "Birch hours",
  symbol: "BRH",
  decimals: 0,
  defaultCredit: 100n,
  defaultSaturation: 200n,
});
await decide(birch, hal, birchVoters, { calls: birchHours.calls, description: "Create Birch hours, our own currency" });
const brh = (amount: bigint) => formatAmount(amount, birchHours);
const eachWay = { creditLimit: 50n, saturationLimit: 50n };
const birchLine = await prepareOpenClearingLine(publicClient, {
  currency: birchHours.currency,
  other: hours,
  council,
  limits: eachWay,
});
await decide(birch, hal, birchVoters, { calls: birchLine.calls, description: "Open a clearing line with Elm" });
const elmLine = await prepareOpenClearingLine(publicClient, {
  currency: hours,
  other: birchHours.currency,
  council,
  limits: eachWay,
});
await decide(circle, ana, elmVoters, { calls: elmLine.calls, description: "Open a clearing line with Birch Lane" });
await payAcross(gus.wallet, { currency: hours, otherCurrency: birchHours.currency, to: ida.address, amount: 8n });
say(
  `Birch Lane creates Birch hours, and both circles open a clearing line (limit ${hrs(eachWay.creditLimit)} each way). ` +
    `Gus pays Ida of Birch Lane 8 in one transaction: Elm hours go from Gus to Birch's commons (${hrs(await balanceIn(hours, birch))}), ` +
    `Birch hours from Birch's commons (${brh(await balanceIn(birchHours.currency, birch))}) to Ida (${brh(await balanceIn(birchHours.currency, ida.address))}).`,
);
const leave = await prepareLeaveCouncil(publicClient, {
  circle: birch,
  council,
  registry,
  description: "Leave the watershed council",
});
await decide(birch, max, birchVoters, leave);
say(
  `Birch Lane then leaves the council by its own decision, at once, with no penalty: ` +
    `${(await readSeats(publicClient, { council, registry })).seats.length} seat left.`,
);
const lineClosed = await refusal(() =>
  payAcross(gus.wallet, { currency: hours, otherCurrency: birchHours.currency, to: ida.address, amount: 1n }),
);
say(`New payments on the line are refused now ("${lineClosed}"); its balances stay readable for settlement.`);

// --- Basic income: a personal currency for every person ---------------------------------------------------------
const { invitationCost } = await readIncomeHub(publicClient, { hub });
// Ana has earned 1 token an hour since she registered at deployment; five more days, and she claims it.
await time.increase(5 * DAY);
const claim = await claimIncome(ana.wallet, { hub });
await sendIncome(ana.wallet, { hub, to: circle, amount: parseUnits("100", INCOME_UNITS.decimals) });
const vouch = await prepareVouch(publicClient, { hub, circle, people: [gus.address], payers: [ana.address] });
await decide(circle, ana, elmVoters, { calls: vouch.calls, description: "Vouch for Gus in the income hub" });
await acceptVouch(gus.wallet, { hub, circle });
say(
  `Ana, registered in the income hub during its bootstrap, claims what she has earned since (${tokens(claim.balance)} ` +
    `Ana-tokens: 1 an hour, less 7%-a-year demurrage) and gives Elm Street Garden 100 of them (they decay a little while it votes). The circle registers ` +
    `and, by one decision, vouches for Gus, burning ${tokens(invitationCost)} of them: an identity through a circle costs what an invitation ` +
    `costs. Gus accepts the offer himself (no one is registered without their own transaction) and now earns 1 ` +
    `token an hour of his own currency (the circle's admission vote is the sybil defence).`,
);
await invitePerson(ana.wallet, { hub, invitee: hal.address });
const halJoins = await registerPerson(hal.wallet, { hub, inviter: ana.address });
const anaAfter = await readIncomeAccount(publicClient, { hub, account: ana.address });
say(
  `Ana invites Hal of Birch Lane: she trusts him first, he registers naming her; her invitation burns ${tokens(invitationCost)} of her ` +
    `tokens (${tokens(anaAfter.balance)} left) and Hal starts with a welcome bonus of ${tokens(halJoins.welcomeBonus)} Hal-tokens.`,
);
await setTrust(gus.wallet, { hub, trustee: ana.address, duration: 365 * DAY });
const paid = await payAlongTrust(hal.wallet, { hub, to: gus.address, amount: parseUnits("20", INCOME_UNITS.decimals) });
const gusHolds = await readIncomeAccount(publicClient, { hub, account: gus.address, all: true });
const anaTokens = gusHolds.others?.find((o) => o.tokenOf === ana.address)?.balance ?? 0n;
say(
  `Gus does not know Hal, but trusts Ana, who trusts Hal. Hal pays Gus ${tokens(paid.amount)} along that chain in one transaction ` +
    `(the pathfinder found ${paid.transfers} transfers over ${paid.hops} hops): Ana swaps 20 Hal-tokens for 20 of ` +
    `her own and ends with as much as before; Gus receives ${tokens(anaTokens)} Ana-tokens.`,
);

// --- Hard reset --------------------------------------------------------------------------------------------------
const shed: Proposal = {
  calls: [{ target: circle, value: 0n, data: "0x" } satisfies ProposalCall],
  description: "Give Ben the keys to the tool shed for a year",
};
const pendingShed = await propose(ben.wallet, { circle, ...shed });
say(`Ben proposes: "${shed.description}". State: ${await state(circle, pendingShed.proposalId)}.`);
for (const member of [cai, eli, gus]) {
  const signal = await signalReset(member.wallet, { circle, registry });
  if (signal.reset) {
    say(
      `${signal.triggeredBy.map(nameOf).join(", ")} signal a hard reset within the window: HardReset (epoch ${signal.epoch}), ` +
        `ending ${signal.endedMandates.length} live mandate(s) in the same transaction.`,
    );
  }
}
const afterReset = await readCircle(publicClient, { circle });
const elmSeat = (await readSeats(publicClient, { council, registry })).seats.find((s) => s.circle === circle)!;
say(
  `Ben's proposal is now ${await state(circle, pendingShed.proposalId)}, and every role is dissolved (live mandates: ` +
    `${afterReset.liveMandates.length}, so Elm's council seat is vacant until it names a new delegate: ` +
    `${!elmSeat.filled}); the circle starts afresh, its members unchanged.`,
);

// --- Rituals that spread: the template hears back, and a child template is verified --------------------------------
const elmReport = await prepareReportTemplateResult(publicClient, {
  circle,
  registry,
  templateId: template.templateId,
  reportHash: charterHash("A year on the affinity template: weekly decisions held, two mandates rotated, one recall."),
  uri: "ipfs://elm-street-garden/report-year-one",
});
await decide(circle, cai, elmVoters, elmReport);
const elmRules = await preparePublishCircleRules(publicClient, {
  circle,
  registry,
  name: "Elm Street rules",
  parentId: template.templateId,
});
await decide(circle, eli, elmVoters, elmRules);
const lineage = await readTemplate(publicClient, { registry, templateId: template.templateId });
say(
  `Elm Street Garden reports back to the "${template.name}" template by decision (${lineage.reports} report, ` +
    `${lineage.adopters} adopter), and publishes its own rules as "Elm Street rules" with "${template.name}" as its ` +
    `parent, verified because Elm was founded from it (${lineage.children} child template).`,
);

// --- Rituals of rotation: a pair-link audit and a mentorship inversion -----------------------------------------------
// Anyone may start the audit period's draw: two auditors by lot, from those eligible (not cooled down, not the
// facilitator, not holding their live-mandate limit); their mandates carry no powers.
const auditRequest = await requestAuditorDraw(fay.wallet, { mandates });
if (auditRequest.outcome !== "requested") throw new Error("Fewer than two members could audit: the audit was skipped.");
await time.mine(5);
const { audit } = await completeAuditorDraw(fay.wallet, { mandates, auditId: auditRequest.auditId });
const elmPeople = [ana, ben, cai, dee, eli, fay, gus];
const auditors = audit.auditors.map((a) => elmPeople.find((p) => p.address === getAddress(a.address))!);
const links = await readPairLinks(publicClient, { circle, registry, creditFactory: factory });
const closest = links.agreement.find((pair) => pair.shared >= 3);
say(
  `Fay starts the circle's first pair-link audit: ${auditors.map((p) => p.name).join(" and ")} are drawn by lot as ` +
    `auditors until ${day(audit.endsAt)}. They read the pair-link map from the chain: ` +
    (closest
      ? `${nameOf(closest.a)} and ${nameOf(closest.b)} voted alike on ${closest.agreed} of the ${closest.shared} proposals they both voted on`
      : "no two members voted together often") +
    `, ${links.proposesFor.length} proposer-to-holder link(s), ${links.pays.length} paying pair(s).`,
);
for (const auditor of auditors) {
  await publishAudit(auditor.wallet, {
    mandates,
    auditId: audit.auditId,
    contentHash: charterHash(`Pair links of Elm Street Garden, audit ${audit.auditId}, as ${auditor.name} read them.`),
    uri: `ipfs://elm-street-garden/audit-${audit.auditId}-${auditor.name.toLowerCase()}`,
  });
}
await time.increase(2 * DAY);
const { timestamp: sessionTime } = await publicClient.getBlock();
await recordListeningSession(auditors[0]!.wallet, { mandates, auditId: audit.auditId, heldAt: Number(sessionTime) });
say(
  `Each auditor publishes their own report (a hash and a URI), which completes their mandate; two days later ` +
    `${auditors[0]!.name} records that the circle held the listening session.`,
);

const before = await readMentorship(publicClient, { circle, registry });
if (!before.canRequest && before.nextDueAt !== null) await time.increaseTo(before.nextDueAt);
const inversion = await requestInversion(gus.wallet, { circle, registry });
await time.mine(5);
const inverted = await completeInversion(gus.wallet, { circle, registry });
say(
  `The mentorship inversion is due (every two weeks here): Gus, the newest member, starts inversion ` +
    `${inversion.number}, and with the randomness out the newest mentor the most senior, founders' ties broken by lot: ` +
    `${inverted.pairs.map((pair) => `${nameOf(pair.mentor)} mentors ${nameOf(pair.mentee)}`).join(", ")}` +
    (inverted.unpaired ? `; ${nameOf(inverted.unpaired)}, in the middle of an odd count, is unpaired.` : "."),
);

console.log("\nEvery step above is an event on the chain: the circle's public ledger.");
