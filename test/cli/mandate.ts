import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, parseEther, parseUnits, type Address } from "viem";

import { NotABodyError, describeError } from "../../client/errors.js";
import { normaliseRoleName } from "../../client/mandates.js";
import { CliError, connection } from "../../tasks/cli.js";
import actTask, { actThroughMandate, type ActArgs } from "../../tasks/mandate/act.js";
import { completeMandate } from "../../tasks/mandate/complete.js";
import type { ProposalMade } from "../../tasks/circle/shared.js";
import { drawMandate } from "../../tasks/mandate/draw.js";
import { proposeGrant, type GrantArgs } from "../../tasks/mandate/grant.js";
import { listMandates } from "../../tasks/mandate/list.js";
import recall, { recallMandate } from "../../tasks/mandate/recall.js";
import { circleFixtures, mandateSpec, roleId, Vote, type CircleWorld } from "../fixtures/circles.js";
import { failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { time, loadFixture } = networkHelpers;
const { circleWorld, decide, grantByDecision } = circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);

const DAY = 86_400;
const TRANSFER = "0xa9059cbb";
/** The mock token's units: 18 decimals, as most ERC-20s. */
const MCT = (amount: string) => parseUnits(amount, 18);
const EndReason = { Completed: 2, HandedBack: 3, Recalled: 4 } as const;

/** The fixture's circle, and the addresses the tasks are given. */
async function world() {
  const w = await circleWorld();
  const [ana, ben, cai, dan, eve, fay] = w.founders.map((f) => getAddress(f.address)) as Address[];
  return {
    ...w,
    registryAddress: getAddress(await w.registry.getAddress()),
    circleAddress: getAddress(await w.circle.getAddress()),
    tokenAddress: getAddress(await w.token.getAddress()),
    ana: ana!,
    ben: ben!,
    cai: cai!,
    dan: dan!,
    eve: eve!,
    fay: fay!,
    outsider: getAddress(w.outsiders[0]!.address),
  };
}

/**
 * Ben holds mandate 1, "treasurer", allowed to have the circle transfer up to 10,000 MCT a call (granted on Ana's
 * proposal); the circle holds 1,000 MCT.
 */
async function treasurerWorld() {
  const w = await world();
  await (await w.token.mint(w.circleAddress, MCT("1000") - (await w.token.balanceOf(w.circleAddress)))).wait();
  await grantByDecision(
    w,
    mandateSpec("treasurer", 10 * DAY, [{ target: w.tokenAddress, selector: TRANSFER, maxAmount: MCT("10000") }]),
    w.ben,
  );
  return w;
}

/** Ben holds mandate 1, "keeper", allowed to have the circle set values of the mock randomness (not an ERC-20). */
async function keeperWorld() {
  const w = await world();
  const randomness = getAddress(await w.randomness.getAddress());
  const selector = w.randomness.interface.getFunction("setValue").selector;
  await grantByDecision(w, mandateSpec("keeper", 10 * DAY, [{ target: randomness, selector }]), w.ben);
  return { ...w, randomnessAddress: randomness };
}

/** The circle draws by lot with the default randomness (RANDAO, proved by the target block's header). */
async function randaoWorld() {
  const w = await world();
  const source = await ethers.deployContract("PrevrandaoRandomness");
  const data = w.mandates.interface.encodeFunctionData("setRandomnessSource", [await source.getAddress()]);
  await (await decide(w, [{ target: w.mandates.target as string, data }], "Use RANDAO")).wait();
  return w;
}

/** Votes a proposal the task made through (Ana and the next three founders for), and executes it. */
async function passAndExecute(w: CircleWorld, d: ProposalMade) {
  await time.increase(Number(await w.circle.votingDelay()) + 1);
  for (const voter of w.founders.slice(0, 4))
    await (await w.circle.connect(voter).castVote(d.proposalId, Vote.For)).wait();
  await time.increaseTo((await w.circle.proposalDeadline(d.proposalId)) + 1n);
  return (await w.circle.execute(d.targets, d.values, d.calldatas, d.descriptionHash)).wait();
}

