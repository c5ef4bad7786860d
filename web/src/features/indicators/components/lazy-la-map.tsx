import { lazy, Suspense } from "react";
import { LoadingState } from "../../../components/loading-state.tsx";
import type { LaMapProps } from "./la-map.tsx";

// Its own chunk: the map's code and styles load only when an indicator page shows it.
const LaMapSection = lazy(() => import("./la-map.tsx"));

/** The council map of an indicator page, loaded on demand. */
export function LaMap(props: LaMapProps) {
  return (
    <Suspense fallback={<LoadingState label="Loading the map" />}>
      <LaMapSection {...props} />
    </Suspense>
  );
}
