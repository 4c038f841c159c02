// The money side's tables (mutual credit, income): written on branch h/money14.
export {};
