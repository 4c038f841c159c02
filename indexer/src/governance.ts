/**
 * Governance handlers: each event is written to its own table as it happened, and the derived tables are updated.
 */
import { ponder } from "ponder:registry";
import { circlesAndCouncils } from "ponder:schema";

// A circle or council is founded: its parts are known from this event on.
ponder.on("CircleRegistry:CircleCreated", async ({ event, context }) => {
  const { circle, creator, parts, name } = event.args;
  await context.db.insert(circlesAndCouncils).values({
    circle,
    kind: "circle",
    name,
    creator,
    membership: parts.membership,
    rituals: parts.rituals,
    mandates: parts.mandates,
    badges: parts.badges,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdInTransaction: event.transaction.hash,
  });
});
