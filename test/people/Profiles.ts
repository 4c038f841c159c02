import { expect } from "chai";
import { network } from "hardhat";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time, loadFixture } = networkHelpers;

/** The registry, and three people with no profile yet. */
async function profilesWorld() {
  const [ana, ben, cai] = await ethers.getSigners();
  const profiles = await ethers.deployContract("Profiles");
  return { profiles, ana: ana!, ben: ben!, cai: cai! };
}

describe("Profiles", function () {
  describe("an account's own profile", function () {
    it("sets a name and a URI, announces them and records when", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      await expect(profiles.connect(ana).setProfile("Ana", "ipfs://ana"))
        .to.emit(profiles, "ProfileSet")
        .withArgs(ana.address, "Ana", "ipfs://ana");
      expect(await profiles.profileOf(ana.address)).to.deep.equal(["Ana", "ipfs://ana", BigInt(await time.latest())]);
    });

    it("updates a name, keeping no trace of the old one in storage", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      await profiles.connect(ana).setProfile("Ana", "ipfs://ana");
      await time.increase(60);
      await expect(profiles.connect(ana).setProfile("Ana Lima", ""))
        .to.emit(profiles, "ProfileSet")
        .withArgs(ana.address, "Ana Lima", "");
      expect(await profiles.profileOf(ana.address)).to.deep.equal(["Ana Lima", "", BigInt(await time.latest())]);
    });

    it("clears a profile: empty name and URI, announced with empty strings, read as never set", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      await profiles.connect(ana).setProfile("Ana", "ipfs://ana");
      await expect(profiles.connect(ana).clearProfile()).to.emit(profiles, "ProfileSet").withArgs(ana.address, "", "");
      expect(await profiles.profileOf(ana.address)).to.deep.equal(["", "", 0n]);
      // Clearing again is harmless and still announced.
      await expect(profiles.connect(ana).clearProfile()).to.emit(profiles, "ProfileSet").withArgs(ana.address, "", "");
    });

    it("reads nothing for an account that never set a profile", async function () {
      const { profiles, cai } = await loadFixture(profilesWorld);
      expect(await profiles.profileOf(cai.address)).to.deep.equal(["", "", 0n]);
    });

    it("accepts multi-byte UTF-8 names up to 64 bytes, and a URI of 256", async function () {
      const { profiles, ana, ben } = await loadFixture(profilesWorld);
      const name = "Zoë ".repeat(12) + "Zoë"; // 12 × 5 + 4 = 64 bytes
      expect(Buffer.byteLength(name)).to.equal(64);
      await profiles.connect(ana).setProfile(name, "x".repeat(256));
      expect((await profiles.profileOf(ana.address))[0]).to.equal(name);
      await profiles.connect(ben).setProfile("a", "");
      expect((await profiles.profileOf(ben.address))[0]).to.equal("a");
    });
  });

  describe("caps and characters", function () {
    it("refuses an empty name (clearProfile is the way to have none)", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      await expect(profiles.connect(ana).setProfile("", "ipfs://x")).to.be.revertedWithCustomError(
        profiles,
        "ProfilesNameEmpty",
      );
    });

    it("refuses a name over 64 bytes and a URI over 256, and leaves the profile as it was", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      await profiles.connect(ana).setProfile("Ana", "");
      const before = await profiles.profileOf(ana.address);
      await expect(profiles.connect(ana).setProfile("a".repeat(65), ""))
        .to.be.revertedWithCustomError(profiles, "ProfilesNameTooLong")
        .withArgs(65, 64);
      // 33 characters of 2 bytes each: 66 bytes, though only 33 characters.
      await expect(profiles.connect(ana).setProfile("é".repeat(33), ""))
        .to.be.revertedWithCustomError(profiles, "ProfilesNameTooLong")
        .withArgs(66, 64);
      await expect(profiles.connect(ana).setProfile("Ana", "u".repeat(257)))
        .to.be.revertedWithCustomError(profiles, "ProfilesUriTooLong")
        .withArgs(257, 256);
      expect(await profiles.profileOf(ana.address)).to.deep.equal(before);
    });

    it("refuses control characters in a name (a fake line break, a tab, DEL) and in a URI", async function () {
      const { profiles, ana } = await loadFixture(profilesWorld);
      const cases: [string, string, string, number, string][] = [
        ["Ana\nroot: approved", "", "name", 3, "0x0a"],
        ["\tAna", "", "name", 0, "0x09"],
        ["Ana\r", "", "name", 3, "0x0d"],
        ["A\x1bna", "", "name", 1, "0x1b"],
        ["Ana\x7f", "", "name", 3, "0x7f"],
        ["A\x00", "", "name", 1, "0x00"],
        ["Ana", "ipfs://a\nb", "uri", 8, "0x0a"],
      ];
      for (const [name, uri, field, index, character] of cases) {
        await expect(profiles.connect(ana).setProfile(name, uri), JSON.stringify(name + uri))
          .to.be.revertedWithCustomError(profiles, "ProfilesControlCharacter")
          .withArgs(field, index, character);
      }
      expect(await profiles.profileOf(ana.address)).to.deep.equal(["", "", 0n]);
    });
  });

  describe("only your own profile", function () {
    it("one account's set and clear never touch another's profile", async function () {
      const { profiles, ana, ben } = await loadFixture(profilesWorld);
      await profiles.connect(ana).setProfile("Ana", "ipfs://ana");
      const anas = await profiles.profileOf(ana.address);
      // Ben takes the same name: allowed (names prove nothing), and Ana's entry is untouched.
      await expect(profiles.connect(ben).setProfile("Ana", "ipfs://impostor"))
        .to.emit(profiles, "ProfileSet")
        .withArgs(ben.address, "Ana", "ipfs://impostor");
      await expect(profiles.connect(ben).clearProfile()).to.emit(profiles, "ProfileSet").withArgs(ben.address, "", "");
      expect(await profiles.profileOf(ana.address)).to.deep.equal(anas);
      // No function takes an account to write: the only writers are setProfile and clearProfile, for msg.sender.
      const writers = profiles.interface.fragments
        .filter((f) => f.type === "function")
        .map((f) => f as unknown as { name: string; stateMutability: string; inputs: { type: string }[] })
        .filter((f) => f.stateMutability !== "view" && f.stateMutability !== "pure");
      expect(writers.map((f) => f.name).sort()).to.deep.equal(["clearProfile", "setProfile"]);
      for (const f of writers) expect(f.inputs.map((i) => i.type)).to.not.include("address");
    });
  });

  describe("reading many", function () {
    it("reads many accounts' profiles in one call, in order, and refuses more than 100", async function () {
      const { profiles, ana, ben, cai } = await loadFixture(profilesWorld);
      await profiles.connect(ana).setProfile("Ana", "ipfs://ana");
      const anaAt = BigInt(await time.latest());
      await profiles.connect(cai).setProfile("Cai", "");
      const caiAt = BigInt(await time.latest());
      const read = await profiles.profilesOf([cai.address, ben.address, ana.address]);
      expect(read.map((p) => [p.name, p.uri, p.updatedAt])).to.deep.equal([
        ["Cai", "", caiAt],
        ["", "", 0n],
        ["Ana", "ipfs://ana", anaAt],
      ]);
      expect(await profiles.profilesOf([])).to.deep.equal([]);
      const many = Array.from({ length: 101 }, (_, i) => ethers.zeroPadValue(ethers.toBeHex(i + 1), 20));
      expect(await profiles.profilesOf(many.slice(0, 100))).to.have.length(100);
      await expect(profiles.profilesOf(many))
        .to.be.revertedWithCustomError(profiles, "ProfilesTooMany")
        .withArgs(101, 100);
    });

    it("states its caps", async function () {
      const { profiles } = await loadFixture(profilesWorld);
      expect(await profiles.MAX_NAME_LENGTH()).to.equal(64n);
      expect(await profiles.MAX_URI_LENGTH()).to.equal(256n);
      expect(await profiles.MAX_BATCH()).to.equal(100n);
    });
  });
});
