// Notifications by e-mail, delivered over real SMTP to a server on loopback and read back with
// a mail parser: who is told of what, in the scheme's words, with the case reference and the
// child's initials, never the child's name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../../src/notifications/mailer.ts";
import { startNotificationDispatcher } from "../../src/notifications/notification-dispatcher.ts";
import { sendDailyDigests, sendPendingNotifications } from "../../src/notifications/notification-sender.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { defineSchemePlugin, type SchemePlugin } from "../../src/plugins/plugin-contract.ts";
import { runReviewsDue } from "../../src/purchases/reviews-due.ts";
import { coreScheme, StaticSchemeRegistry } from "../../src/schemes/core-scheme.ts";
import {
  CASE_REFERENCE,
  CHILD_FAMILY_NAME,
  CHILD_GIVEN_NAME,
  seedWorldWithNamedChild,
} from "../observability/observability-world.ts";
import { draftInput, purchaseApi } from "../purchases/support/purchase-api.ts";
import { PASSWORD } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type ReceivedMail, startSmtpInbox } from "./smtp-inbox.ts";

// A scheme that words its messages its own way (only the parts it names change).
const wordy = defineSchemePlugin({
  ...({} as Omit<SchemePlugin, "notifications">),
  id: "wordy",
  notifications: {
    wording: {
      "approval-awaited": {
        subject: "Application {reference} needs the {step}",
        body: "The family support application {reference} ({amount}, case {caseReference}, {initials}) needs the {step}.",
      },
      "decision-made": { subject: "Your application {reference} was {outcome} by the panel" },
    },
  },
});
const plugins = new Map<string, SchemePlugin>([["wordy", wordy]]);

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedWorldWithNamedChild>>;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let api: ReturnType<typeof createTestApi>;
const registry = new StaticSchemeRegistry().register({ ...coreScheme, schemeId: "wordy", rulesVersion: "wordy-1" });
const PORTAL = "http://portal.test";

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedWorldWithNamedChild(database.db);
  await database.db.budget.update({ where: { id: world.budgetId }, data: { scheme: "wordy" } });
  inbox = await startSmtpInbox();
  api = createTestApi(database.db, { schemes: registry });
});
afterAll(async () => {
  await inbox.close();
  await database.drop();
});

const sender = () => ({
  mailer: smtpMailer(inbox.url, "Pathfinder <no-reply@pathfinder.test>"),
  plugins,
  portalUrl: PORTAL,
});

function expectNoChildName(mail: ReceivedMail) {
  const everything = `${mail.parsed.subject}\n${mail.parsed.text}\n${mail.parsed.html || ""}`;
  expect(everything).not.toContain(CHILD_GIVEN_NAME);
  expect(everything).not.toContain(CHILD_FAMILY_NAME);
}

const SET_DELIVERY = `mutation ($delivery: NotificationDelivery!) {
  setNotificationDelivery(delivery: $delivery) { __typename ... on MutationSetNotificationDeliverySuccess { data } }
}`;

