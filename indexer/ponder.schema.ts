/**
 * The ledger's tables: governance (circles, councils, members, proposals, charters, rituals, mandates, seats) and
 * money (credit, income), each in its own file. Ponder reads every table exported here.
 */
export * from "./schema/governance.js";
export * from "./schema/money.js";
