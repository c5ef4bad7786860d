import { useSearchParams } from "react-router";
import { BoardPack } from "../../features/plan/components/board-pack.tsx";

/** `/board-pack?plan=…&area=…`: the print view of the overview. */
export default function BoardPackRoute() {
  const [searchParams] = useSearchParams();
  return <BoardPack planCode={searchParams.get("plan")} areaCode={searchParams.get("area")} />;
}
