import { expect } from "chai";
import { network } from "hardhat";

import { ERROR_SENTENCES, describeError } from "../../client/errors.js";

const { ethers } = await network.create();

describe("client/errors", function () {
  it("has a sentence for every error Commonweal's own contracts declare", async function () {
    const missing: string[] = [];
    const names = ["Circle", "CircleMembership", "CircleRituals", "CircleRegistry", "Mandates", "MandateBadges"];
    const income = ["IncomeHub", "DemurragedIncomeToken", "StaticIncomeToken", "IncomeWrappers"];
    for (const name of [...names, "CouncilSeats", "PrevrandaoRandomness", "MutualCredit", "CreditFactory", ...income]) {
      const factory = await ethers.getContractFactory(name);
      factory.interface.forEachError((error) => {
        const ours = /^(Circle|Mandate|Council|Randomness|MutualCredit|CreditFactory|IncomeHub|IncomeWrapper)/.test(
          error.name,
        );
        if (ours && !(error.name in ERROR_SENTENCES)) missing.push(error.name);
        if (ours)
          expect(
            describeError(
              error.name,
              error.inputs.map(() => 1n),
            ),
          ).to.not.match(/^\w+\(/);
      });
    }
    expect(missing).to.deep.equal([]);
  });

  it("names the date a mandate expired and why an ended mandate ended", function () {
    expect(describeError("MandateExpired", [4n, 1_796_083_200n])).to.equal(
      "Mandate 4 expired on 2026-12-01 00:00:00 UTC.",
    );
    expect(describeError("MandateAlreadyEnded", [2n, 1_796_083_200n, 4n])).to.equal(
      "Mandate 2 recalled on 2026-12-01 00:00:00 UTC; it can never act again.",
    );
  });

  it("names an income token by the address it belongs to", function () {
    const ana = 0xa11cen;
    expect(describeError("IncomeWrapperWrongId", [0xbe1n, ana])).to.equal(
      "This wrapper holds only the token of 0x00000000000000000000000000000000000a11ce, not that of " +
        "0x0000000000000000000000000000000000000be1: find that token's wrapper with the factory's wrapperOf.",
    );
  });

  it("falls back to the error's name and arguments", function () {
    expect(describeError("SomethingElse", [1n, "0xabc"])).to.equal("SomethingElse(1, 0xabc)");
  });
});
