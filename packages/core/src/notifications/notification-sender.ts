import { encodeGlobalID } from "@pothos/plugin-relay";
import { withAuthority } from "../db/authority-scope.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AuthorityId } from "../domain/ids.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import type { Mailer } from "./mailer.ts";
import { fillIn, type NotificationEvent, type NotificationFacts, wordingFor } from "./notification-wording.ts";

export interface SenderOptions {
  mailer: Mailer;
  plugins: ReadonlyMap<string, SchemePlugin>;
  /** The portal's address, for links in messages. */
  portalUrl: string;
  /** How long a claimed message is left to its sender before another may try (a crashed sender). */
  claimForMs?: number;
}

interface ClaimedNotification {
  id: string;
  recipient_email: string;
  event: NotificationEvent;
  scheme: string;
  facts: Partial<NotificationFacts>;
  request_id: string | null;
}

const FOOTER =
  "You receive these e-mails from Pathfinder because of your role. You can choose a daily digest instead, or none, in Pathfinder.";

/** Subject and first paragraph of one notification, in its scheme's words. */
export function renderNotification(
  notification: Pick<ClaimedNotification, "event" | "scheme" | "facts">,
  options: Pick<SenderOptions, "plugins">,
) {
  const wording = wordingFor(notification.event, options.plugins.get(notification.scheme)?.notifications?.wording);
  return { subject: fillIn(wording.subject, notification.facts), body: fillIn(wording.body, notification.facts) };
}

/**
 * Claims unsent messages of one authority (digest or not) for this sender: rows another sender
 * holds are skipped (SKIP LOCKED), and a claim lapses after `claimForMs` so a sender that died
 * mid-way does not keep them for ever.
 */
async function claim(db: Database, authorityId: AuthorityId, digest: boolean, claimForMs: number) {
  return withAuthority(
    db,
    authorityId,
    (tx) =>
      tx.$queryRaw<ClaimedNotification[]>`
      UPDATE notification n SET claimed_until = now() + ${claimForMs} * interval '1 millisecond', attempts = n.attempts + 1
      FROM staff_user u
      WHERE u.id = n.recipient_id AND n.id IN (
        SELECT id FROM notification
        WHERE sent_at IS NULL AND digest = ${digest} AND attempts < 10
          AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY created_at LIMIT 200 FOR UPDATE SKIP LOCKED)
      RETURNING n.id, u.email AS recipient_email, n.event, n.scheme, n.facts, (n.facts->>'requestId') AS request_id`,
  );
}

async function settle(db: Database, authorityId: AuthorityId, ids: string[], error: unknown) {
  await withAuthority(db, authorityId, (tx) =>
    error
      ? tx.notification.updateMany({
          where: { id: { in: ids } },
          data: { claimedUntil: null, lastError: String((error as Error).message ?? error).slice(0, 500) },
        })
      : tx.notification.updateMany({ where: { id: { in: ids } }, data: { sentAt: new Date(), claimedUntil: null } }),
  );
}

const linkFor = (portalUrl: string, requestId: string | null) =>
  requestId
    ? new URL(`/requests/${encodeURIComponent(encodeGlobalID("PurchaseRequest", requestId))}`, portalUrl).href
    : portalUrl;

/** Sends every message owed at once, authority by authority. Returns how many were sent. */
export async function sendPendingNotifications(db: Database, options: SenderOptions): Promise<number> {
  let sent = 0;
  for (const authorityId of await authorities(db)) {
    for (const notification of await claim(db, authorityId, false, options.claimForMs ?? 120_000)) {
      const link = linkFor(options.portalUrl, notification.request_id);
      const { subject, body } = renderNotification(
        { ...notification, facts: { ...notification.facts, link } },
        options,
      );
      try {
        await options.mailer.send({
          to: notification.recipient_email,
          subject,
          text: `${body}\n\nOpen it in Pathfinder: ${link}\n\n${FOOTER}\n`,
        });
        await settle(db, authorityId, [notification.id], null);
        sent++;
      } catch (error) {
        await settle(db, authorityId, [notification.id], error);
      }
    }
  }
  return sent;
}

/** Sends each person who chose a digest one message listing everything owed to them. */
export async function sendDailyDigests(db: Database, options: SenderOptions): Promise<number> {
  let sent = 0;
  for (const authorityId of await authorities(db)) {
    const byRecipient = new Map<string, ClaimedNotification[]>();
    for (const notification of await claim(db, authorityId, true, options.claimForMs ?? 120_000))
      byRecipient.set(notification.recipient_email, [
        ...(byRecipient.get(notification.recipient_email) ?? []),
        notification,
      ]);
    for (const [to, notifications] of byRecipient) {
      const lines = notifications.map((notification) => {
        const link = linkFor(options.portalUrl, notification.request_id);
        return `- ${renderNotification({ ...notification, facts: { ...notification.facts, link } }, options).body}\n  ${link}`;
      });
      const count = notifications.length;
      try {
        await options.mailer.send({
          to,
          subject: `Pathfinder: ${count} thing${count === 1 ? "" : "s"} for you today`,
          text: `Since your last digest:\n\n${lines.join("\n\n")}\n\n${FOOTER}\n`,
        });
        await settle(
          db,
          authorityId,
          notifications.map((n) => n.id),
          null,
        );
        sent++;
      } catch (error) {
        await settle(
          db,
          authorityId,
          notifications.map((n) => n.id),
          error,
        );
      }
    }
  }
  return sent;
}

// The list of authorities is not tenant-owned: readable without one set.
async function authorities(db: Database): Promise<AuthorityId[]> {
  const rows = await db.authority.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  return rows.map((row) => row.id as AuthorityId);
}
