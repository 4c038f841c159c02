// Client lifecycle actions the CLI tests do not reach: removing a member (built by prepareRemove, no CLI verb yet),
// listing with a limit out of range, reading an address where no circle answers, and the kind a body must be.
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { listCircles } from "../../client/actions/circle/listCircles.js";
import { prepareRemove } from "../../client/actions/circle/prepareRemove.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { resolveBody } from "../../client/actions/circle/resolveBody.js";
import {
  CommonwealError,
  InvalidParameterError,
  NoContractError,
  NotABodyError,
  NotACircleError,
  WrongBodyKindError,
} from "../../client/errors.js";
import { circleFixtures } from "../fixtures/circles.js";

const net = await network.create();
const { viem, networkHelpers } = net;
const { circleWorld, decide } = circleFixtures(net);

async function world() {
  const w = await circleWorld();
  return {
    w,
    membership: w.membership,
    publicClient: await viem.getPublicClient(),
    circle: getAddress(await w.circle.getAddress()) as Address,
    registry: getAddress(await w.registry.getAddress()) as Address,
    founder: w.founders.map((s) => getAddress(s.address) as Address),
    outsider: w.outsiders.map((s) => getAddress(s.address) as Address),
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
}

describe("client lifecycle actions", function () {
  it("builds a removal the circle carries out when it passes", async function () {
    const w = await networkHelpers.loadFixture(world);
    const removal = await prepareRemove(w.publicClient, {
      circle: w.circle,
      registry: w.registry,
      member: w.founder[5]!,
    });
    expect(removal.description).to.equal(`Remove ${w.founder[5]}`);
    expect(removal.calls).to.have.length(1);
    expect(removal.calls[0]!.target).to.equal(getAddress(await w.membership.getAddress()));
    await (await decide(w.w, [...removal.calls], removal.description)).wait();
    expect(await w.membership.isMember(w.founder[5]!)).to.equal(false);
    const after = await readCircle(w.publicClient, { circle: w.circle });
    expect(after.memberCount).to.equal(5n);
    expect(after.members).to.not.include(w.founder[5]);
  });

  it("refuses to remove someone who is not a member, and a circle's address that is no body", async function () {
    const w = await networkHelpers.loadFixture(world);
    const notMember = await failure(
      prepareRemove(w.publicClient, { circle: w.circle, registry: w.registry, member: w.outsider[0]! }),
    );
    expect(notMember).to.be.instanceOf(CommonwealError);
    expect((notMember as Error).message).to.equal(
      `${w.outsider[0]} is not a member of ${w.circle}, so there is no one to remove.`,
    );
    const stranger = await failure(resolveBody(w.publicClient, { address: w.outsider[1]!, registry: w.registry }));
    expect(stranger).to.be.instanceOf(NotABodyError);
    const noRegistry = await failure(resolveBody(w.publicClient, { address: w.circle, registry: w.outsider[1]! }));
    expect(noRegistry).to.be.instanceOf(NoContractError);
    expect((noRegistry as Error).message).to.equal(`There is no circle registry at ${w.outsider[1]} on chain 31337.`);
    const kind = await failure(
      resolveBody(w.publicClient, { address: w.circle, registry: w.registry, kind: "council", hint: "found one." }),
    );
    expect(kind).to.be.instanceOf(WrongBodyKindError);
    expect((kind as Error).message).to.equal(`${w.circle} is a circle, not a council: found one.`);
  });

  it("lists a page with its total, refuses a limit out of range, and reads no circle where none answers", async function () {
    const w = await networkHelpers.loadFixture(world);
    const page = await listCircles(w.publicClient, { registry: w.registry, limit: 1n });
    expect(page.total).to.equal(1n);
    expect(page.circles).to.deep.equal([{ address: w.circle, name: "Garden Circle", council: false, memberCount: 6n }]);
    const tooMany = await failure(listCircles(w.publicClient, { registry: w.registry, limit: 101n }));
    expect(tooMany).to.be.instanceOf(InvalidParameterError);
    expect((tooMany as InvalidParameterError).parameter).to.equal("limit");
    const nothing = await failure(readCircle(w.publicClient, { circle: w.outsider[2]! }));
    expect(nothing).to.be.instanceOf(NotACircleError);
  });
});
