import { Select, Space, Tag, Typography } from "antd";
import { useSearchParams } from "react-router";
import { TEACHING_POINT_POLICY_VALUES } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Policy } from "../api/balance.ts";

function isPolicy(v: string | null): v is Policy {
  return (TEACHING_POINT_POLICY_VALUES as readonly (string | null)[]).includes(v);
}

/**
 * The 教学点 policy of the resource evaluation, kept in the address (`?policy=`, default `include`) so
 * that 资源配置, 达标方案 and 情景模拟 use the same one and a link reproduces the figures.
 */
export function usePolicy(): [Policy, (p: Policy) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("policy");
  const policy: Policy = isPolicy(raw) ? raw : "include";
  const set = (p: Policy) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("policy", p);
        return next;
      },
      { replace: true },
    );
  };
  return [policy, set];
}

/** The 教学点 policy chooser, labelled, for a toolbar. */
export function PolicySelect({ value, onChange }: { value: Policy; onChange: (p: Policy) => void }) {
  const { t } = useI18n();
  return (
    <Space>
      <Typography.Text strong id="eval-policy-label">
        {t("eval.policy.label")}
      </Typography.Text>
      <Select<Policy>
        aria-labelledby="eval-policy-label"
        value={value}
        style={{ minWidth: 220 }}
        onChange={onChange}
        options={TEACHING_POINT_POLICY_VALUES.map((p) => ({ value: p, label: t(`eval.policy.${p}`) }))}
      />
    </Space>
  );
}

/** The policy a result was computed with, shown on every report and result. */
export function PolicyTag({ policy }: { policy: Policy }) {
  const { t } = useI18n();
  return (
    <Tag color="blue" className="eval-policy-tag">
      {t("eval.policy.shown", { policy: t(`eval.policy.${policy}`) })}
    </Tag>
  );
}
