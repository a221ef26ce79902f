import type { StaffUserId } from "../domain/ids.ts";
import type { Viewer, ViewerRole } from "../permissions/viewer.ts";

/** Someone whose decisions the viewer may make: themselves, or a colleague they cover for. */
export interface Principal {
  id: StaffUserId;
  name: string;
  roles: readonly ViewerRole[];
  /** true when the viewer acts as cover for this colleague. */
  cover: boolean;
}

/** The viewer and everyone they are covering for today (loaded with the session). */
export function principalsOf(viewer: Viewer): Principal[] {
  return [
    { id: viewer.id, name: viewer.name, roles: viewer.roles, cover: false },
    ...viewer.cover.map((colleague) => ({ ...colleague, cover: true })),
  ];
}

/**
 * Whether a person's roles let them decide a step: the step's role, in the step's area — or
 * in any area when the step names none (Dorset: a co-ordinator of another locality may decide
 * where a locality has none).
 */
export function holdsStepRole(roles: readonly ViewerRole[], step: { role: string; areaId: string | null }): boolean {
  return roles.some(
    (assignment) =>
      assignment.role === step.role &&
      (step.areaId === null || assignment.areaId === null || assignment.areaId === step.areaId),
  );
}
