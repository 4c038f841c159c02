import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { describeError } from "../../client/errors.js";
import { connection } from "../../tasks/cli.js";
import invertTask, { invert } from "../../tasks/circle/invert.js";
import mentorshipTask, { mentorship } from "../../tasks/circle/mentorship.js";
import { TEST_MANDATE_RULES, circleFixtures } from "../fixtures/circles.js";
import { expectRefusals, failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { time, loadFixture } = networkHelpers;
const { circleWorld, decide, admitByDecision } = circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);

/**
 * Six founders and a newcomer (seven members), drawing lots with the default randomness (RANDAO, proved by the target
 * block's header, the proof draws use); Ana named "Ana" in a Profiles registry.
 */
async function world() {
  const w = await circleWorld();
  const source = await ethers.deployContract("PrevrandaoRandomness");
  const data = w.mandates.interface.encodeFunctionData("setRandomnessSource", [await source.getAddress()]);
  await (await decide(w, [{ target: w.mandates.target as string, data }], "Use RANDAO")).wait();
  await (await admitByDecision(w, w.outsiders[0]!)).wait();
  const profiles = await ethers.deployContract("Profiles");
  await (await profiles.connect(w.founders[0]!).setProfile("Ana", "")).wait();
  return {
    ...w,
    registryAddress: getAddress(await w.registry.getAddress()),
    circleAddress: getAddress(await w.circle.getAddress()),
    profilesAddress: getAddress(await profiles.getAddress()),
    newcomer: getAddress(w.outsiders[0]!.address),
    outsider: getAddress(w.outsiders[1]!.address) as Address,
  };
}

const nonceOf = (address: Address) => publicClient.getTransactionCount({ address });

describe("circle mentorship and circle invert", function () {
  it("requests when due, refuses to complete before the randomness is out, completes with the block header, then shows the pairs", async function () {
    const w = await loadFixture(world);
    const args = { circle: w.circleAddress, registry: w.registryAddress, json: false };
    const before = await mentorship(cli(), { ...args, profiles: w.profilesAddress });
    expect(before.number).to.equal(0n);
    expect(before.pairs).to.deep.equal([]);
    const firstDue = BigInt(await w.membership.foundedAt()) + BigInt(TEST_MANDATE_RULES.inversionPeriod);
    expect(before.nextDueAt).to.equal(firstDue);
    expect(before.canRequest).to.equal(false);

    // Not due: the contract's sentence, nothing sent.
    const nonce = await nonceOf(w.outsider);
    const { sentence } = await failure(invert(cli(), { ...args, from: w.outsider }));
    expect(sentence).to.equal(describeError("CircleRitualsInversionNotDue", [firstDue]));
    expect(await nonceOf(w.outsider)).to.equal(nonce);

    await time.increaseTo(firstDue);
    const requested = await invert(cli(), { ...args, from: w.outsider });
    expect(requested).to.include({ action: "requested", circle: w.circleAddress, number: 1n });
    const pending = await mentorship(cli(), args);
    expect(pending.pending).to.include({ number: 1n, ready: false, expired: false });

    const early = await failure(invert(cli(), { ...args, from: w.outsider }));
    if (requested.action !== "requested") expect.fail("expected a request");
    expect(early.sentence).to.equal(describeError("RandomnessNotReady", [requested.ticket]));

    await networkHelpers.mine(5);
    const done = await invert(cli(), { ...args, from: w.outsider });
    if (done.action !== "completed") expect.fail("expected a completion");
    expect(done.pairs).to.have.length(3);
    expect(done.pairs[0]!.mentor).to.equal(w.newcomer);
    expect(done.unpaired).to.not.equal(null);

    const shown = await mentorship(cli(), { ...args, profiles: w.profilesAddress });
    expect(shown.number).to.equal(1n);
    expect(shown.pairs.map((p) => ({ mentor: p.mentor.account, mentee: p.mentee.account }))).to.deep.equal(done.pairs);
    expect(shown.unpaired.map((u) => u.account)).to.deep.equal([done.unpaired]);
    expect(shown.pairs[0]!.mentor.admittedAt).to.equal(BigInt(await w.membership.admittedAt(w.newcomer)));
    expect(shown.names[getAddress(w.founders[0]!.address)]).to.equal("Ana");

    const out = await printed(() => mentorshipTask({ ...args, profiles: w.profilesAddress }, hreOf(net)));
    expect(out.exitCode).to.equal(0);
    expect(out.stdout).to.contain(`Mentorship of circle ${w.circleAddress}, from inversion 1`);
    expect(out.stdout).to.contain(`  ${w.newcomer} (admitted `);
    expect(out.stdout).to.contain(" → ");
    expect(out.stdout).to.contain("Ana (0x");
    expect(out.stdout).to.contain("unpaired until the next inversion: ");
    expect(out.stdout).to.match(/The next inversion \(every 30d\) is due on \d{4}-\d\d-\d\dT/);

    const json = await printed(() => mentorshipTask({ ...args, json: true }, hreOf(net)));
    const parsed = JSON.parse(json.stdout) as { number: string; pairs: { mentor: { account: string } }[] };
    expect(parsed.number).to.equal("1");
    expect(parsed.pairs[0]!.mentor.account).to.equal(w.newcomer);

    // Requested again before a period has passed: refused with the date it is due.
    const [, , , , dueAt] = await w.rituals.inversion();
    const again = await printed(() => invertTask({ ...args, from: w.outsider, json: true }, hreOf(net)));
    expect(again.exitCode).to.equal(1);
    expect(JSON.parse(again.stdout)).to.deep.equal({
      error: describeError("CircleRitualsInversionNotDue", [dueAt]),
      errorName: "CircleRitualsInversionNotDue",
      args: [String(dueAt)],
    });
  });

  it("re-requests a stale ticket, and refuses bad input", async function () {
    const w = await loadFixture(world);
    const args = { circle: w.circleAddress, registry: w.registryAddress, json: false };
    await time.increase(TEST_MANDATE_RULES.inversionPeriod);
    await invert(cli(), { ...args, from: w.outsider });
    await networkHelpers.mine(300);
    expect((await mentorship(cli(), args)).pending).to.include({ expired: true });
    const r = await invert(cli(), { ...args, from: w.outsider });
    expect(r).to.include({ action: "rerequested", number: 1n });
    const out = await printed(() => mentorshipTask(args, hreOf(net)));
    expect(out.stdout).to.contain("has had no mentorship inversion yet");
    expect(out.stdout).to.contain("Inversion 1 is waiting for the randomness of ticket");
    await expectRefusals(
      (a: Parameters<typeof invert>[1]) => invert(cli(), a),
      [
        [{ ...args, circle: "0x12" }, /--circle/],
        [{ ...args, circle: w.outsider, from: w.outsider }, /not a circle|no circle|is neither/i],
      ],
    );
  });
});
