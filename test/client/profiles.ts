// The client's profile actions against a real registry: set and clear through submit (refusals decoded), one
// profilesOf call per 100 accounts, and ENS only where the chain names a universal resolver.
import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, getAddress, http, type Address } from "viem";
import { hardhat, mainnet } from "viem/chains";

import { clearProfile } from "../../client/actions/profile/clearProfile.js";
import { readProfile } from "../../client/actions/profile/readProfile.js";
import { PROFILES_BATCH, hasEns, readProfiles } from "../../client/actions/profile/readProfiles.js";
import { setProfile } from "../../client/actions/profile/setProfile.js";
import { describeRevert } from "../../client/errors.js";
import { displayName, markDuplicateNames } from "../../client/names.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const [anaWallet, benWallet] = await viem.getWalletClients();

async function registry() {
  return getAddress((await viem.deployContract("Profiles")).address);
}

describe("client profile actions", function () {
  it("sets, reads and clears the client's own profile", async function () {
    const profiles = await networkHelpers.loadFixture(registry);
    const ana = getAddress(anaWallet!.account.address);
    const set = await setProfile(anaWallet!, { profiles, name: "Ana", uri: "ipfs://ana" });
    expect(set).to.include({ account: ana, name: "Ana", uri: "ipfs://ana" });
    const read = await readProfile(publicClient, { profiles, account: ana.toLowerCase() as Address });
    const { timestamp } = await publicClient.getBlock();
    expect(read).to.deep.equal({ account: ana, name: "Ana", uri: "ipfs://ana", updatedAt: timestamp });
    await clearProfile(anaWallet!, { profiles });
    expect(await readProfile(publicClient, { profiles, account: ana })).to.deep.equal({
      account: ana,
      name: "",
      uri: "",
      updatedAt: 0n,
    });
  });

  it("refuses a control character before sending, with the contract's error as a sentence", async function () {
    const profiles = await networkHelpers.loadFixture(registry);
    const error = await setProfile(anaWallet!, { profiles, name: "Ana\r\nBen" }).then(
      () => expect.fail("expected a refusal"),
      (e: unknown) => e,
    );
    expect(describeRevert(error)).to.equal(
      "The name holds a control character (byte 0x0d, at position 3): names and URIs are printed on one line, so line breaks, tabs and other control characters are refused.",
    );
  });

  it("reads more accounts than one call takes, in several calls, every account in the book once", async function () {
    const profiles = await networkHelpers.loadFixture(registry);
    await setProfile(anaWallet!, { profiles, name: "Ana" });
    await setProfile(benWallet!, { profiles, name: "Ana" });
    const ana = getAddress(anaWallet!.account.address);
    const ben = getAddress(benWallet!.account.address);
    const others = Array.from({ length: PROFILES_BATCH + 20 }, (_, i) =>
      getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`),
    );
    const accounts = [...others.slice(0, 110), ben, ...others.slice(110), ana, ana.toLowerCase() as Address];
    const book = await readProfiles(publicClient, { profiles, accounts });
    expect(book.size).to.equal(others.length + 2);
    expect(book.get(ana)).to.include({ name: "Ana" });
    expect(book.get(ben)).to.include({ name: "Ana" });
    expect(book.get(others[0]!)).to.deep.equal({ account: others[0], name: "", uri: "", updatedAt: 0n });
    expect(displayName(others[5]!, book)).to.equal(others[5]);
    expect(markDuplicateNames([ana, ben, others[0]!], book).map((m) => m.sharedWith.length)).to.deep.equal([1, 1, 0]);
  });

  it("looks up ENS names only on a chain whose definition names a universal resolver, never a local one", function () {
    expect(hasEns(publicClient)).to.equal(false);
    expect(hasEns(createPublicClient({ chain: hardhat, transport: http("http://127.0.0.1:1") }))).to.equal(false);
    expect(hasEns(createPublicClient({ chain: mainnet, transport: http("http://127.0.0.1:1") }))).to.equal(true);
  });
});
