import { useMutation } from "urql";
import { errorsOf, type FieldError, networkErrorMessage } from "./api-errors";
import { graphql } from "./generated";
import type { AttachmentKind } from "./generated/graphql";

const UploadAttachmentDocument = graphql(`
  mutation UploadAttachment($file: File!, $kind: AttachmentKind!) {
    uploadAttachment(file: $file, kind: $kind) {
      __typename
      ... on MutationUploadAttachmentSuccess { data { id filename contentType size downloadPath } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

export type UploadResult = { attachmentId: string; errors: [] } | { attachmentId: null; errors: FieldError[] };

/**
 * Uploads a file first (a GraphQL multipart request: urql sends one whenever a variable is a
 * File), so a form can then refer to it by id. The API's complaints about the file (its type,
 * judged by content; its size) are put against `field`, the form's own name for the file input.
 */
export function useUploadAttachment() {
  const [{ fetching }, upload] = useMutation(UploadAttachmentDocument);
  async function uploadFile(file: File, kind: AttachmentKind, field: string): Promise<UploadResult> {
    const result = await upload({ file, kind });
    const outcome = result.data?.uploadAttachment;
    if (outcome?.__typename === "MutationUploadAttachmentSuccess") return { attachmentId: outcome.data.id, errors: [] };
    const errors = outcome ? errorsOf(outcome) : networkErrorMessage(result.error);
    return {
      attachmentId: null,
      errors: errors.map((error) => (error.field === "file" ? { ...error, field } : error)),
    };
  }
  return { uploading: fetching, uploadFile };
}

/** "240 KB": file sizes as people read them. */
export function describeFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
