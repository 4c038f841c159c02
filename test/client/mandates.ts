import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, parseEther, parseUnits, type Address, type Hex } from "viem";

import { encodeCall } from "../../client/actions/call/encodeCall.js";
import { readTokenUnits } from "../../client/actions/mandate/readTokenUnits.js";
import { resolvePowers } from "../../client/actions/mandate/resolvePowers.js";
import { InvalidParameterError } from "../../client/errors.js";
import { mandateSpec, TOKEN_AMOUNT_FUNCTIONS } from "../../client/mandates.js";
import { addRecall, RecallFileError, type SignedRecallJson } from "../../client/recalls.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const [first] = await viem.getWalletClients();
const TRANSFER: Hex = "0xa9059cbb";

async function contracts() {
  const token = await viem.deployContract("MockERC20");
  const randomness = await viem.deployContract("MockRandomness");
  return { token: getAddress(token.address), randomness: getAddress(randomness.address) };
}

/** The InvalidParameterError a call is refused with. */
async function refusal(run: Promise<unknown>): Promise<InvalidParameterError> {
  const error = await run.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

describe("client mandate helpers", function () {
  it("reads an ERC-20's units, and none for a contract without decimals() or an account without code", async function () {
    const { token, randomness } = await networkHelpers.loadFixture(contracts);
    expect(await readTokenUnits(publicClient, { token })).to.deep.equal({ token, decimals: 18, symbol: "MCT" });
    expect(await readTokenUnits(publicClient, { token: randomness })).to.equal(undefined);
    expect(await readTokenUnits(publicClient, { token: getAddress(first!.account.address) })).to.equal(undefined);
  });

  it("reads caps in units: amounts in the token's decimals (raw without them), values in ether, bigints raw", async function () {
    const { token, randomness } = await networkHelpers.loadFixture(contracts);
    const powers = await resolvePowers(publicClient, {
      powers: [
        { target: token, selector: TRANSFER, maxAmount: "12.5", maxValue: "0.25" },
        { target: token, selector: "0x095ea7b3", maxAmount: 7n },
        { target: randomness, selector: "0x12345678", maxAmount: "9" },
      ],
    });
    expect(powers.map((p) => p.power)).to.deep.equal([
      { target: token, selector: TRANSFER, maxValue: parseEther("0.25"), maxAmount: parseUnits("12.5", 18) },
      { target: token, selector: "0x095ea7b3", maxValue: 0n, maxAmount: 7n },
      { target: randomness, selector: "0x12345678", maxValue: 0n, maxAmount: 9n },
    ]);
    expect(powers.map((p) => p.amountUnits?.symbol)).to.deep.equal(["MCT", undefined, undefined]);
  });

  it("refuses a token-moving power without an amount cap, a cap too large and caps that are not amounts", async function () {
    const { token, randomness } = await networkHelpers.loadFixture(contracts);
    const cases: [Parameters<typeof resolvePowers>[1]["powers"][number], RegExp][] = [
      [{ target: token, selector: TRANSFER }, /moves tokens: give the most one call may move or approve/],
      [{ target: token, selector: TRANSFER, maxAmount: 2n ** 128n }, /must be at least 0 and below 2\^128/],
      [{ target: token, selector: TRANSFER, maxAmount: "1.2.3" }, /is not an amount of MCT/],
      [{ target: randomness, selector: "0x12345678", maxAmount: "1.5" }, /is not a whole number: it is read as a raw/],
      [{ target: token, selector: "0x00000000", maxValue: "0.1e18" }, /is not an amount of ether/],
    ];
    for (const [power, message] of cases) {
      const error = await refusal(resolvePowers(publicClient, { powers: [power] }));
      expect(error.message, String(message)).to.match(message);
      expect(error.parameter).to.equal("powers");
    }
  });

  it("encodes a token function's amount in units on an ERC-20, and other whole numbers raw", async function () {
    const { token, randomness } = await networkHelpers.loadFixture(contracts);
    const to: Address = getAddress(first!.account.address);
    const mint = await encodeCall(publicClient, {
      target: token,
      signature: "mint(address,uint256)",
      args: [to, "3"],
    });
    expect(mint.tokenFunction).to.equal(true);
    expect(mint.numbers).to.deep.equal([
      { argument: 1, given: "3", value: parseUnits("3", 18), units: { token, decimals: 18, symbol: "MCT" } },
    ]);
    // A function that is not a token function reads raw, even on an ERC-20.
    const other = await encodeCall(publicClient, { target: token, signature: "setCap(uint256)", args: ["3"] });
    expect(other).to.deep.include({ tokenFunction: false, numbers: [{ argument: 0, given: "3", value: 3n }] });
    // A token function on a target without decimals() reads raw.
    const raw = await encodeCall(publicClient, { target: randomness, signature: "burn(uint256)", args: [3] });
    expect(raw).to.deep.include({ tokenFunction: true, numbers: [{ argument: 0, given: "3", value: 3n }] });
    expect(raw.token).to.equal(undefined);
    expect(Object.values(TOKEN_AMOUNT_FUNCTIONS).map((f) => f.signature)).to.include(
      "transferFrom(address,address,uint256)",
    );
    const error = await refusal(
      encodeCall(publicClient, { target: token, signature: "transfer(address,uint256)", args: [to] }),
    );
    expect(error.message).to.equal("transfer takes 2 argument(s); 1 were given, one value per argument.");
  });

  it("makes a spec with the role named one way, and refuses an empty role or a duration that is not whole seconds", function () {
    const spec = mandateSpec({
      role: " Delegate to council 0xAbCdEf0123456789aBcDeF0123456789AbCdEf01 ",
      duration: 60,
    });
    expect(spec).to.deep.include({
      role: "Delegate to council 0xabcdef0123456789abcdef0123456789abcdef01",
      title: "Carry out: Delegate to council 0xabcdef0123456789abcdef0123456789abcdef01",
      duration: 60,
    });
    expect(() => mandateSpec({ role: "  ", duration: 60 })).to.throw(InvalidParameterError, /needs a role/);
    for (const duration of [0, 1.5, 2 ** 32]) {
      expect(() => mandateSpec({ role: "cook", duration })).to.throw(InvalidParameterError, /whole number of seconds/);
    }
  });

  it("adds a signed recall to a recall file, replacing the member's earlier one, and refuses a file for another mandate", function () {
    const entry = (member: string, mandateId = "1"): SignedRecallJson => ({
      chainId: 31337,
      mandates: "0x00000000000000000000000000000000000000aa",
      mandateId,
      member: getAddress(member),
      nonce: "0",
      signature: "0x1234",
    });
    const ana = "0x00000000000000000000000000000000000000a1";
    const ben = "0x00000000000000000000000000000000000000b2";
    expect(addRecall(undefined, entry(ana))).to.deep.equal([entry(ana)]);
    const again = { ...entry(ana), signature: "0x5678" as Hex };
    expect(addRecall([entry(ana), entry(ben)], again)).to.deep.equal([entry(ben), again]);
    expect(() => addRecall([entry(ana, "2")], entry(ben))).to.throw(
      RecallFileError,
      /signed for mandate 2, not mandate 1/,
    );
  });
});
