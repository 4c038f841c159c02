// `npx hardhat circle <verb>`.
export const circleTasks = [];
