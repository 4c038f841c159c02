import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";

import { ContractRefusalError, describeError } from "../../client/errors.js";
import { INCOME_UNITS } from "../../client/units.js";
import { CliError, connection } from "../../tasks/cli.js";
import balanceTask, { incomeBalance } from "../../tasks/income/balance.js";
import { claimIncome } from "../../tasks/income/claim.js";
import { invitePerson, type InviteArgs } from "../../tasks/income/invite.js";
import { registerPerson } from "../../tasks/income/register.js";
import { acceptVouch } from "../../tasks/income/accept-vouch.js";
import { proposeRegisterCircle } from "../../tasks/income/register-circle.js";
import { proposeVouch } from "../../tasks/income/vouch.js";
import { setTrust, type TrustArgs } from "../../tasks/income/trust.js";
import { wrapIncome, type WrapArgs } from "../../tasks/income/wrap.js";
import { DAY, HOUR, INVITATION_COST, WELCOME_BONUS, incomeFixtures } from "../fixtures/income.js";
import { expectRefusals, failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { time, loadFixture } = networkHelpers;
const { incomeWorld, atNextMidnight } = incomeFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);

/**
 * A hub still bootstrapping, with its wrapper factory. Ana and Ben registered; Ana claimed five days of income
 * (more than an invitation costs), Ben nothing. The clock stands one hour into a day, so no test crosses midnight
 * (balances decay by the day).
 */
async function world() {
  const w = await incomeWorld();
  const wrappers = await ethers.deployContract("IncomeWrappers", [w.hub.target]);
  const [ana, ben, cai] = w.founders;
  for (const p of [ana!, ben!]) await w.hub.connect(p).register(zeroAddress);
  await time.increase(5 * DAY);
  await atNextMidnight(HOUR);
  await w.hub.connect(ana!).claim();
  return {
    ...w,
    hubAddress: getAddress(await w.hub.getAddress()),
    wrappersAddress: getAddress(await wrappers.getAddress()),
    tokenAddress: getAddress(await w.token.getAddress()),
    ana: getAddress(ana!.address),
    ben: getAddress(ben!.address),
    cai: getAddress(cai!.address),
    gus: getAddress(w.outsiders[0]!.address),
    hal: getAddress(w.outsiders[1]!.address),
  };
}

const nonceOf = (address: Address) => publicClient.getTransactionCount({ address });
const idOf = (account: Address) => BigInt(account);