const nonceOf = (address: Address) => publicClient.getTransactionCount({ address });

/** A checksummed address with one letter's case flipped: mixed case whose EIP-55 checksum is wrong (a typo). */
function wrongChecksum(address: Address): string {
  const at = address.slice(2).search(/[a-fA-F]/) + 2;
  const c = address[at]!;
  return address.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + address.slice(at + 1);
}

/** Ben's act in the treasurer world: the circle transfers `amount` (in MCT) of its token to Cai. */
function transfer(w: Awaited<ReturnType<typeof world>>, amount: string, json = false): ActArgs {
  return {
    circle: w.circleAddress,
    id: "1",
    target: w.tokenAddress,
    call: "transfer(address,uint256)",
    args: JSON.stringify([w.cai, amount]),
    from: w.ben,
    registry: w.registryAddress,
    json,
  };
}

describe("mandate tasks (the CLI, in-process)", function () {
  describe("mandate grant", function () {
    it("proposes the grant as a decision that, once passed and executed, gives the holder the mandate", async function () {
      const w = await loadFixture(world);
      const d = await proposeGrant(cli(), {
        circle: w.circleAddress,
        holder: w.ben,
        role: "treasurer",
        term: "10d",
        powers: `${w.tokenAddress}:transfer(address,uint256):amount=500:value=0`,
        from: w.ana,
        registry: w.registryAddress,
        json: false,
      });
      expect(d.proposer).to.equal(w.ana);
      expect(await w.circle.state(d.proposalId)).to.equal(0n); // pending
      expect(d.proposalId).to.equal(await w.circle.hashProposal(d.targets, d.values, d.calldatas, d.descriptionHash));
      expect(d.votingOpensAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      await passAndExecute(w, d);
      const [holder, id] = await w.mandates.holderOf(roleId("treasurer"));
      expect(holder).to.equal(w.ben);
      // The cap is read in the token's units: 500 MCT.
      expect(await w.mandates.powers(id)).to.deep.equal([[w.tokenAddress, TRANSFER, 0n, MCT("500")]]);
      expect(d.powers[0]!.amountUnits).to.deep.equal({ token: w.tokenAddress, decimals: 18, symbol: "MCT" });
      const m = await w.mandates.mandate(id);
      expect(m.expiresAt - m.grantedAt).to.equal(BigInt(10 * DAY));
      expect(m.proposer).to.equal(w.ana);
    });

    it("reads --term as a duration, a value cap in ether, and an amount cap raw where the target has no decimals()", async function () {
      const w = await loadFixture(world);
      const randomness = getAddress(await w.randomness.getAddress());
      const d = await proposeGrant(cli(), {
        circle: w.circleAddress,
        holder: w.ben,
        role: "keeper",
        term: "1d12h",
        powers: `${w.tokenAddress}:0x00000000:value=0.5,${randomness}:setValue(uint256,uint256):amount=5`,
        from: w.ana,
        registry: w.registryAddress,
        json: false,
      });
      expect(d.spec.duration).to.equal(36 * 3600);
      expect(d.powers.map((p) => p.amountUnits)).to.deep.equal([undefined, undefined]);
      await passAndExecute(w, d);
      const [, id] = await w.mandates.holderOf(roleId("keeper"));
      expect(await w.mandates.powers(id)).to.deep.equal([
        [w.tokenAddress, "0x00000000", parseEther("0.5"), 0n],
        [randomness, w.randomness.interface.getFunction("setValue").selector, 0n, 5n],
      ]);
      const m = await w.mandates.mandate(id);
      expect(m.expiresAt - m.grantedAt).to.equal(36n * 3600n);
    });

    it("names the same role however an address in it is cased: a checksummed council address makes the council's delegate role", async function () {
      const w = await loadFixture(world);
      const council = getAddress(w.outsider.toLowerCase());
      expect(council).to.not.equal(council.toLowerCase()); // the test needs letters in the address
      const d = await proposeGrant(cli(), {
        circle: w.circleAddress,
        holder: w.ben,
        role: `delegate to council ${council}`,
        term: "10d",
        from: w.ana,
        registry: w.registryAddress,
        json: false,
      });
      await passAndExecute(w, d);
      const [holder] = await w.mandates.holderOf(roleId(`delegate to council ${council.toLowerCase()}`));
      expect(holder).to.equal(w.ben);
      expect(normaliseRoleName(`delegate to council ${council} and ${w.ana}`)).to.equal(
        `delegate to council ${council.toLowerCase()} and ${w.ana.toLowerCase()}`,
      );
    });

    it("refuses bad input, an ineligible holder and a malformed mandate before sending anything, in sentences", async function () {
      const w = await loadFixture(world);
      const base: GrantArgs = {
        circle: w.circleAddress,
        holder: w.ben,
        role: "treasurer",
        term: "10d",
        from: w.ana,
        registry: w.registryAddress,
        json: false,
      };
      const before = [await nonceOf(w.ana), await nonceOf(w.outsider)];
      const cases: [Partial<GrantArgs>, string | RegExp][] = [
        [{ holder: "0x1234" }, /--holder "0x1234" is not an address/],
        [{ circle: "circle" }, /--circle "circle" is not an address/],
        [{ circle: w.tokenAddress }, /is not a circle or council of the registry/],
        [{ term: "ten" }, /--term "ten" is not a duration: write a duration as whole numbers with units/],
        [{ term: "0" }, /--term "0" is no time at all/],
        [{ term: undefined }, /--term is required/],
        [{ term: "30" }, /--term "30" is not a duration: write a duration as whole numbers with units/],
        [{ role: "" }, /--role is required/],
        [{ powers: "0xabc:transfer(address,uint256)" }, /--powers "0xabc" is not an address/],
        [{ powers: `${w.tokenAddress}:transfer` }, /is not a function/],
        [{ powers: w.tokenAddress }, /is not a target:function pair/],
        [{ powers: `${w.tokenAddress}:transfer(address,uint256)` }, /moves tokens: give the most one call may move/],
        [{ powers: `${w.tokenAddress}:transfer(address,uint256):amount=-1` }, /"amount=-1" .* is not a cap/],
        [
          { powers: `${w.tokenAddress}:transfer(address,uint256):amount=0.0000000000000000001` },
          /"0.0000000000000000001" is not an amount of MCT: write digits with at most 18 decimals/,
        ],
        [{ holder: w.ana }, `${describeError("MandateProposerCannotHold", [w.ana])} Ask another member to propose it.`],
        [
          { holder: w.outsider },
          `This decision would fail if it were executed now: ${describeError("MandateNotMember", [w.outsider])}`,
        ],
        [{ term: "31d" }, /would fail .*A mandate must run for 1 to 2592000 seconds .* asked for 2678400\./],
        [{ powers: `${w.circleAddress}:0x00000000` }, /would fail .*can never be given power over/],
        [{ from: w.outsider }, describeError("GovernorInsufficientProposerVotes", [w.outsider])],
      ];
      for (const [override, message] of cases) {
        const { sentence } = await failure(proposeGrant(cli(), { ...base, ...override }));
        if (typeof message === "string") expect(sentence, message).to.equal(message);
        else expect(sentence, String(message)).to.match(message);
      }
      expect([await nonceOf(w.ana), await nonceOf(w.outsider)]).to.deep.equal(before);
      // The same proposal twice is refused before sending, too.
      const first = await proposeGrant(cli(), { ...base, description: "Ben keeps the books" });
      const { sentence } = await failure(proposeGrant(cli(), { ...base, description: "Ben keeps the books" }));
      expect(sentence).to.contain(`Proposal ${first.proposalId} makes the same calls`);
      expect(await nonceOf(w.ana)).to.equal(before[0]! + 1);
    });
  });

  describe("mandate act", function () {
    it("has the circle perform the call the mandate allows", async function () {
      const w = await loadFixture(treasurerWorld);
      const r = await actThroughMandate(cli(), transfer(w, "10"));
      expect(r.selector).to.equal(TRANSFER);
      // "10" is the transfer's amount on an ERC-20: read in the token's units, 10 MCT.
      expect(r.numbers).to.deep.equal([
        { argument: 1, given: "10", value: MCT("10"), units: { token: w.tokenAddress, decimals: 18, symbol: "MCT" } },
      ]);
      expect(await w.token.balanceOf(w.cai)).to.equal(MCT("10"));
      expect(await w.token.balanceOf(w.circleAddress)).to.equal(MCT("990"));
    });

    it("says the amount was read in the token's units, and takes fractions of a token", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = transfer(w, "2.5");
      const out = await printed(() => actTask(args, hreOf(net)));
      expect(out.exitCode, out.stderr).to.equal(0);
      expect(out.stdout).to.match(
        new RegExp(`call transfer\\(address,uint256\\) on ${w.tokenAddress}, in transaction 0x[0-9a-f]{64}\\.`),
      );
      expect(out.stdout).to.contain(
        "Arguments: amount 2.5 read in units of MCT (18 decimals), 2500000000000000000 raw.",
      );
      expect(await w.token.balanceOf(w.cai)).to.equal(MCT("2.5"));
    });

    it("reads whole numbers raw when the target is not an ERC-20, and says so", async function () {
      const w = await loadFixture(keeperWorld);
      const args: ActArgs = {
        circle: w.circleAddress,
        id: "1",
        target: w.randomnessAddress,
        call: "setValue(uint256,uint256)",
        args: JSON.stringify(["7", 42]),
        from: w.ben,
        registry: w.registryAddress,
        json: false,
      };
      const r = await actThroughMandate(cli(), args);
      expect(r.numbers).to.deep.equal([
        { argument: 0, given: "7", value: 7n },
        { argument: 1, given: "42", value: 42n },
      ]);
      expect(await w.randomness.values(7n)).to.equal(42n);
      const out = await printed(() => actTask({ ...args, args: JSON.stringify(["8", "43"]) }, hreOf(net)));
      expect(out.stdout).to.contain(
        "Arguments: 8 read as a raw integer; 43 read as a raw integer (only the amount of a token function on an ERC-20 with decimals() is read in units).",
      );
      expect(await w.randomness.values(8n)).to.equal(43n);
      // A fraction is not a raw integer.
      const { sentence } = await failure(actThroughMandate(cli(), { ...args, args: JSON.stringify(["7", "1.5"]) }));
      expect(sentence).to.equal(`The call's argument 2 should be a whole number (uint256): "1.5".`);
    });

    it("writes a refused amount in the token's units, and keeps the raw custom error for --json", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = transfer(w, "20000", true);
      const out = await printed(() => actTask(args, hreOf(net)));
      expect(out.exitCode).to.equal(1);
      expect(JSON.parse(out.stdout)).to.deep.equal({
        error:
          "Mandate 1 lets one call move or approve at most 10000 MCT; this call asks for 20000 MCT. A larger amount takes a decision of the circle.",
        errorName: "MandateAmountOverCap",
        args: ["1", MCT("10000").toString(), MCT("20000").toString()],
      });
      expect(await w.token.balanceOf(w.circleAddress)).to.equal(MCT("1000"));
    });

    it("refuses anyone but the holder, calls the mandate does not allow and malformed calls, sending nothing", async function () {
      const w = await loadFixture(treasurerWorld);
      const base: ActArgs = transfer(w, "10");
      const before = [await nonceOf(w.ben), await nonceOf(w.cai)];
      const cases: [Partial<ActArgs>, string | RegExp][] = [
        [{ from: w.cai }, describeError("MandateNotHolder", [1n, w.cai])],
        [
          { call: "approve(address,uint256)" },
          describeError("MandatePowerNotGranted", [1n, w.tokenAddress, "0x095ea7b3"]),
        ],
        [{ id: "2" }, describeError("MandateNotFound", [2n])],
        // The token's own refusal, bubbled up through the circle, decodes too.
        // Amounts in refusals are written in the token's units.
        [{ args: JSON.stringify([w.cai, "5000"]) }, `${w.circleAddress} holds 1000 MCT, not the 5000 MCT needed.`],
        [
          { args: JSON.stringify([w.cai, "20000"]) },
          describeError("MandateAmountOverCap", [1n, "10000 MCT", "20000 MCT"]),
        ],
        [{ args: JSON.stringify([w.cai, "0.0000000000000000001"]) }, /is not an amount of MCT/],
        [{ id: "one" }, /--id "one" is not an id/],
        [{ target: "0xnope" }, /--target "0xnope" is not an address/],
        [{ args: JSON.stringify(["0x12", "10"]) }, /argument 1 should be an address/],
        [{ args: JSON.stringify([wrongChecksum(w.cai), "10"]) }, /argument 1 0x\w+ has a wrong checksum/],
        [{ args: JSON.stringify([w.cai]) }, /transfer takes 2 argument\(s\)/],
        [{ args: "[oops" }, /--args is not JSON/],
        [{ call: "transfer(" }, /is not a function signature/],
        [{ call: undefined, data: "0x123" }, /--data "0x123" is not calldata/],
      ];
      for (const [override, message] of cases) {
        const { sentence } = await failure(actThroughMandate(cli(), { ...base, ...override }));
        if (typeof message === "string") expect(sentence, message).to.equal(message);
        else expect(sentence, String(message)).to.match(message);
      }
      expect([await nonceOf(w.ben), await nonceOf(w.cai)]).to.deep.equal(before);
      expect(await w.token.balanceOf(w.circleAddress)).to.equal(MCT("1000"));
    });
  });

  describe("mandate complete", function () {
    it("ends the mandate as completed, or handed back", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = { circle: w.circleAddress, id: "1", from: w.ben, registry: w.registryAddress, json: false };
      const r = await completeMandate(cli(), { ...args, handBack: false });
      expect(r).to.include({ role: "treasurer", holder: w.ben, ended: "completed", mandateId: 1n });
      expect((await w.mandates.mandate(1n)).endReason).to.equal(BigInt(EndReason.Completed));
      const { sentence } = await failure(completeMandate(cli(), { ...args, handBack: false }));
      expect(sentence).to.match(/^Mandate 1 completed on .* UTC; it can never act again\.$/);

      const again = await loadFixture(treasurerWorld);
      await completeMandate(cli(), { ...args, circle: again.circleAddress, handBack: true });
      expect((await again.mandates.mandate(1n)).endReason).to.equal(BigInt(EndReason.HandedBack));
    });

    it("refuses anyone but the holder, sending nothing", async function () {
      const w = await loadFixture(treasurerWorld);
      const nonce = await nonceOf(w.cai);
      const { error, sentence } = await failure(
        completeMandate(cli(), {
          circle: w.circleAddress,
          id: "1",
          handBack: false,
          from: w.cai,
          registry: w.registryAddress,
          json: false,
        }),
      );
      expect(error).not.to.be.instanceOf(CliError);
      expect(sentence).to.equal(describeError("MandateNotHolder", [1n, w.cai]));
      expect(await nonceOf(w.cai)).to.equal(nonce);
      expect(await w.mandates.isLive(1n)).to.equal(true);
    });
  });

  describe("mandate recall", function () {
    it("records signals signed off-chain and on-chain, and the majority's signal ends the mandate", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = { circle: w.circleAddress, id: "1", registry: w.registryAddress, json: false };
      // Ana and Cai sign off-chain: nothing is sent.
      const nonces = [await nonceOf(w.ana), await nonceOf(w.cai)];
      // Each writes their signal to the same file with --out, which collects them.
      const file = join(mkdtempSync(join(tmpdir(), "commonweal-recall-")), "signals.json");
      for (const member of [w.ana, w.cai]) {
        const r = await recallMandate(cli(), { ...args, sign: true, out: file, from: member });
        if (r.action !== "signed") expect.fail("expected a signature");
        expect(r.signed).to.include({ member, mandateId: "1", chainId: 31337 });
      }
      expect(JSON.parse(readFileSync(file, "utf8")).map((e: { member: string }) => e.member)).to.deep.equal([
        w.ana,
        w.cai,
      ]);
      expect([await nonceOf(w.ana), await nonceOf(w.cai)]).to.deep.equal(nonces);
      // Dan submits both; Eve signals herself.
      const batch = await recallMandate(cli(), { ...args, sign: false, signatures: file, from: w.dan });
      expect(batch).to.include({ action: "signalled", signals: 2n, needed: 4n, recalled: false });
      // A signature counts once: its nonce is used.
      const { sentence } = await failure(recallMandate(cli(), { ...args, sign: false, signatures: file, from: w.dan }));
      expect(sentence).to.equal(describeError("MandateInvalidSignature", [w.ana]));
      expect(await recallMandate(cli(), { ...args, sign: false, from: w.eve })).to.include({
        signals: 3n,
        recalled: false,
      });
      expect(await w.mandates.isLive(1n)).to.equal(true);
      const last = await recallMandate(cli(), { ...args, sign: false, from: w.fay });
      expect(last).to.include({ signals: 4n, needed: 4n, recalled: true });
      expect((await w.mandates.mandate(1n)).endReason).to.equal(BigInt(EndReason.Recalled));
    });

    it("refuses an outsider's signal, a second signal and a malformed file, sending nothing", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = { circle: w.circleAddress, id: "1", registry: w.registryAddress, json: false };
      await recallMandate(cli(), { ...args, sign: false, from: w.ana });
      const nonces = [await nonceOf(w.ana), await nonceOf(w.outsider)];
      const bad = join(mkdtempSync(join(tmpdir(), "commonweal-recall-")), "bad.json");
      writeFileSync(bad, JSON.stringify([{ member: "0x12", signature: "0x00" }]));
      const cases: [Parameters<typeof recallMandate>[1], string | RegExp][] = [
        [{ ...args, sign: false, from: w.ana }, describeError("MandateAlreadySignalledRecall", [1n, w.ana])],
        [{ ...args, sign: true, from: w.outsider }, describeError("MandateNotMember", [w.outsider])],
        [{ ...args, sign: false, signatures: bad, from: w.ana }, /entry 1 has no "member" address/],
        [
          { ...args, sign: false, out: bad, from: w.ana },
          "--out goes with --sign: it is where the signature is written.",
        ],
        [
          { ...args, sign: false, signatures: join(tmpdir(), "no-such-file.json"), from: w.ana },
          /cannot be read as JSON/,
        ],
        [{ ...args, sign: true, signatures: bad, from: w.ana }, /either --sign or --signatures/],
        [{ ...args, circle: w.outsider, sign: false, from: w.ana }, /is not a circle or council/],
      ];
      for (const [input, message] of cases) {
        const { sentence } = await failure(recallMandate(cli(), input));
        if (typeof message === "string") expect(sentence, message).to.equal(message);
        else expect(sentence, String(message)).to.match(message);
      }
      expect([await nonceOf(w.ana), await nonceOf(w.outsider)]).to.deep.equal(nonces);
      expect((await w.mandates.recallSignals(1n))[0]).to.equal(1n);
    });
  });

  describe("mandate recall --json", function () {
    it("--sign --json prints exactly what --signatures reads, and a signal for another mandate is refused", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = { circle: w.circleAddress, id: "1", registry: w.registryAddress, json: true };
      const dir = mkdtempSync(join(tmpdir(), "commonweal-recall-"));
      // What a reader would do: `mandate recall --sign --json > ana.json`, then hand the file over.
      const signed = await printed(() => recall({ ...args, sign: true, from: w.ana }, hreOf(net)));
      expect(signed.exitCode).to.equal(0);
      const entry = JSON.parse(signed.stdout);
      expect(Object.keys(entry).sort()).to.deep.equal([
        "chainId",
        "mandateId",
        "mandates",
        "member",
        "nonce",
        "signature",
      ]);
      expect(entry).to.include({ member: w.ana, mandateId: "1", chainId: 31337 });
      const one = join(dir, "ana.json");
      writeFileSync(one, signed.stdout);
      // Cai writes his with --out; the two files are submitted one after the other by Dan.
      const two = join(dir, "cai.json");
      const out = await printed(() => recall({ ...args, json: false, sign: true, out: two, from: w.cai }, hreOf(net)));
      expect(out.stdout).to.match(new RegExp(`wrote it to ${two}, which now holds 1 signal`));
      const first = await printed(() => recall({ ...args, sign: false, signatures: one, from: w.dan }, hreOf(net)));
      expect(JSON.parse(first.stdout)).to.include({ action: "signalled", signals: "1", recalled: false });
      expect(JSON.parse(first.stdout).members).to.deep.equal([w.ana]);
      await recallMandate(cli(), { ...args, sign: false, signatures: two, from: w.dan });
      expect((await w.mandates.recallSignals(1n))[0]).to.equal(2n);
      // A signal signed for mandate 1 is not sent for mandate 2.
      const { sentence } = await failure(recallMandate(cli(), { ...args, id: "2", sign: false, signatures: one }));
      expect(sentence).to.equal(`The recall file's entry 1 (${w.ana}) is signed for mandate 1, not mandate 2.`);
    });

    it("prints a contract's refusal as JSON with its custom error, and bad input as JSON, exit code 1", async function () {
      const w = await loadFixture(treasurerWorld);
      const args = { circle: w.circleAddress, id: "1", registry: w.registryAddress, json: true };
      const refused = await printed(() => recall({ ...args, sign: true, from: w.outsider }, hreOf(net)));
      expect(refused).to.deep.include({ exitCode: 1, stderr: "" });
      expect(JSON.parse(refused.stdout)).to.deep.equal({
        error: describeError("MandateNotMember", [w.outsider]),
        errorName: "MandateNotMember",
        args: [w.outsider],
      });
      const bad = await printed(() => recall({ ...args, id: "first", sign: false, from: w.ana }, hreOf(net)));
      expect(bad).to.deep.include({ exitCode: 1, stderr: "" });
      const { sentence } = await failure(recallMandate(cli(), { ...args, id: "first", sign: false, from: w.ana }));
      expect(JSON.parse(bad.stdout)).to.deep.equal({ error: sentence });
      const wrongSum = wrongChecksum(w.ana);
      const badAddress = await printed(() => recall({ ...args, sign: false, from: wrongSum }, hreOf(net)));
      expect(badAddress.exitCode).to.equal(1);
      expect(JSON.parse(badAddress.stdout)).to.deep.equal({
        error: `--from ${wrongSum} has a wrong checksum (its mixed upper and lower case does not match EIP-55): check it for a mistyped character, or write it all in lower case.`,
      });
      expect((await w.mandates.recallSignals(1n))[0]).to.equal(0n);
    });
  });

  describe("mandate draw", function () {
    it("proposes a draw by decision, and completes it with the target block's header once its randomness is out", async function () {
      const w = await loadFixture(randaoWorld);
      const args = { circle: w.circleAddress, registry: w.registryAddress, facilitator: false, json: false };
      const d = await drawMandate(cli(), { ...args, role: "cook", term: "1d", from: w.ana });
      if (d.action !== "proposed") expect.fail("expected a proposal");
      expect(d.pool).to.have.length(5).and.not.include(w.ana);
      await passAndExecute(w, d);
      expect(await w.mandates.drawCount()).to.equal(1n);

      const listed = await listMandates(cli(), { circle: w.circleAddress, registry: w.registryAddress, json: false });
      expect(listed.pendingDraws.map((p) => p.id)).to.deep.equal([1n]);

      // Too early: the randomness source's refusal is a sentence, and nothing is sent.
      const nonce = await nonceOf(w.fay);
      const { sentence } = await failure(drawMandate(cli(), { ...args, complete: "1", from: w.fay }));
      expect(sentence).to.equal(describeError("RandomnessNotReady", [(await w.mandates.draw(1n)).ticket]));
      expect(await nonceOf(w.fay)).to.equal(nonce);

      await networkHelpers.mine(5);
      const done = await drawMandate(cli(), { ...args, complete: "1", from: w.fay });
      if (done.action !== "completed") expect.fail("expected a completed draw");
      expect(d.pool).to.include(done.holder);
      expect(await w.mandates.holderOf(roleId("cook"))).to.deep.equal([done.holder, done.mandateId]);
      expect((await w.mandates.mandate(done.mandateId)).drawn).to.equal(true);
    });

    it("requests the facilitator's draw, and refuses bad input and refused draws before sending", async function () {
      const w = await loadFixture(randaoWorld);
      const args = { circle: w.circleAddress, registry: w.registryAddress, facilitator: false, json: false };
      const r = await drawMandate(cli(), { ...args, facilitator: true, from: w.outsider });
      if (r.action !== "requested") expect.fail("expected a request");
      expect(r.role).to.equal("facilitator");
      expect(r.pool).to.have.length(6);
      expect((await w.mandates.draw(r.drawId)).ticket).to.equal(r.ticket);

      const nonce = await nonceOf(w.ana);
      const cases: [Parameters<typeof drawMandate>[1], string | RegExp][] = [
        [
          { ...args, facilitator: true, from: w.ana },
          describeError("MandateRoleDrawPending", [roleId("facilitator"), r.drawId]),
        ],
        [{ ...args, complete: "7", from: w.ana }, describeError("MandateDrawNotPending", [7n])],
        [{ ...args, rerequest: String(r.drawId), from: w.ana }, describeError("MandateDrawNotStale", [r.drawId])],
        [{ ...args, complete: "x", from: w.ana }, /--complete "x" is not an id/],
        [{ ...args, complete: "1", facilitator: true, from: w.ana }, /at most one of/],
        [{ ...args, role: "cook", term: "99d", from: w.ana }, /would fail .*A mandate must run for 1 to/],
      ];
      for (const [input, message] of cases) {
        const { sentence } = await failure(drawMandate(cli(), input));
        if (typeof message === "string") expect(sentence, message).to.equal(message);
        else expect(sentence, String(message)).to.match(message);
      }
      expect(await nonceOf(w.ana)).to.equal(nonce);
    });
  });

  describe("mandate list", function () {
    it("lists the live mandates with role, holder and expiry", async function () {
      const w = await loadFixture(treasurerWorld);
      const r = await listMandates(cli(), { circle: w.circleAddress, registry: w.registryAddress, json: false });
      const m = await w.mandates.mandate(1n);
      expect(r.mandates).to.have.length(1);
      expect(r.mandates[0]).to.deep.include({
        id: 1n,
        role: "treasurer",
        holder: w.ben,
        expiresAt: new Date(Number(m.expiresAt) * 1000).toISOString().replace(".000Z", "Z"),
        powers: [{ target: w.tokenAddress, selector: TRANSFER, maxValue: 0n, maxAmount: MCT("10000") }],
      });
      await completeMandate(cli(), {
        circle: w.circleAddress,
        id: "1",
        handBack: false,
        from: w.ben,
        registry: w.registryAddress,
        json: false,
      });
      expect(
        (await listMandates(cli(), { circle: w.circleAddress, registry: w.registryAddress, json: false })).mandates,
      ).to.deep.equal([]);
    });

    it("refuses an address that is not a circle", async function () {
      const w = await loadFixture(world);
      const { error, sentence } = await failure(
        listMandates(cli(), { circle: w.tokenAddress, registry: w.registryAddress, json: false }),
      );
      expect(error).to.be.instanceOf(NotABodyError);
      expect(sentence).to.equal(
        `${w.tokenAddress} is not a circle or council of the registry ${w.registryAddress} on chain 31337.`,
      );
    });
  });
});
