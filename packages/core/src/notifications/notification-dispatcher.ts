import type { Database } from "../db/prisma-client.ts";
import type { Logger } from "../observability/logger.ts";
import { type SenderOptions, sendPendingNotifications } from "./notification-sender.ts";

export interface NotificationDispatcher {
  /** Something may have been queued: send soon (after the current run, if one is going). */
  kick(): void;
  /** Resolves when no run is going: for tests and shutdown. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Drains the outbox in the API process: kicked after each GraphQL request (whose transaction
 * has committed by then), and every `intervalMs` to retry what failed. One run at a time; a
 * kick during a run asks for one more. Several API processes may run one each: claiming rows
 * with SKIP LOCKED keeps them from sending a message twice.
 */
export function startNotificationDispatcher(
  db: Database,
  options: SenderOptions,
  log: Logger,
  intervalMs = 60_000,
): NotificationDispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      try {
        const sent = await sendPendingNotifications(db, options);
        if (sent > 0) log.info({ sent }, "notifications sent");
      } catch (error) {
        log.warn(
          { err: { type: (error as Error).name, code: (error as { code?: string }).code } },
          "notifications not sent",
        );
      }
    } while (again);
  };
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(kick, intervalMs);
  timer.unref();
  return {
    kick,
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      clearInterval(timer);
      while (running) await running;
    },
  };
}
