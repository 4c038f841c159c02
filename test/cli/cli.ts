import { expect } from "chai";

import { NoContractError } from "../../client/errors.js";
import { CliError, errorJson, explain, noteNetwork, report, requireAddress, withNetwork } from "../../tasks/cli.js";
import { printed } from "../fixtures/cli.js";

const CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

describe("tasks/cli (what every task shares)", function () {
  describe("addresses", function () {
    it("takes a checksummed, an all-lowercase or an all-uppercase address, and returns it checksummed", function () {
      expect(requireAddress("to", CHECKSUMMED)).to.equal(CHECKSUMMED);
      expect(requireAddress("to", CHECKSUMMED.toLowerCase())).to.equal(CHECKSUMMED);
      expect(requireAddress("to", "0x" + CHECKSUMMED.slice(2).toUpperCase())).to.equal(CHECKSUMMED);
    });

    it("refuses a mixed-case address whose EIP-55 checksum is wrong, in a sentence", function () {
      // One letter's case flipped: the checksum no longer matches, as when a character is mistyped.
      const wrong = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
      expect(() => requireAddress("to", wrong)).to.throw(
        CliError,
        `--to ${wrong} has a wrong checksum (its mixed upper and lower case does not match EIP-55): check it for a mistyped character, or write it all in lower case.`,
      );
      expect(() => requireAddress("to", "0x12")).to.throw(CliError, '--to "0x12" is not an address');
      expect(() => requireAddress("to", undefined)).to.throw(CliError, "--to is required");
    });
  });

  describe("--json errors", function () {
    it("are the sentence alone for bad input", function () {
      expect(errorJson(new CliError("--id is required."))).to.deep.equal({ error: "--id is required." });
    });
  });

  describe("the network a task ran on", function () {
    afterEach(() => noteNetwork());

    it("is named in every command a sentence suggests, so a pasted hint reaches the same node", async function () {
      noteNetwork("localhost", "http");
      const hint = "Next: members vote (npx hardhat circle vote --circle 0x1 --proposal latest --support for).";
      expect(withNetwork(hint)).to.equal(
        "Next: members vote (npx hardhat --network localhost circle vote --circle 0x1 --proposal latest --support for).",
      );
      // Already named, or JSON for scripts: left as written.
      expect(withNetwork("npx hardhat --network sepolia circle list")).to.equal(
        "npx hardhat --network sepolia circle list",
      );
      const { stdout } = await printed(async () => report(false, hint, {}));
      expect(stdout).to.contain("npx hardhat --network localhost circle vote");
      noteNetwork("default", "edr-simulated");
      expect(withNetwork(hint)).to.equal(hint);
    });

    it("says, when the in-process network has no contract, that it starts empty and how to reach the node", function () {
      const missing = new NoContractError("circle registry", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 31337);
      noteNetwork("default", "edr-simulated");
      expect(explain(missing)).to.equal(
        "There is no circle registry at 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed on chain 31337. This ran on Hardhat's in-process network, which starts empty for every command: to reach the node you deployed to, add --network localhost (or that network's name).",
      );
      noteNetwork("localhost", "http");
      expect(explain(missing)).to.equal(missing.message);
    });
  });
});
