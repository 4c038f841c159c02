import { readFileSync } from "node:fs";

import { expect } from "chai";

import * as abis from "../../client/abis.js";
import { CONTRACTS, mergedAbi } from "../../scripts/abi-contracts.js";

// client/abis.ts is generated from the artifacts by `npm run build` and committed, so apps can import it without
// building. This keeps it from going stale.
describe("client/abis", function () {
  it("matches the compiled contracts (run `npm run build` if this fails)", function () {
    const exported = abis as Record<string, unknown>;
    expect(Object.keys(exported)).to.have.members(Object.keys(CONTRACTS).map((name) => `${name}Abi`));
    const read = (path: string) =>
      (JSON.parse(readFileSync(`artifacts/contracts/${path}.json`, "utf8")) as { abi: unknown[] }).abi;
    for (const name of Object.keys(CONTRACTS) as (keyof typeof CONTRACTS)[]) {
      expect(exported[`${name}Abi`], name).to.deep.equal(mergedAbi(name, read));
    }
  });
});