describe("income tasks (the CLI, in-process)", function () {
  describe("income register", function () {
    it("registers a person while bootstrapping, and explains every refusal in a sentence", async function () {
      const w = await loadFixture(world);
      const r = await registerPerson(cli(), { hub: w.hubAddress, from: w.gus, json: false });
      expect(r).to.include({ person: w.gus, inviter: null, welcomeBonus: 0n });
      expect(await w.hub.avatarKind(w.gus)).to.equal(1n);

      const nonce = await nonceOf(w.gus);
      await expectRefusals(
        (args: { inviter?: string; hub?: string }) =>
          registerPerson(cli(), { hub: w.hubAddress, from: w.gus, json: false, ...args }),
        [
          [{}, describeError("IncomeHubAlreadyRegistered", [w.gus])],
          [{ inviter: "0x12" }, /--inviter "0x12" is not an address/],
          [{ hub: w.hal }, `There is no income hub at ${w.hal} on chain 31337.`],
          [{ hub: w.tokenAddress }, `${w.tokenAddress} is not an income hub.`],
        ],
      );
      expect(await nonceOf(w.gus)).to.equal(nonce);

      // Once bootstrapping is over, registering takes an inviter.
      await time.increase(31 * DAY);
      const { sentence } = await failure(registerPerson(cli(), { hub: w.hubAddress, from: w.hal, json: false }));
      expect(sentence).to.equal(describeError("IncomeHubInvitationRequired", [await w.hub.bootstrapEnd()]));
      expect(await w.hub.avatarKind(w.hal)).to.equal(0n);
    });
  });

  describe("income vouch and accept-vouch", function () {
    it("proposes the circle's vouching, funded by the proposer, and the person accepts it themselves", async function () {
      const w = await loadFixture(world);
      const circle = getAddress(await w.circle.getAddress());
      const registry = getAddress(await w.registry.getAddress());
      const made = await proposeVouch(cli(), {
        circle,
        people: w.cai,
        fund: "100",
        hub: w.hubAddress,
        registry,
        from: w.ana,
        json: false,
      });
      expect(made.payers).to.deep.equal([w.ana]);
      expect(made.funded).to.not.equal(null);
      const calls = [
        w.hub.interface.encodeFunctionData("registerCircle"),
        w.hub.interface.encodeFunctionData("vouch", [[w.cai], [w.ana]]),
      ];
      const targets = calls.map(() => w.hubAddress);
      await time.increase(Number(await w.circle.votingDelay()) + 1);
      for (const f of w.founders.slice(0, 3)) await (await w.circle.connect(f).castVote(made.proposalId, 1)).wait();
      await time.increaseTo((await w.circle.proposalDeadline(made.proposalId)) + 1n);
      await (await w.circle.execute(targets, [0n, 0n], calls, ethers.id(made.description))).wait();
      expect(await w.hub.avatarKind(w.cai)).to.equal(0n);
      const { sentence } = await failure(acceptVouch(cli(), { circle, hub: w.hubAddress, from: w.gus, json: false }));
      expect(sentence).to.equal(describeError("IncomeHubNotVouched", [circle, w.gus]));
      const accepted = await acceptVouch(cli(), { circle, hub: w.hubAddress, from: w.cai, json: false });
      expect(accepted).to.include({ person: w.cai, circle });
      expect(await w.hub.avatarKind(w.cai)).to.equal(1n);
    });
  });

  describe("income register-circle", function () {
    it("proposes that the circle register itself, which it does once the decision passes; then refuses a second time", async function () {
      const w = await loadFixture(world);
      const circle = getAddress(await w.circle.getAddress());
      const registry = getAddress(await w.registry.getAddress());
      const args = { circle, hub: w.hubAddress, registry, from: w.ana, json: false };
      const made = await proposeRegisterCircle(cli(), args);
      expect(made).to.include({ circle, hub: w.hubAddress, proposer: w.ana });
      const calls = [w.hub.interface.encodeFunctionData("registerCircle")];
      await time.increase(Number(await w.circle.votingDelay()) + 1);
      for (const f of w.founders.slice(0, 3)) await (await w.circle.connect(f).castVote(made.proposalId, 1)).wait();
      await time.increaseTo((await w.circle.proposalDeadline(made.proposalId)) + 1n);
      expect(await w.hub.avatarKind(circle)).to.equal(0n);
      await (await w.circle.execute([w.hubAddress], [0n], calls, ethers.id(made.description))).wait();
      expect(await w.hub.avatarKind(circle)).to.equal(2n);

      const nonce = await nonceOf(w.ana);
      await expectRefusals(
        (extra: { hub?: string }) => proposeRegisterCircle(cli(), { ...args, ...extra }),
        [
          [{}, `${circle} is already registered in the income hub ${w.hubAddress}.`],
          [{ hub: w.tokenAddress }, `${w.tokenAddress} is not an income hub.`],
        ],
      );
      expect(await nonceOf(w.ana)).to.equal(nonce);
    });
  });

  describe("income invite", function () {
    it("trusts the invitee, who then registers naming the inviter and gets the welcome bonus", async function () {
      const w = await loadFixture(world);
      const before = await w.hub.balanceOf(w.ana, idOf(w.ana));
      const now = await time.latest();
      const r = await invitePerson(cli(), { person: w.gus, hub: w.hubAddress, from: w.ana, json: false });
      expect(await w.hub.trustExpiry(w.ana, w.gus)).to.equal(r.expiry);
      expect(r.expiry).to.equal(BigInt(now + 365 * DAY));
      expect(r.invitationCost).to.equal(INVITATION_COST);

      const registered = await registerPerson(cli(), { inviter: w.ana, hub: w.hubAddress, from: w.gus, json: false });
      expect(registered).to.include({ inviter: w.ana, welcomeBonus: WELCOME_BONUS });
      expect(await w.hub.avatarKind(w.gus)).to.equal(1n);
      expect(await w.hub.balanceOf(w.ana, idOf(w.ana))).to.equal(before - INVITATION_COST);
    });

    it("refuses an invitation that could not be taken up, before sending anything", async function () {
      const w = await loadFixture(world);
      const base: InviteArgs = { person: w.gus, hub: w.hubAddress, from: w.ana, json: false };
      const nonces = [await nonceOf(w.ana), await nonceOf(w.ben), await nonceOf(w.cai)];
      await expectRefusals(
        (args: Partial<InviteArgs>) => invitePerson(cli(), { ...base, ...args }),
        [
          [{ person: w.ben }, /is registered already, so needs no invitation/],
          [
            { from: w.cai },
            `${describeError("IncomeHubNotRegistered", [w.cai])} Register first (\`income register\`).`,
          ],
          [
            { from: w.ben },
            `An invitation burns 96 tokens of your own when ${w.gus} registers, and ${w.ben} holds 0 tokens: claim your income first (\`income claim\`).`,
          ],
          [{ person: "gus" }, /--person "gus" is not an address/],
          [{ for: "-1" }, /--for "-1" is not a duration/],
          // A bare number has no unit: refused, rather than taken as seconds (or days).
          [{ for: "365" }, /--for "365" is not a duration: write a duration as whole numbers with units/],
        ],
      );
      expect([await nonceOf(w.ana), await nonceOf(w.ben), await nonceOf(w.cai)]).to.deep.equal(nonces);
      // An invitee who registers naming someone who does not trust them is refused by the hub, in a sentence.
      const { sentence } = await failure(
        registerPerson(cli(), { inviter: w.ana, hub: w.hubAddress, from: w.gus, json: false }),
      );
      expect(sentence).to.equal(describeError("IncomeHubNotInvited", [w.ana, w.gus]));
    });
  });

  describe("income trust", function () {
    it("trusts for a duration (90m, 2w, 1d12h, 30d) or until a date, and withdraws trust", async function () {
      const w = await loadFixture(world);
      const base = { person: w.ben, hub: w.hubAddress, from: w.ana, revoke: false, json: false };
      for (const [written, seconds] of [
        ["90m", 90 * 60],
        ["2w", 14 * DAY],
        ["1d12h", DAY + 12 * HOUR],
      ] as const) {
        const before = await time.latest();
        const r = await setTrust(cli(), { ...base, for: written });
        expect(r.expiry, written).to.equal(BigInt(before + seconds));
      }
      const now = await time.latest();
      const forDays = await setTrust(cli(), { ...base, for: "30d" });
      expect(forDays.expiry).to.equal(BigInt(now + 30 * DAY));
      expect(await w.hub.trustExpiry(w.ana, w.ben)).to.equal(forDays.expiry);
      expect(await w.hub.isTrusted(w.ana, w.ben)).to.equal(true);

      const untilDate = await setTrust(cli(), { ...base, until: "2099-01-01" });
      expect(untilDate).to.include({
        expiry: BigInt(Date.UTC(2099, 0, 1) / 1000),
        trustedUntil: "2099-01-01T00:00:00Z",
      });
      expect(await w.hub.trustExpiry(w.ana, w.ben)).to.equal(untilDate.expiry);

      const revoked = await setTrust(cli(), { ...base, revoke: true });
      expect(revoked).to.include({ expiry: 0n, trustedUntil: null });
      expect(await w.hub.isTrusted(w.ana, w.ben)).to.equal(false);
    });

    it("refuses malformed durations, self-trust and an unregistered truster, sending nothing", async function () {
      const w = await loadFixture(world);
      const base: TrustArgs = { person: w.ben, hub: w.hubAddress, from: w.ana, revoke: false, json: false, for: "30d" };
      const nonces = [await nonceOf(w.ana), await nonceOf(w.cai)];
      await expectRefusals(
        (args: Partial<TrustArgs>) => setTrust(cli(), { ...base, ...args }),
        [
          [{ for: undefined }, /Say how long, once/],
          [{ until: "2099-01-01" }, /Say how long, once/],
          [{ for: "soon" }, /--for "soon" is not a duration/],
          [{ for: "30" }, /--for "30" is not a duration/],
          [{ for: "11y" }, /--for "11y" is not a duration/],
          [{ for: "600w" }, /--for "600w" is too long: at most 10 years/],
          [{ for: undefined, until: "tomorrow" }, /--until "tomorrow" is not a date/],
          [
            { for: undefined, until: "2001-01-01" },
            /^Trust until 2001-01-01T00:00:00Z would end before it starts: the chain's time is /,
          ],
          [{ person: w.ana }, describeError("IncomeHubSelfTrust", [w.ana])],
          [{ from: w.cai }, describeError("IncomeHubNotRegistered", [w.cai])],
        ],
      );
      expect([await nonceOf(w.ana), await nonceOf(w.cai)]).to.deep.equal(nonces);
    });
  });

  describe("income claim", function () {
    it("mints the income since the last claim and says how much", async function () {
      const w = await loadFixture(world);
      const before = await w.hub.balanceOf(w.ana, idOf(w.ana));
      await time.increase(3 * HOUR);
      const r = await claimIncome(cli(), { hub: w.hubAddress, from: w.ana, json: false });
      expect(r.minted).to.equal(parseEther("3"));
      expect(r.balance).to.equal(before + r.minted);
      expect(await w.hub.balanceOf(w.ana, idOf(w.ana))).to.equal(r.balance);
      // Claiming again within the hour mints nothing, without failing.
      expect((await claimIncome(cli(), { hub: w.hubAddress, from: w.ana, json: false })).minted).to.equal(0n);
    });

    it("refuses someone who is not registered, sending nothing", async function () {
      const w = await loadFixture(world);
      const nonce = await nonceOf(w.cai);
      const { error, sentence } = await failure(claimIncome(cli(), { hub: w.hubAddress, from: w.cai, json: false }));
      expect(error).not.to.be.instanceOf(CliError);
      expect(sentence).to.equal(describeError("IncomeHubNotRegistered", [w.cai]));
      expect(await nonceOf(w.cai)).to.equal(nonce);
    });
  });

  describe("income wrap", function () {
    it("creates the wrapper when needed, wraps in either flavour, and unwraps", async function () {
      const w = await loadFixture(world);
      const base: WrapArgs = {
        hub: w.hubAddress,
        wrappers: w.wrappersAddress,
        from: w.ana,
        unwrap: false,
        json: false,
      };
      const before = await w.hub.balanceOf(w.ana, idOf(w.ana));
      const first = await wrapIncome(cli(), { ...base, amount: "10" });
      expect(first).to.include({
        action: "wrapped",
        created: true,
        flavour: "demurraged",
        tokenOf: w.ana,
        hubAmount: parseEther("10"),
      });
      const token = await ethers.getContractAt("DemurragedIncomeToken", first.wrapper);
      expect(await token.balanceOf(w.ana))
        .to.equal(first.erc20Amount)
        .and.to.equal(parseEther("10"));
      expect(await w.hub.balanceOf(w.ana, idOf(w.ana))).to.equal(before - parseEther("10"));

      const again = await wrapIncome(cli(), { ...base, amount: "2" });
      expect(again).to.include({ created: false, wrapper: first.wrapper });
      const fixed = await wrapIncome(cli(), { ...base, amount: "5", flavour: "static" });
      expect(fixed.created).to.equal(true);
      expect(fixed.wrapper).to.not.equal(first.wrapper);
      expect(await (await ethers.getContractAt("StaticIncomeToken", fixed.wrapper)).balanceOf(w.ana)).to.equal(
        fixed.erc20Amount,
      );

      const back = await wrapIncome(cli(), { ...base, amount: "4", unwrap: true });
      expect(back).to.include({ action: "unwrapped", erc20Amount: parseEther("4"), hubAmount: parseEther("4") });
      expect(await token.balanceOf(w.ana)).to.equal(parseEther("8"));
      expect(await w.hub.balanceOf(w.ana, idOf(w.ana))).to.equal(before - parseEther("13"));
    });

    it("refuses more than is held, unknown flavours and a wrapper factory of another hub, sending nothing", async function () {
      const w = await loadFixture(world);
      const otherWrappers = getAddress(
        await (await ethers.deployContract("IncomeWrappers", [w.tokenAddress])).getAddress(),
      );
      const base: WrapArgs = {
        hub: w.hubAddress,
        wrappers: w.wrappersAddress,
        from: w.ana,
        unwrap: false,
        json: false,
        amount: "10",
      };
      await wrapIncome(cli(), base);
      const nonce = await nonceOf(w.ana);
      const held = await w.hub.balanceOf(w.ana, idOf(w.ana));
      // Refusals give amounts in tokens, as the hub's balanceOf reads them, not in its smallest unit.
      const { error, sentence } = await failure(wrapIncome(cli(), { ...base, amount: "1000" }));
      expect(error).to.be.instanceOf(ContractRefusalError);
      expect(sentence)
        .to.equal(describeError("IncomeHubInsufficientBalance", [w.ana, idOf(w.ana), held, parseEther("1000")]))
        .and.to.equal(
          `${w.ana} holds ${ethers.formatEther(held).replace(/\.0$/, "")} tokens of ${w.ana}'s income today (after demurrage), not the 1000 tokens needed.`,
        );
      await expectRefusals(
        (args: Partial<WrapArgs>) => wrapIncome(cli(), { ...base, ...args }),
        [
          [
            { amount: "11", unwrap: true },
            describeError("ERC20InsufficientBalance", [w.ana, parseEther("10"), parseEther("11")], INCOME_UNITS),
          ],
          [{ amount: "10.5", unwrap: true }, `${w.ana} holds 10 tokens, not the 10.5 tokens needed.`],
          [
            { unwrap: true, flavour: "static" },
            `There is no static wrapper of the token of ${w.ana} yet: nothing to unwrap.`,
          ],
          [{ flavour: "sparkly" }, /--flavour "sparkly" is not a flavour/],
          [{ amount: "ten" }, /--amount "ten" is not an amount/],
          [{ token: "0x1" }, /--token "0x1" is not an address/],
          [
            { wrappers: otherWrappers },
            `The wrapper factory ${otherWrappers} wraps the tokens of hub ${w.tokenAddress}, not of ${w.hubAddress}.`,
          ],
        ],
      );
      expect(await nonceOf(w.ana)).to.equal(nonce);
      expect(await w.hub.balanceOf(w.ana, idOf(w.ana))).to.equal(held);
    });
  });

  describe("income balance", function () {
    it("shows the own token today and in static units, what a claim would mint, and other tokens held", async function () {
      const w = await loadFixture(world);
      // Ben claims, and gives Ana some of his token (a plain transfer needs no trust).
      await time.increase(2 * HOUR);
      await w.hub.connect(w.founders[1]!).claim();
      await w.hub.connect(w.founders[1]!).safeTransferFrom(w.ben, w.ana, idOf(w.ben), parseEther("7"), "0x");
      const r = await incomeBalance(cli(), { account: w.ana, all: true, hub: w.hubAddress, json: false });
      expect(r).to.deep.include({
        registered: "a person",
        stopped: false,
        balance: await w.hub.balanceOf(w.ana, idOf(w.ana)),
        staticBalance: await w.hub.staticBalanceOf(w.ana, idOf(w.ana)),
        claimable: (await w.hub.claimable(w.ana))[0],
        others: [
          { tokenOf: w.ben, balance: parseEther("7"), staticBalance: await w.hub.staticBalanceOf(w.ana, idOf(w.ben)) },
        ],
      });
      expect(r.claimable).to.equal(parseEther("2"));

      // Printed in tokens (18 decimals), as the hub's balanceOf reads them.
      const { stdout } = await printed(() =>
        balanceTask({ account: w.ana, all: true, hub: w.hubAddress, json: false }, hreOf(net)),
      );
      expect(stdout).to.contain(`  token of ${w.ben}: 7 tokens today (`);
      expect(stdout).to.contain(`a claim now would mint 2 tokens`);
      expect(stdout).to.not.match(/\d{19}/);

      const stranger = await incomeBalance(cli(), { account: w.cai, all: false, hub: w.hubAddress, json: false });
      expect(stranger).to.include({ registered: "not registered", balance: 0n, claimable: 0n });
      const { sentence } = await failure(
        incomeBalance(cli(), { account: "cai", all: false, hub: w.hubAddress, json: false }),
      );
      expect(sentence).to.match(/--account "cai" is not an address/);
    });
  });
});
