import { InputValidationError } from "@pothos/plugin-validation";
import { recordAudit } from "../audit/audit-log.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { hashPassword, passwordMatches } from "./password-hashing.ts";
import { newPasswordSchema } from "./password-policy.ts";
import { hashSessionToken } from "./session-tokens.ts";

/**
 * Changes the signed-in person's password: the new one must meet the policy and the current one
 * must be right (a check that counts towards the sign-in limits, so a stolen session cannot be
 * used to guess it). Every other session of theirs ends, in case the old password had leaked.
 */
export async function changePassword(
  context: GraphQLContext,
  currentPassword: string,
  newPassword: string,
  recordedAttempt: () => { succeeded(): void },
) {
  const viewer = requireViewer(context);
  const policy = newPasswordSchema(viewer.email).safeParse(newPassword);
  if (!policy.success)
    throw new InputValidationError({
      issues: policy.error.issues.map((issue) => ({ message: issue.message, path: ["newPassword"] })),
    });
  if (newPassword === currentPassword)
    throw new DomainError("SAME_PASSWORD", "Choose a password different from your current one.", "newPassword");

  const user = await context.db.staffUser.findUniqueOrThrow({ where: { id: viewer.id } });
  if (!user.passwordHash)
    throw new DomainError(
      "NO_PASSWORD",
      "You sign in through your authority's single sign-on: change your password there.",
    );
  const attempt = recordedAttempt();
  if (!(await passwordMatches(user.passwordHash, currentPassword)))
    throw new DomainError("BAD_CREDENTIALS", "Your current password is not right.", "currentPassword");
  attempt.succeeded();

  const passwordHash = await hashPassword(newPassword);
  const keep = context.sessionToken ? hashSessionToken(context.sessionToken) : "";
  await context.db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: viewer.id }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { staffUserId: viewer.id, revokedAt: null, tokenHash: { not: keep } },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, viewer, {
      action: "staff.password.change",
      entityType: "StaffUser",
      entityId: viewer.id,
      summary: `${viewer.name} changed their password; their other sessions were ended`,
    });
  });
  return true;
}
