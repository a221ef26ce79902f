import { DomainError } from "../graphql/domain-errors.ts";
import { describeSize } from "./attachment-limits.ts";

// Each refusal has its own stable code, and a message that says what to do next.

export class EmptyFileError extends DomainError {
  constructor(filename: string) {
    super(
      "EMPTY_FILE",
      `${filename} is empty (0 bytes). Check that it opens on your device, then choose it again.`,
      "file",
    );
  }
}

export class FileTooLargeError extends DomainError {
  constructor(filename: string, size: number, limit: number) {
    super(
      "FILE_TOO_LARGE",
      `${filename} is ${describeSize(size)}; the largest file you can upload is ${describeSize(limit)}. ` +
        "Scan it at a lower resolution, or split it into smaller files.",
      "file",
    );
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor(filename: string, accepted: string) {
    super(
      "UNSUPPORTED_FILE_TYPE",
      `${filename} is not a ${accepted} file (we check what is inside the file, not its name). ` +
        `Save or scan it as ${accepted}, then upload it again.`,
      "file",
    );
  }
}
