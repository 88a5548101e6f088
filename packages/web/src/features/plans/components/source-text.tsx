import { useEffect, useMemo, useRef } from "react";
import type { PlanNode, PlanTarget } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { textSegments } from "../lib/plan-model.ts";

/** Long runs of blank lines (common in pasted web pages) drawn as one; offsets stay on the spans. */
const squeeze = (text: string) => text.replace(/\n{3,}/g, "\n\n");

/**
 * The document text with every node title marked, the selected node shaded and targets underlined.
 * A click anywhere selects the innermost node there; `scrollTo` (changed by the tree) brings the
 * node's first line into view.
 */
export function SourceText({
  text,
  nodes,
  targets,
  activeNodeId,
  scrollTo,
  onSelectNode,
}: {
  text: string;
  nodes: readonly PlanNode[];
  targets: readonly PlanTarget[];
  activeNodeId: string | undefined;
  /** A request to scroll: the node and a counter, so that asking twice scrolls twice. */
  scrollTo: { nodeId: string; seq: number } | null;
  onSelectNode: (nodeId: string) => void;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const segments = useMemo(
    () => textSegments(text.length, nodes, targets, activeNodeId),
    [text.length, nodes, targets, activeNodeId],
  );

  useEffect(() => {
    const container = box.current;
    const node = nodes.find((n) => n.id === scrollTo?.nodeId);
    if (container === null || node === undefined) {
      return;
    }
    const at = container.querySelector<HTMLElement>(`[data-start="${String(node.span[0])}"]`);
    if (at !== null) {
      container.scrollTo({ top: Math.max(0, at.offsetTop - 16), behavior: "smooth" });
    }
  }, [scrollTo, nodes]);

  return (
    <div
      ref={box}
      className="plan-source"
      role="region"
      aria-label={t("review.source")}
      tabIndex={0}
      onClick={(event) => {
        const target = event.target instanceof Element ? event.target.closest("[data-node]") : null;
        const nodeId = target?.getAttribute("data-node");
        if (nodeId !== null && nodeId !== undefined && nodeId !== "") {
          onSelectNode(nodeId);
        }
      }}
    >
      {segments.map((s) => {
        const className = [
          s.isActive ? "seg-active" : "",
          s.isTitle ? "seg-title" : "",
          s.isTarget ? "seg-target" : "",
        ]
          .filter((c) => c !== "")
          .join(" ");
        const content = squeeze(text.slice(s.start, s.end));
        return s.isTitle ? (
          <mark key={s.start} data-start={s.start} data-node={s.nodeId ?? ""} className={className}>
            {content}
          </mark>
        ) : (
          <span
            key={s.start}
            data-start={s.start}
            data-node={s.nodeId ?? ""}
            className={className === "" ? undefined : className}
          >
            {content}
          </span>
        );
      })}
    </div>
  );
}
