import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import type { GraphQLContext } from "./context.ts";

/** Carries an errors-as-data result out of the savepoint, so the savepoint is rolled back. */
class AnsweredWithError {
  constructor(readonly result: unknown) {}
}

/**
 * Every top-level mutation field runs in a savepoint of the request's transaction, and is
 * rolled back when it fails: whether it throws, or answers with an error as data (Pothos'
 * errors plugin turns a thrown DomainError into a returned Error object, which the request
 * transaction would otherwise commit along with any write made before the error).
 * Wrapped here, once, on the built schema, so no mutation can forget it.
 */
export function runEachMutationInASavepoint(schema: GraphQLSchema): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: GraphQLContext, info) => {
      try {
        return await context.db.$transaction(async () => {
          const result = await resolve(source, args, context, info);
          if (result instanceof Error) throw new AnsweredWithError(result);
          return result;
        });
      } catch (error) {
        if (error instanceof AnsweredWithError) return error.result;
        throw error;
      }
    };
  }
}
