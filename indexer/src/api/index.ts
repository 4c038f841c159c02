/**
 * The ledger's API: SQL over HTTP at /sql/* (what @ponder/client reads), GraphQL at /graphql (what the client's
 * ledger actions read), both read-only views of the tables, and a circle's sovereignty scorecard at
 * /scorecard/<circle> (the client action readScorecard, run against this very API, so the scorecard served here and
 * the one `npx hardhat ledger scorecard` prints are computed once, the same way). Ponder adds /health, /ready,
 * /status and /metrics.
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, graphql } from "ponder";
import { isAddress } from "viem";

import { readScorecard } from "../../../client/actions/ledger/readScorecard.js";
import { LedgerCircleNotFoundError } from "../../../client/actions/ledger/readLedgerCircle.js";
import { toJson } from "../../../client/json.js";
import { ScorecardOptionError, parseScorecardQuery } from "../../../client/scorecard.js";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

/**
 * GET /scorecard/<circle>[?periods=<n>][&<threshold>=<value>…]: the scorecard as JSON (bigints as strings). Query
 * fields named like the thresholds (e.g. `minParticipationBps=4000`) judge by the viewer's thresholds.
 */
app.get("/scorecard/:circle", async (c) => {
  const circle = c.req.param("circle");
  if (!isAddress(circle, { strict: false })) return c.json({ error: `"${circle}" is not an address.` }, 400);
  try {
    const options = parseScorecardQuery(c.req.query());
    const card = await readScorecard({ url: new URL(c.req.url).origin }, { circle, ...options });
    return c.body(toJson(card), 200, { "content-type": "application/json" });
  } catch (error) {
    if (error instanceof ScorecardOptionError) return c.json({ error: error.message, name: error.name }, 400);
    if (error instanceof LedgerCircleNotFoundError) return c.json({ error: error.message, name: error.name }, 404);
    throw error;
  }
});

export default app;
