import { expect } from "chai";

import { CliError, errorJson, requireAddress } from "../../tasks/cli.js";

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
});
