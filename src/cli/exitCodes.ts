/**
 * Exit statuses. Every input error (usage, unreadable file, invalid scenario) shares 2 so
 * scripts need one check; 1 is reserved for bugs in chips itself.
 */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
