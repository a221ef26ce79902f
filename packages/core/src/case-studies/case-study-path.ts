/** `/case-studies/<form ref>/<subject global id>.pdf`: where a filled form's PDF downloads. */
export const CASE_STUDY_PATH_PREFIX = "/case-studies/";

export function parseCaseStudyPath(pathname: string): { formRef: string; subjectGlobalId: string } | null {
  const match = /^\/case-studies\/([a-z0-9-]+\.[a-z0-9-]+)\/([A-Za-z0-9+/=_-]+)\.pdf$/.exec(pathname);
  return match ? { formRef: match[1] as string, subjectGlobalId: match[2] as string } : null;
}
