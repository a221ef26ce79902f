import type { SchemePlugin } from "@pathfinder/core";

type Builder = Parameters<NonNullable<SchemePlugin["graphql"]>>[0];

/**
 * An error a person can act on, with a stable code. Named "DomainError" so core treats it as one
 * of its own (never masked); registered as `LeedsError` under core's Error interface, so Leeds'
 * mutations return it as a typed result, as core's mutations do.
 */
export class LeedsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function registerLeedsError(builder: Builder) {
  builder.objectType(LeedsError, {
    name: "LeedsError",
    description: "Something about Leeds' Early Intervention Fund a person can act on.",
    interfaces: ["Error" as never],
    fields: (t) => ({
      field: t.exposeString("field", { nullable: true, description: "The input field this error concerns, if any." }),
    }),
  });
}

/** The scheme gate, with its refusal as a typed Leeds error (for mutations' typed results). */
export async function gateOrLeedsError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code) throw new LeedsError(code, message ?? "You cannot do this.");
    throw error;
  }
}
