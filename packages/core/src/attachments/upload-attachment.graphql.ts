import { builder } from "../graphql/builder.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { AttachmentKindEnum, AttachmentNode } from "./attachment.graphql.ts";
import "./file-scalar.ts";
import { uploadAttachment } from "./upload-attachment.ts";

builder.mutationField("uploadAttachment", (t) =>
  t.field({
    type: AttachmentNode,
    description:
      "Uploads a file as a GraphQL multipart request. PDF, PNG or JPEG (assessments may also be Word .docx), " +
      "judged by content, up to the configured size (10 MB unless set otherwise).",
    errors: { types: [...standardErrors], dataField: { description: "The stored file." } },
    args: {
      file: t.arg({ description: "The file, sent as a GraphQL multipart request.", type: "File" }),
      kind: t.arg({ description: "What the file is for; it limits the file types allowed.", type: AttachmentKindEnum }),
    },
    resolve: (_root, { file, kind }, context) => uploadAttachment(context, file, kind),
  }),
);
