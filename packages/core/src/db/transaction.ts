import type { Prisma } from "../generated/prisma/client.ts";
import type { Database } from "./prisma-client.ts";

/** The client inside `db.$transaction(async (tx) => …)`: everything it writes commits or none of it does. */
export type Transaction = Prisma.TransactionClient;

/** Either the pooled client or a transaction: for functions that only read or write one row. */
export type DbClient = Database | Transaction;
