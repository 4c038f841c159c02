/**
 * The ledger's API: SQL over HTTP at /sql/* (what @ponder/client and the client actions read) and GraphQL at
 * /graphql, both read-only views of the tables. Ponder adds /health, /ready, /status and /metrics.
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, graphql } from "ponder";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

export default app;
