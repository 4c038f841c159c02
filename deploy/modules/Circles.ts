// Ignition module: the circle implementations, the default sortition randomness and the registry that clones them.
// Deploy with `npx hardhat ignition deploy deploy/modules/Circles.ts --network <name>`.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("Circles", (m) => {
  const circleImplementation = m.contract("Circle");
  const membershipImplementation = m.contract("CircleMembership");
  const ritualsImplementation = m.contract("CircleRituals");
  const mandatesImplementation = m.contract("Mandates");
  const badgesImplementation = m.contract("MandateBadges");
  const seatsImplementation = m.contract("CouncilSeats");
  const randomness = m.contract("PrevrandaoRandomness");
  const registry = m.contract("CircleRegistry", [
    circleImplementation,
    membershipImplementation,
    ritualsImplementation,
    mandatesImplementation,
    badgesImplementation,
    seatsImplementation,
    randomness,
  ]);
  // Mutual credit: each circle creates its own currency through the factory, by its own decision.
  const creditFactory = m.contract("CreditFactory", [registry]);
  return {
    registry,
    creditFactory,
    circleImplementation,
    membershipImplementation,
    ritualsImplementation,
    mandatesImplementation,
    badgesImplementation,
    seatsImplementation,
    randomness,
  };
});
