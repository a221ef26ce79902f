// `npm run jobs:notifications` sends whatever the outbox still owes (the API sends as it goes;
// run this from cron too if the API runs without SMTP_URL). `npm run jobs:notifications-digest`
// sends each person who chose a daily digest their one e-mail: schedule it once a day.
// Connects as the application role, like the API, and works authority by authority.
import { loadConfig } from "../config.ts";
import { applicationDatabaseUrl } from "../db/application-role.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import { sendDailyDigests, sendPendingNotifications } from "./notification-sender.ts";
import { mailerFromEnvironment, portalUrlFromEnvironment } from "./notification-settings.ts";

const url = process.env.DATABASE_URL;
const mailer = mailerFromEnvironment();
if (!url || !mailer) {
  console.error("Set DATABASE_URL to the database and SMTP_URL to the mail server to run the job.");
  process.exit(2);
}
const digest = process.argv.includes("--digest");
const db = createPrismaClient(await applicationDatabaseUrl(url), 2);
const options = { mailer, plugins: checkPlugins((await loadConfig()).plugins), portalUrl: portalUrlFromEnvironment() };
const sent = digest ? await sendDailyDigests(db, options) : await sendPendingNotifications(db, options);
console.log(`${digest ? "Digests" : "Notifications"} sent: ${sent}`);
mailer.close();
await db.$disconnect();
