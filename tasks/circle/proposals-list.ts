export { proposalsTask as default } from "./proposals.js";
