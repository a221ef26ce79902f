import { NotificationDelivery } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { requireViewer } from "../graphql/require-viewer.ts";

const NotificationDeliveryEnum = builder.enumType(NotificationDelivery, {
  name: "NotificationDelivery",
  description: "How a member of staff hears of requests awaiting them, decisions and reviews due.",
  values: {
    IMMEDIATE: { description: "An e-mail for each event, as it happens." },
    DAILY_DIGEST: { description: "One e-mail a day listing the day's events (sent by the daily digest job)." },
    NONE: { description: "No e-mail." },
  },
});

// `as never`: TypeScript loses the validation plugin's augmentation of a field ref added to a
// prismaNode's type from outside its file; the field itself is fully typed.
builder.prismaObjectField(
  "StaffUser",
  "notificationDelivery",
  (t) =>
    t.field({
      type: NotificationDeliveryEnum,
      nullable: true,
      select: { notificationDelivery: true },
      description: "How you hear of things by e-mail; null for anyone but yourself.",
      resolve: (user, _args, context) => (user.id === context.viewer?.id ? user.notificationDelivery : null),
    }) as never,
);

builder.mutationField("setNotificationDelivery", (t) =>
  t.field({
    type: NotificationDeliveryEnum,
    description:
      "Chooses how you hear of requests awaiting you, decisions and reviews due: at once, daily, or not at all.",
    errors: { types: [...standardErrors], dataField: { description: "The choice now saved." } },
    args: { delivery: t.arg({ type: NotificationDeliveryEnum, description: "The choice." }) },
    resolve: async (_root, { delivery }, context) => {
      const viewer = requireViewer(context);
      const saved = await context.db.staffUser.update({
        where: { id: viewer.id },
        data: { notificationDelivery: delivery },
        select: { notificationDelivery: true },
      });
      return saved.notificationDelivery;
    },
  }),
);
