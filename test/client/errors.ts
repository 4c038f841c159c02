import { expect } from "chai";
import { network } from "hardhat";

import { parseEther } from "viem";

import {
  ContractRefusalError,
  ERROR_SENTENCES,
  decodeRevert,
  describeError,
  describeRevert,
  refusalInUnits,
} from "../../client/errors.js";
import { formatAmount, formatTokens } from "../../client/units.js";

const { ethers } = await network.create();

describe("client/errors", function () {
  it("has a sentence for every error Commonweal's own contracts declare", async function () {
    const missing: string[] = [];
    const names = ["Circle", "CircleMembership", "CircleRituals", "CircleRegistry", "Mandates", "MandateBadges"];
    // The mandates' modules, which run at the mandates' address: their errors reach the same faces.
    names.push("MandateDraws", "MandateAudits");
    const income = ["IncomeHub", "DemurragedIncomeToken", "StaticIncomeToken", "IncomeWrappers"];
    for (const name of [
      ...names,
      "CouncilSeats",
      "PrevrandaoRandomness",
      "MutualCredit",
      "CreditFactory",
      ...income,
      "Profiles",
    ]) {
      const factory = await ethers.getContractFactory(name);
      factory.interface.forEachError((error) => {
        const ours =
          /^(Circle|Mandate|Council|Randomness|MutualCredit|CreditFactory|IncomeHub|IncomeWrapper|Profiles)/.test(
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
      "This wrapper holds only the token of 0x00000000000000000000000000000000000A11cE, not that of " +
        "0x0000000000000000000000000000000000000BE1: find that token's wrapper with the factory's wrapperOf.",
    );
  });

  describe("amounts in units", function () {
    const ana = "0x00000000000000000000000000000000000A11cE";

    it("writes amounts in whole units, trailing zeros trimmed, with the symbol (and its singular) if given", function () {
      expect(formatAmount(-10_001n, { decimals: 2, symbol: "HRS" })).to.equal("-100.01 HRS");
      expect(formatAmount(10_000n, { decimals: 2, symbol: "HRS" })).to.equal("100 HRS");
      expect(formatAmount(5n, { decimals: 0 })).to.equal("5");
      expect(formatAmount(parseEther("0.5"))).to.equal("0.5");
      expect(formatTokens(parseEther("96"))).to.equal("96 tokens");
      expect(formatTokens(parseEther("1"))).to.equal("1 token");
      expect(formatTokens(1n)).to.equal("0.000000000000000001 tokens");
    });

    it("shows a failing credit limit in the currency's units, and 18 decimals when none are given", function () {
      const args = [ana, -10_001n, 10_000n];
      expect(describeError("MutualCreditLimitExceeded", args, { decimals: 2, symbol: "HRS" })).to.equal(
        `That payment would take ${ana} to -100.01 HRS, below their credit limit of -100 HRS.`,
      );
      expect(describeError("MutualCreditLimitExceeded", [ana, -parseEther("100.5"), parseEther("100")])).to.equal(
        `That payment would take ${ana} to -100.5, below their credit limit of -100.`,
      );
      expect(describeError("MutualCreditSaturationExceeded", [ana, 20_050n, 20_000n], { decimals: 2 })).to.equal(
        `That payment would take ${ana} to 200.5, above their saturation limit of 200.`,
      );
      expect(describeError("ERC20InsufficientBalance", [ana, parseEther("10"), parseEther("11")])).to.equal(
        `${ana} holds 10, not the 11 needed.`,
      );
    });

    it("shows income amounts in tokens whatever units are given, as the hub's balanceOf reads them", function () {
      const args = [ana, BigInt(ana), parseEther("12.5"), parseEther("96")];
      const sentence = `${ana} holds 12.5 tokens of ${ana}'s income today (after demurrage), not the 96 tokens needed.`;
      expect(describeError("IncomeHubInsufficientBalance", args)).to.equal(sentence);
      expect(describeError("IncomeHubInsufficientBalance", args, { decimals: 2, symbol: "HRS" })).to.equal(sentence);
      expect(describeError("IncomeHubFlowNotConserved", [ana, -parseEther("1"), 0n])).to.equal(
        `The payment would change ${ana}'s holdings by -1 token instead of 0 tokens: everyone but the payer and the receiver must end where they started.`,
      );
    });

    it("turns a revert into a refusal in a token's units that still names the contract's error", function () {
      const revert = {
        walk: (match: (cause: unknown) => boolean) => {
          const cause = { data: { errorName: "MutualCreditLimitExceeded", args: [ana, -10_001n, 10_000n] } };
          return match(cause) ? cause : null;
        },
      };
      expect(describeRevert(revert)).to.equal(
        `That payment would take ${ana} to -0.000000000000010001, below their credit limit of -0.00000000000001.`,
      );
      const refusal = refusalInUnits(revert, { decimals: 2, symbol: "HRS" });
      expect(refusal).to.be.instanceOf(ContractRefusalError);
      expect((refusal as Error).message).to.equal(
        `That payment would take ${ana} to -100.01 HRS, below their credit limit of -100 HRS.`,
      );
      expect(describeRevert(refusal)).to.equal((refusal as Error).message);
      expect(decodeRevert(refusal)).to.deep.equal({
        errorName: "MutualCreditLimitExceeded",
        args: [ana, -10_001n, 10_000n],
      });
      const plain = new Error("not a revert");
      expect(refusalInUnits(plain, { decimals: 2 })).to.equal(plain);
    });
  });

  it("falls back to the error's name and arguments", function () {
    expect(describeError("SomethingElse", [1n, "0xabc"])).to.equal("SomethingElse(1, 0xabc)");
  });
});
