import { Suspense } from "react";
import type { ReactNode } from "react";
import { PageSpinner } from "../require-auth.tsx";

/** Suspense for pages outside the main layout (/login, /password). */
export function StandaloneSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>;
}
