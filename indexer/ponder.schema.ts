/**
 * The ledger's tables: governance (circles, councils, members, proposals, charters, rituals, mandates, seats), money
 * (credit, income) and people (display names), each in its own file. Ponder reads every table exported here.
 */
export * from "./schema/governance.js";
export * from "./schema/money.js";
export * from "./schema/people.js";