describe("e-mail notifications", () => {
  let requestId: string;
  let reference: string;
  const purchases = () => purchaseApi(api);

  it("tell the approvers of the step that a request awaits them, in the scheme's words, after the commit", async () => {
    const [lp, approver] = await Promise.all([
      api.signIn("lp@alpha.test", PASSWORD),
      api.signIn("approver@alpha.test", PASSWORD),
    ]);
    // The North approver takes a daily digest; the other North approver (dual) hears at once.
    expect(
      (await api.graphql(SET_DELIVERY, { delivery: "DAILY_DIGEST" }, approver)).data?.setNotificationDelivery.data,
    ).toBe("DAILY_DIGEST");
    expect((await api.graphql("{ me { notificationDelivery } }", {}, approver)).data?.me.notificationDelivery).toBe(
      "DAILY_DIGEST",
    );
    const draft = await purchases().create(
      lp,
      draftInput(world, [{ unitCost: 4_250 }], {
        intendedOutcomes: `${CHILD_GIVEN_NAME} ${CHILD_FAMILY_NAME} sleeps safely.`,
      }),
    );
    requestId = draft.id;
    reference = draft.reference;
    // Nothing is sent inside the transaction: the outbox holds the messages until a sender runs.
    await purchases().submit(lp, draft.id);
    expect(inbox.received).toEqual([]);
    expect(await database.db.notification.count({ where: { sentAt: null } })).toBe(2);

    expect(await sendPendingNotifications(database.app, sender())).toBe(1);
    const [mail, ...others] = inbox.take();
    expect(others).toEqual([]);
    expect(mail?.envelopeTo).toEqual(["dual@alpha.test"]);
    expect(mail?.parsed.subject).toBe(`Application ${reference} needs the Approver`);
    expect(mail?.parsed.text).toContain(
      `The family support application ${reference} (£42.50, case ${CASE_REFERENCE}, Z. Q.) needs the Approver.`,
    );
    expect(mail?.parsed.text).toContain(`${PORTAL}/requests/`);
    expectNoChildName(mail as ReceivedMail);
    // Sent once: a second run finds nothing owed.
    expect(await sendPendingNotifications(database.app, sender())).toBe(0);
  });

  it("tell the lead professional of the decision, in core's words where the scheme gives none for the body", async () => {
    const approver = await api.signIn("approver@alpha.test", PASSWORD);
    await purchases().decide(approver, requestId, "APPROVE", `Approved for ${CHILD_GIVEN_NAME} ${CHILD_FAMILY_NAME}.`);
    expect(await sendPendingNotifications(database.app, sender())).toBe(1);
    const [mail] = inbox.take();
    expect(mail?.envelopeTo).toEqual(["lp@alpha.test"]);
    expect(mail?.parsed.subject).toBe(`Your application ${reference} was approved by the panel`);
    expect(mail?.parsed.text).toContain(
      `Purchase request ${reference} for £42.50 (case ${CASE_REFERENCE}, child Z. Q.) has been approved.`,
    );
    expectNoChildName(mail as ReceivedMail);
  });

  it("gather a digest's messages into one e-mail per person, sent by the daily job", async () => {
    expect(await sendDailyDigests(database.app, sender())).toBe(1);
    const [mail, ...others] = inbox.take();
    expect(others).toEqual([]);
    expect(mail?.envelopeTo).toEqual(["approver@alpha.test"]);
    expect(mail?.parsed.subject).toBe("Pathfinder: 1 thing for you today");
    expect(mail?.parsed.text).toContain(`The family support application ${reference}`);
    expectNoChildName(mail as ReceivedMail);
    expect(await sendDailyDigests(database.app, sender())).toBe(0);
  });

  it("tell the lead professional when the outcome review falls due", async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await runReviewsDue(database.app, registry, later)).toBe(1);
    expect(await sendPendingNotifications(database.app, sender())).toBe(1);
    const [mail] = inbox.take();
    expect(mail?.envelopeTo).toEqual(["lp@alpha.test"]);
    expect(mail?.parsed.subject).toBe(`The outcome review of ${reference} is due`);
    expect(mail?.parsed.text).toContain(`case ${CASE_REFERENCE}`);
    expectNoChildName(mail as ReceivedMail);
  });

  it("keep a message that could not be sent, and send it on a later run", async () => {
    const lp = await api.signIn("lp@alpha.test", PASSWORD);
    await api.graphql(SET_DELIVERY, { delivery: "NONE" }, await api.signIn("approver@alpha.test", PASSWORD));
    const draft = await purchases().create(lp, draftInput(world, [{ unitCost: 1_000 }]));
    await purchases().submit(lp, draft.id);
    const unreachable = { ...sender(), mailer: smtpMailer("smtp://127.0.0.1:9", "no-reply@pathfinder.test") };
    expect(await sendPendingNotifications(database.app, unreachable)).toBe(0);
    const kept = await database.db.notification.findFirstOrThrow({ where: { sentAt: null } });
    expect(kept).toMatchObject({ attempts: 1, claimedUntil: null });
    expect(kept.lastError).toBeTruthy();
    expect(await sendPendingNotifications(database.app, sender())).toBe(1);
    // The approver chose no e-mail: only dual was told.
    expect(inbox.take().map((mail) => mail.envelopeTo)).toEqual([["dual@alpha.test"]]);
  });

  it("are sent by the API soon after the request that queued them", async () => {
    const dispatcher = startNotificationDispatcher(database.app, sender(), createLogger({ level: "silent" }));
    const served = createTestApi(database.db, { schemes: registry, notifications: dispatcher });
    const lp = await served.signIn("lp@alpha.test", PASSWORD);
    const draft = await purchaseApi(served).create(lp, draftInput(world, [{ unitCost: 1_500 }]));
    await purchaseApi(served).submit(lp, draft.id);
    await dispatcher.idle();
    await dispatcher.stop();
    const [mail] = inbox.take();
    expect(mail?.envelopeTo).toEqual(["dual@alpha.test"]);
    expect(mail?.parsed.subject).toBe(`Application ${draft.reference} needs the Approver`);
  });
});
