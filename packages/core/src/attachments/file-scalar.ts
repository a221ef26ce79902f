import { builder } from "../graphql/builder.ts";

/**
 * An uploaded file, sent as a GraphQL multipart request
 * (https://github.com/jaydenseric/graphql-multipart-request-spec), which graphql-yoga parses
 * itself: resolvers receive a WHATWG `File`. Input only: files are downloaded over plain HTTP
 * (`Attachment.downloadPath`), never returned through GraphQL.
 */
builder.scalarType("File", {
  description: "A file uploaded with a GraphQL multipart request.",
  serialize: () => {
    throw new Error("File is an input-only scalar: download attachments from their downloadPath.");
  },
});
