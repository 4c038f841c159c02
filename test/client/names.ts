// The pure naming functions every face uses: a name always with a short checksummed address, never instead of it;
// names made printable; two accounts of one list with the same name flagged.
import { expect } from "chai";
import type { Address } from "viem";

import {
  displayName,
  labelsOf,
  markDuplicateNames,
  nameOf,
  namesOf,
  printableName,
  profileBook,
  shortAddress,
  type ProfileBook,
} from "../../client/names.js";

const ANA = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;
const BEN = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const CAI = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;
const DEE = "0x90F79bf6EB2c4f870365E785982E1f101E93b906" as Address;

const book: ProfileBook = new Map([
  [ANA, { name: "Ana" }],
  [BEN, { name: "" }],
  [CAI, { name: "", ensName: "cai.eth" }],
  [DEE, { name: "  ana " }],
]);

describe("client/names", function () {
  it("shortens a checksummed address to its first and last four hex digits, whatever case it came in", function () {
    expect(shortAddress(ANA)).to.equal("0xf39F…2266");
    expect(shortAddress(ANA.toLowerCase())).to.equal("0xf39F…2266");
  });

  it("shows a name with the short checksummed address, and a bare checksummed address without one", function () {
    expect(displayName(ANA, book)).to.equal("Ana (0xf39F…2266)");
    expect(displayName(ANA.toLowerCase(), book)).to.equal("Ana (0xf39F…2266)");
    expect(displayName(BEN, book)).to.equal(BEN);
    expect(displayName(BEN.toLowerCase(), new Map())).to.equal(BEN);
  });

  it("falls back to the ENS name when an account set no display name", function () {
    expect(nameOf(CAI, book)).to.equal("cai.eth");
    expect(displayName(CAI, book)).to.equal("cai.eth (0x3C44…93BC)");
    expect(displayName(CAI, new Map([[CAI, { name: "Cai", ensName: "cai.eth" }]]))).to.equal("Cai (0x3C44…93BC)");
  });

  it("makes names printable: no line breaks, tabs, escapes or right-to-left overrides, whitespace collapsed", function () {
    expect(printableName("Ana\nroot: approved")).to.equal("Ana\uFFFDroot: approved");
    expect(printableName("Ana\u202Egnp.exe")).to.equal("Ana\uFFFDgnp.exe");
    expect(printableName("\u0085Ana\u200B")).to.equal("\uFFFDAna\uFFFD");
    expect(printableName("  Ana   Lima ")).to.equal("Ana Lima");
    expect(displayName(ANA, new Map([[ANA, { name: "Ana\u2028Ben" }]]))).to.equal("Ana\uFFFDBen (0xf39F…2266)");
    // A name of whitespace only is no name.
    expect(displayName(ANA, new Map([[ANA, { name: "   " }]]))).to.equal(ANA);
  });

  it("flags two accounts of one list with the same name, ignoring case, spacing and Unicode variants", function () {
    const marked = markDuplicateNames([ANA, BEN, DEE, ANA.toLowerCase()], book);
    expect(marked).to.deep.equal([
      { account: ANA, name: "Ana", sharedWith: [DEE], label: "Ana (0xf39F…2266) — same name as 0x90F7…b906" },
      { account: BEN, sharedWith: [], label: BEN },
      { account: DEE, name: "ana", sharedWith: [ANA], label: "ana (0x90F7…b906) — same name as 0xf39F…2266" },
    ]);
    // Full-width letters are the same name after NFKC.
    const wide = new Map([
      [ANA, { name: "Ana" }],
      [BEN, { name: "Ａｎａ" }],
    ]);
    expect(markDuplicateNames([ANA, BEN], wide).map((m) => m.sharedWith)).to.deep.equal([[BEN], [ANA]]);
    // Alone in its list, a name is not flagged.
    expect(markDuplicateNames([ANA, BEN], book).map((m) => m.label)).to.deep.equal(["Ana (0xf39F…2266)", BEN]);
  });

  it("labels accounts of a list in any order, and names the named ones for --json", function () {
    const label = labelsOf([ANA, DEE], book);
    expect(label(DEE)).to.equal("ana (0x90F7…b906) — same name as 0xf39F…2266");
    expect(label(CAI)).to.equal("cai.eth (0x3C44…93BC)");
    expect(namesOf([ANA, BEN, CAI], book)).to.deep.equal({ [ANA]: "Ana", [CAI]: "cai.eth" });
  });

  it("builds a book from profiles whose accounts are in lower case (the ledger's)", function () {
    const fromLedger = profileBook([{ account: ANA.toLowerCase(), name: "Ana", uri: "" }]);
    expect([...fromLedger.keys()]).to.deep.equal([ANA]);
    expect(displayName(ANA, fromLedger)).to.equal("Ana (0xf39F…2266)");
  });
});
