// The profile tasks (set, clear, show) and the names every listing task shows next to addresses: circle info
// (members), circle proposals and proposal (proposer, voters), mandate list (holders).
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { describeError } from "../../client/errors.js";
import { connection } from "../../tasks/cli.js";
import { circleInfo, describeInfo } from "../../tasks/circle/info.js";
import { circleProposal, circleProposals, describeProposal } from "../../tasks/circle/proposals.js";
import listTask, { listMandates } from "../../tasks/mandate/list.js";
import { clearProfile } from "../../tasks/profile/clear.js";
import setTask, { setProfile } from "../../tasks/profile/set.js";
import showTask, { describeProfile, showProfile } from "../../tasks/profile/show.js";
import { circleFixtures, mandateSpec } from "../fixtures/circles.js";
import { expectRefusals, failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { loadFixture } = networkHelpers;
const { circleWorld, grantByDecision, decide } = circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** The fixture circle (founders 0-5) and a Profiles registry where no one has a profile yet. */
async function world() {
  const w = await circleWorld();
  const profiles = await ethers.deployContract("Profiles");
  const [ana, ben, cai] = w.founders.map((f) => getAddress(f.address)) as [Address, Address, Address];
  return {
    ...w,
    profilesContract: profiles,
    profiles: getAddress(await profiles.getAddress()),
    registryAddress: getAddress(await w.registry.getAddress()),
    circleAddress: getAddress(await w.circle.getAddress()),
    ana,
    ben,
    cai,
    outsider: getAddress(w.outsiders[0]!.address),
  };
}

/** Ana and Ben name themselves; Cai takes Ana's name (allowed: names prove nothing). */
async function namedWorld() {
  const w = await world();
  await setProfile(cli(), { name: "Ana", uri: "ipfs://ana", profiles: w.profiles, from: w.ana, json: false });
  await setProfile(cli(), { name: "Ben", profiles: w.profiles, from: w.ben, json: false });
  await setProfile(cli(), { name: "ana", profiles: w.profiles, from: w.cai, json: false });
  return w;
}

describe("profile tasks (the CLI, in-process)", function () {
  describe("profile set, show and clear", function () {
    it("sets your own name and URI, shows them with your address, and clears them", async function () {
      const w = await loadFixture(world);
      const out = await printed(() =>
        setTask({ name: "Ana", uri: "ipfs://ana", profiles: w.profiles, from: w.ana, json: false }, hreOf(net)),
      );
      expect(out.exitCode, out.stderr).to.equal(0);
      expect(out.stdout).to.match(
        new RegExp(
          `^Your profile is set: you show as Ana \\(${short(w.ana)}\\), profile ipfs://ana\\. Names are not unique: others always see yours with your address\\. Transaction 0x[0-9a-f]{64}\\.$`,
        ),
      );
      expect(await w.profilesContract.profileOf(w.ana)).to.include.members(["Ana", "ipfs://ana"]);

      const shown = await showProfile(cli(), { account: w.ana.toLowerCase(), profiles: w.profiles, json: false });
      expect(shown).to.include({ account: w.ana, name: "Ana", uri: "ipfs://ana", display: `Ana (${short(w.ana)})` });
      expect(shown.updatedAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(describeProfile(shown).split("\n")).to.deep.equal([
        `Ana (${short(w.ana)})`,
        `  account ${w.ana}`,
        `  name "Ana", set ${shown.updatedAt}`,
        `  profile ipfs://ana`,
        `  Names are not unique and prove nothing: go by the address.`,
      ]);
      // Without --account: the network's first account (Ana); as JSON, the stored fields.
      const json = await printed(() => showTask({ profiles: w.profiles, json: true }, hreOf(net)));
      expect(JSON.parse(json.stdout)).to.deep.equal(shown);

      const cleared = await clearProfile(cli(), { profiles: w.profiles, from: w.ana, json: false });
      expect(cleared.account).to.equal(w.ana);
      const after = await showProfile(cli(), { account: w.ana, profiles: w.profiles, json: false });
      expect(after).to.include({ name: "", uri: "", updatedAt: "never", display: w.ana });
      expect(describeProfile(after)).to.equal(
        `${w.ana} has no profile: set yours with npx hardhat profile set --name <name>.`,
      );
    });

    it("refuses a name with a line break, too long, empty or missing, in a sentence, and sends nothing", async function () {
      const w = await loadFixture(world);
      const nonce = await publicClient.getTransactionCount({ address: w.ana });
      await expectRefusals(
        (name: string | undefined) => setProfile(cli(), { name, profiles: w.profiles, json: false }),
        [
          [
            "Ana\nroot: approved",
            "The name holds a control character (byte 0x0a, at position 3): names and URIs are printed on one line, so line breaks, tabs and other control characters are refused.",
          ],
          [
            "a".repeat(65),
            "The name is 65 bytes long; a name may have at most 64 bytes of UTF-8 (an accented letter takes 2, many symbols 3 or 4).",
          ],
          [
            "",
            "A name needs at least one character: to have no name, clear your profile (profile clear, or clearProfile).",
          ],
          [undefined, "--name is required: the name others see next to your address (to remove it: profile clear)."],
        ],
      );
      expect(describeError("ProfilesUriTooLong", [257n, 256n])).to.match(/^The profile URI is 257 bytes long/);
      // As the command line prints it: one sentence on stderr, exit code 1.
      const out = await printed(() =>
        setTask({ name: "Ana\tAna", profiles: w.profiles, from: w.ana, json: false }, hreOf(net)),
      );
      expect([out.exitCode, out.stdout, out.stderr]).to.deep.equal([
        1,
        "",
        "Error: The name holds a control character (byte 0x09, at position 3): names and URIs are printed on one line, so line breaks, tabs and other control characters are refused.",
      ]);
      expect(await publicClient.getTransactionCount({ address: w.ana })).to.equal(nonce);
    });

    it("refuses a --profiles address with no contract, and a malformed one", async function () {
      const w = await loadFixture(world);
      await expectRefusals(
        (profiles: string) => showProfile(cli(), { profiles, json: false }),
        [
          [w.outsider, `There is no Profiles registry at ${w.outsider} on chain 31337.`],
          ["0x12", `--profiles "0x12" is not an address (0x and 40 hex digits).`],
        ],
      );
    });

    it("changes only the signer's own profile", async function () {
      const w = await loadFixture(namedWorld);
      await clearProfile(cli(), { profiles: w.profiles, from: w.cai, json: false });
      expect((await showProfile(cli(), { account: w.ana, profiles: w.profiles, json: false })).name).to.equal("Ana");
      expect((await showProfile(cli(), { account: w.cai, profiles: w.profiles, json: false })).name).to.equal("");
    });
  });

  describe("names where people are listed", function () {
    it("circle info shows members by name with a short address, flags a shared name, and adds names to --json", async function () {
      const w = await loadFixture(namedWorld);
      const info = await circleInfo(cli(), {
        circle: w.circleAddress,
        registry: w.registryAddress,
        profiles: w.profiles,
        json: false,
      });
      expect(info.members.map((m) => m.address)).to.include.members([w.ana, w.ben, w.cai]);
      expect(info.names).to.deep.equal({ [w.ana]: "Ana", [w.ben]: "Ben", [w.cai]: "ana" });
      const lines = describeInfo(info).split("\n");
      expect(lines).to.include(`    Ana (${short(w.ana)}) — same name as ${short(w.cai)}`);
      expect(lines).to.include(`    Ben (${short(w.ben)})`);
      expect(lines).to.include(`    ana (${short(w.cai)}) — same name as ${short(w.ana)}`);
      // The unnamed founders: their whole checksummed address, as before.
      for (const f of w.founders.slice(3)) expect(lines).to.include(`    ${getAddress(f.address)}`);
    });

    it("lists people by address alone where no Profiles registry can be read", async function () {
      const w = await loadFixture(namedWorld);
      const saved = process.env.COMMONWEAL_DEPLOYMENT_ID;
      process.env.COMMONWEAL_DEPLOYMENT_ID = "no-such-deployment";
      try {
        const info = await circleInfo(cli(), { circle: w.circleAddress, registry: w.registryAddress, json: false });
        expect(info.names).to.deep.equal({});
        expect(describeInfo(info)).to.include(`    ${w.ana}\n`);
      } finally {
        if (saved === undefined) delete process.env.COMMONWEAL_DEPLOYMENT_ID;
        else process.env.COMMONWEAL_DEPLOYMENT_ID = saved;
      }
      // Named explicitly, a wrong registry is refused rather than ignored.
      const { sentence } = await failure(
        circleInfo(cli(), { circle: w.circleAddress, registry: w.registryAddress, profiles: w.outsider, json: false }),
      );
      expect(sentence).to.equal(`There is no Profiles registry at ${w.outsider} on chain 31337.`);
    });

    it("circle proposals and proposal name the proposer and the voters", async function () {
      const w = await loadFixture(namedWorld);
      const data = w.circle.interface.encodeFunctionData("name");
      await (await decide(w, [{ target: w.circleAddress, data }], "Read our name", w.founders[1])).wait();
      const args = { circle: w.circleAddress, registry: w.registryAddress, profiles: w.profiles, json: false };
      const listed = await circleProposals(cli(), args);
      expect(listed.proposals.map((p) => p.proposer)).to.deep.equal([w.ben]);
      expect(listed.names).to.deep.equal({ [w.ben]: "Ben" });
      const shown = await circleProposal(cli(), { ...args, proposal: "latest" });
      expect(shown.proposer).to.equal(w.ben);
      // decide: the proposer (Ben) and three other founders (Ana, Cai, Dee) voted for.
      expect(shown.names).to.deep.equal({ [w.ana]: "Ana", [w.ben]: "Ben", [w.cai]: "ana" });
      const text = describeProposal(shown.circle, shown, shown.names);
      expect(text).to.include(`  Proposed by Ben (${short(w.ben)}); 1 call(s).`);
      expect(text).to.include(`    Ana (${short(w.ana)}) — same name as ${short(w.cai)} voted for`);
      expect(text).to.include(`    ${getAddress(w.founders[3]!.address)} voted for`);
    });

    it("mandate list names the holders", async function () {
      const w = await loadFixture(namedWorld);
      await grantByDecision(w, mandateSpec("treasurer", 86_400), w.ben);
      const listed = await listMandates(cli(), {
        circle: w.circleAddress,
        registry: w.registryAddress,
        profiles: w.profiles,
        json: false,
      });
      expect(listed.mandates.map((m) => m.holder)).to.deep.equal([w.ben]);
      expect(listed.names).to.deep.equal({ [w.ben]: "Ben" });
      const out = await printed(() =>
        listTask(
          { circle: w.circleAddress, registry: w.registryAddress, profiles: w.profiles, json: false },
          hreOf(net),
        ),
      );
      expect(out.stdout).to.include(`  treasurer  held by Ben (${short(w.ben)})  until `);
      const json = await printed(() =>
        listTask(
          { circle: w.circleAddress, registry: w.registryAddress, profiles: w.profiles, json: true },
          hreOf(net),
        ),
      );
      // --json keeps the holder's address where it was, and adds the names beside it.
      expect(JSON.parse(json.stdout)).to.deep.include({ names: { [w.ben]: "Ben" } });
      expect(JSON.parse(json.stdout).mandates[0].holder).to.equal(w.ben);
    });
  });
});
