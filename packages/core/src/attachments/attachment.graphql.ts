import { AttachmentKind } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { attachmentDownloadPath } from "./attachment-path.ts";

export const AttachmentKindEnum = builder.enumType(AttachmentKind, {
  name: "AttachmentKind",
  values: {
    ASSESSMENT: { description: "An assessment form (CAF); seen by whoever may read the case." },
    RECEIPT: { description: "A receipt or invoice; seen by the case's readers and finance." },
    OTHER: { description: "Any other supporting document." },
  },
  description: "What an attachment is for: it decides who may see it and which file types it may be.",
});

export const AttachmentNode = builder.prismaNode("Attachment", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "An uploaded file (a CAF form, a receipt). Its bytes are downloaded from `downloadPath`.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Attachment")] }),
  // Who may read a file can depend on the case it belongs to (a lead professional reads the files
  // of the cases they lead), which a loaded row does not carry, so there is no in-memory
  // `authScopes` check: every path that loads an attachment (node, an assessment's document, a
  // receipt's file, the download route) filters in SQL with accessibleBy.
  fields: (t) => ({
    kind: t.expose("kind", { description: "What the file is for.", type: AttachmentKindEnum }),
    filename: t.exposeString("filename", { description: "The file's name as uploaded (made safe)." }),
    contentType: t.exposeString("contentType", { description: "The type detected from the content, not the name." }),
    size: t.exposeInt("size", { description: "In bytes." }),
    sha256: t.exposeString("sha256", { description: "SHA-256 of the content, in hex." }),
    createdAt: t.expose("createdAt", { description: "When it was uploaded.", type: "DateTime" }),
    uploadedBy: t.prismaField({
      description: "Who uploaded it; null if you may not see them.",
      type: "StaffUser",
      // The uploader may have left, or be someone this viewer may not see.
      nullable: true,
      resolve: (query, attachment, _args, context) =>
        context.db.staffUser.findFirst({
          ...query,
          where: { AND: [accessibleBy(context.ability).ofType("StaffUser"), { id: attachment.uploadedById }] },
        }),
    }),
    downloadPath: t.string({
      description: "GET this path (signed in) for the file's bytes, served as a download.",
      resolve: (attachment) => attachmentDownloadPath(attachment.id),
    }),
  }),
});
