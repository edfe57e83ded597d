/** A configuration problem: the process stops at start with a message naming the variable (exit code 78). */
export class ConfigError extends Error {}
