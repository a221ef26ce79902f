"use client";
import { useState } from "react";

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** Cursor pagination state: the cursors of the pages before this one, so "Previous" goes back. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  return {
    after,
    page: cursors.length,
    next: (pageInfo: PageInfo) => pageInfo.endCursor && setCursors([...cursors, pageInfo.endCursor]),
    previous: () => setCursors(cursors.slice(0, -1)),
    reset: () => setCursors([null]),
  };
}

export function Pagination({
  pages,
  pageInfo,
  label,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: PageInfo | undefined;
  label: string;
}) {
  if (!pageInfo || (pages.page === 1 && !pageInfo.hasNextPage)) return null;
  return (
    <nav className="govuk-pagination" aria-label={`${label} pages`}>
      {pages.page > 1 && (
        <div className="govuk-pagination__prev">
          <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={pages.previous}>
            <span className="govuk-pagination__link-title">Previous page</span>
          </button>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0 govuk-!-margin-left-4 govuk-!-margin-right-4">
        Page {pages.page}
      </p>
      {pageInfo.hasNextPage && (
        <div className="govuk-pagination__next">
          <button
            type="button"
            className="govuk-link govuk-pagination__link app-link-button"
            onClick={() => pages.next(pageInfo)}
          >
            <span className="govuk-pagination__link-title">Next page</span>
          </button>
        </div>
      )}
    </nav>
  );
}
