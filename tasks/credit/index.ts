// `npx hardhat credit <verb>`.
export const creditTasks = [];
