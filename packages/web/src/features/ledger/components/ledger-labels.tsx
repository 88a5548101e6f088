import { Tag, Tooltip } from "antd";
import type { TaskSummary } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Light, TaskState } from "../api/tasks.ts";

const LIGHT_COLORS: Record<Light, string> = {
  red: "#f5222d",
  yellow: "#faad14",
  blue: "#1677ff",
  green: "#52c41a",
  grey: "#bfbfbf",
};

const STATE_COLORS: Record<TaskState, string> = {
  pending: "default",
  assigned: "processing",
  inProgress: "blue",
  underReview: "gold",
  closed: "success",
  suspended: "default",
};

/** 亮灯: a coloured dot and its name (红灯 …), the reason in a tooltip and in the accessible name. */
export function LightTag({ light, reason }: { light: Light; reason: string }) {
  const { t } = useI18n();
  const name = t(`light.${light}`);
  return (
    <Tooltip title={reason === "" ? name : reason}>
      <Tag className="light-tag" aria-label={reason === "" ? name : `${name}：${reason}`}>
        <span className="light-dot" style={{ background: LIGHT_COLORS[light] }} aria-hidden />
        {name}
      </Tag>
    </Tooltip>
  );
}

/** 状态: the server's label wins; our dictionary fills in when it sends none. */
export function StateTag({ task }: { task: Pick<TaskSummary, "state" | "stateLabel"> }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[task.state]}>{task.stateLabel || t(`state.${task.state}`)}</Tag>;
}
