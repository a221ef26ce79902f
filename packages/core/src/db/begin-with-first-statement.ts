import type pg from "pg";

type Query = (...args: unknown[]) => unknown;
type QueryConfig = { text?: string; values?: unknown[]; name?: string; rows?: number; queryMode?: string };

/** What joins held statements to the next in one message; tests split on it to count statements. */
export const STATEMENT_SEPARATOR = ";\n";

const SAVEPOINT = /^SAVEPOINT ([a-z_][a-z0-9_]*)$/i;
const RELEASE = /^RELEASE SAVEPOINT ([a-z_][a-z0-9_]*)$/i;
const ROLLBACK_TO = /^ROLLBACK TO SAVEPOINT ([a-z_][a-z0-9_]*)$/i;

const emptyResult = (command: string) => ({ command, rowCount: null, oid: 0, fields: [], rows: [] });

/** A statement pg sends by the simple query protocol, in which one message may carry several. */
function simpleText(config: unknown, values: unknown): string | null {
  const noValues = !Array.isArray(values) || values.length === 0;
  if (typeof config === "string") return noValues ? config : null;
  if (!config || typeof config !== "object" || typeof (config as { submit?: unknown }).submit === "function")
    return null;
  const { text, values: own, name, rows, queryMode } = config as QueryConfig;
  const simple = noValues && (!own || own.length === 0) && !name && !rows && queryMode !== "extended";
  return simple && typeof text === "string" ? text : null;
}

/**
 * The transaction-control statements a connection has been asked for but not yet sent, and
 * what they can be reduced to without changing what the database does.
 */
class HeldStatements {
  private held: string[] = [];
  /** Savepoints opened with nothing run since the one before: the same point in the transaction. */
  private sameAs = new Map<string, string>();

  private resolve(name: string): string {
    return this.sameAs.get(name) ?? name;
  }

  private get last(): string | undefined {
    return this.held[this.held.length - 1];
  }

  /** Takes the statement if it can wait; returns false when it must be sent now (after take()). */
  hold(text: string): boolean {
    if (text === "BEGIN") {
      this.held.push(text);
      return true;
    }
    const savepoint = SAVEPOINT.exec(text)?.[1];
    if (savepoint) {
      // A savepoint straight after another marks the same point: rolling back to either undoes
      // the same work, and the outer one's release or the commit releases both.
      const previous = this.last && SAVEPOINT.exec(this.last)?.[1];
      if (previous) this.sameAs.set(savepoint, previous);
      else this.held.push(`SAVEPOINT ${savepoint}`);
      return true;
    }
    const released = RELEASE.exec(text)?.[1];
    if (released) {
      if (this.sameAs.has(released)) return true;
      if (this.last === `SAVEPOINT ${released}`) this.held.pop();
      else this.held.push(`RELEASE SAVEPOINT ${released}`);
      return true;
    }
    const rolledBackTo = ROLLBACK_TO.exec(text)?.[1];
    // Nothing has run since the savepoint was made: there is nothing to undo.
    if (rolledBackTo && this.last === `SAVEPOINT ${this.resolve(rolledBackTo)}`) return true;
    return false;
  }

  /** The statement as it must be sent (a savepoint under the name it was really made with). */
  rewrite(text: string): string {
    const rolledBackTo = ROLLBACK_TO.exec(text)?.[1];
    return rolledBackTo ? `ROLLBACK TO SAVEPOINT ${this.resolve(rolledBackTo)}` : text;
  }

  /** Everything held, to send before (or with) `next`; COMMIT and ROLLBACK end the transaction. */
  take(next: string | null): string[] {
    let held = this.held;
    if (next === "COMMIT" || next === "ROLLBACK") {
      // Releasing savepoints just before the commit changes nothing the commit does not do.
      while (held.length && RELEASE.test(held[held.length - 1] as string)) held = held.slice(0, -1);
      this.sameAs.clear();
      // Held savepoints cannot matter to a rollback; a held BEGIN means nothing was sent at all.
      if (next === "ROLLBACK") held = held.filter((text) => text === "BEGIN");
    }
    this.held = [];
    return held;
  }

  clear(): void {
    this.held = [];
    this.sameAs.clear();
  }
}

const wrapped = new WeakSet<pg.PoolClient>();
const heldBy = new WeakMap<pg.PoolClient, HeldStatements>();

/**
 * Prisma's pg adapter sends `BEGIN`, each `SAVEPOINT` and `RELEASE SAVEPOINT` on its own and
 * waits for each answer. The pool's connections here hold those back and send them in the same
 * message as the next statement when it has no parameters (the simple query protocol carries
 * several statements in one message and answers each in order; pg returns the last answer, the
 * one the caller asked for), or in one message just before a parameterised one. Every request's
 * first statement is written for this (server/viewer-from-request.ts), so `BEGIN` costs no wait.
 *
 * While holding them, it drops the ones that cannot change what the database does: a savepoint
 * made straight after another (a mutation's savepoint holding a service's own "transaction"),
 * a savepoint released or rolled back to with nothing run since, and releases just before
 * COMMIT. A transaction with nothing run in it is not sent at all. Every other statement goes
 * in the order it was asked for. Written here because neither pg nor the adapter offers it.
 */
export function sendBeginWithFirstStatement(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const held = new HeldStatements();
    heldBy.set(client, held);
    const query = client.query.bind(client) as Query;
    const sendHeld = async (statements: string[]) => {
      if (statements.length) await (query(statements.join(STATEMENT_SEPARATOR)) as Promise<unknown>);
    };
    (client as unknown as { query: Query }).query = (...args: unknown[]) => {
      const [config, values] = args;
      const callback = args.some((arg) => typeof arg === "function");
      const text = callback ? null : simpleText(config, values);
      if (text === null) {
        // Anything else (parameterised, prepared, a cursor, a callback) goes as it came, after
        // what is held; with nothing held, at once (pg's own pool.query passes a callback).
        const pending = held.take(null);
        return pending.length ? sendHeld(pending).then(() => query(...args)) : query(...args);
      }
      if (held.hold(text)) return Promise.resolve(emptyResult(text.split(" ")[0] as string));
      const statements = [...held.take(text), held.rewrite(text)];
      const pending = statements.filter((statement) => statement !== "BEGIN");
      // COMMIT or ROLLBACK of a transaction in which nothing was sent: there is nothing to end.
      if (statements[0] === "BEGIN" && pending.length === 1 && (text === "COMMIT" || text === "ROLLBACK"))
        return Promise.resolve(emptyResult(text));
      const together = statements.join(STATEMENT_SEPARATOR);
      const sent = typeof config === "string" ? together : { ...(config as QueryConfig), text: together };
      return (query(sent) as Promise<unknown>).then((results) =>
        Array.isArray(results) ? results[results.length - 1] : results,
      );
    };
  });
  // A connection handed back owes nothing held for the transaction it was lent for.
  pool.on("release", (_error: unknown, client: pg.PoolClient) => heldBy.get(client)?.clear());
}
