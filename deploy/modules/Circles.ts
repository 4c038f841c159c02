// Ignition module: the circle implementations, the default sortition randomness and the registry that clones them;
// the mutual-credit factory; the basic-income hub and its ERC-20 wrapper factory; the registry of people's names.
// Deploy with `npm run deploy:local` to a local node (scripts/deploy.ts), or
// `npx hardhat ignition deploy deploy/modules/Circles.ts --network <name>`.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("Circles", (m) => {
  const circleImplementation = m.contract("Circle");
  const membershipImplementation = m.contract("CircleMembership");
  const ritualsImplementation = m.contract("CircleRituals");
  // The audit module runs by delegatecall in every circle's mandates; the implementation keeps it as an immutable.
  const mandateAudits = m.contract("MandateAudits");
  const mandatesImplementation = m.contract("Mandates", [mandateAudits]);
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
  // Basic income. Defaults follow Circles v2: day zero 15 October 2020 00:00 UTC, an invitation burns 96 of the
  // inviter's token and gives the invitee 48; for 30 days after deployment anyone may register without invitation.
  const incomeHub = m.contract("IncomeHub", [
    {
      registry,
      dayZero: m.getParameter("incomeDayZero", 1_602_720_000n),
      bootstrapPeriod: m.getParameter("incomeBootstrapPeriod", 30n * 86_400n),
      invitationCost: m.getParameter("incomeInvitationCost", 96n * 10n ** 18n),
      welcomeBonus: m.getParameter("incomeWelcomeBonus", 48n * 10n ** 18n),
      uri: m.getParameter("incomeUri", ""),
    },
  ]);
  const incomeWrappers = m.contract("IncomeWrappers", [incomeHub]);
  // People's display names and profile URIs: standalone, no owner, each account writes its own.
  const profiles = m.contract("Profiles");
  return {
    registry,
    creditFactory,
    incomeHub,
    incomeWrappers,
    profiles,
    circleImplementation,
    membershipImplementation,
    ritualsImplementation,
    mandatesImplementation,
    badgesImplementation,
    seatsImplementation,
    randomness,
  };
});
