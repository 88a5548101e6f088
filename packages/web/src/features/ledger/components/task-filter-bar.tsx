import { DatePicker, Form, Input, Select } from "antd";
import dayjs from "dayjs";
import { LIGHT_VALUES, TASK_STATE_VALUES } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { OrgUnitSelect } from "../../org/components/org-unit-select.tsx";
import { usePlans } from "../../plans/api/plans.ts";
import type { Light, TaskFilters, TaskState } from "../api/tasks.ts";

/** 规划 / 责任单位 / 状态 / 亮灯 / 完成时限 / 搜索: each change applies at once and goes back to page 1. */
export function TaskFilterBar({
  filters,
  onChange,
}: {
  filters: TaskFilters;
  onChange: (next: TaskFilters) => void;
}) {
  const { t } = useI18n();
  const plans = usePlans();
  const set = (patch: Partial<TaskFilters>) => {
    onChange({ ...filters, ...patch, page: 1 });
  };
  return (
    <Form layout="inline" className="filter-form">
      <Form.Item label={t("ledger.plan")} htmlFor="ledger-plan">
        <Select<string | undefined>
          id="ledger-plan"
          className="filter-select-wide"
          allowClear
          value={filters.planId}
          loading={plans.isFetching}
          onChange={(planId) => {
            set({ planId });
          }}
          options={(plans.data?.items ?? [])
            .filter((p) => p.status === "confirmed")
            .map((p) => ({ value: p.id, label: p.title }))}
        />
      </Form.Item>
      <Form.Item label={t("ledger.unit")} htmlFor="ledger-unit">
        <div className="filter-select-wide">
          <OrgUnitSelect
            id="ledger-unit"
            value={filters.unitId}
            onChange={(unitId) => {
              set({ unitId });
            }}
          />
        </div>
      </Form.Item>
      <Form.Item label={t("ledger.state")} htmlFor="ledger-state">
        <Select<TaskState | undefined>
          id="ledger-state"
          className="filter-select"
          allowClear
          value={filters.state}
          onChange={(state) => {
            set({ state });
          }}
          options={TASK_STATE_VALUES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
      </Form.Item>
      <Form.Item label={t("ledger.light")} htmlFor="ledger-light">
        <Select<Light | undefined>
          id="ledger-light"
          className="filter-select"
          allowClear
          value={filters.light}
          onChange={(light) => {
            set({ light });
          }}
          options={LIGHT_VALUES.map((l) => ({ value: l, label: t(`light.${l}`) }))}
        />
      </Form.Item>
      <Form.Item label={t("ledger.deadlineBefore")} htmlFor="ledger-deadline">
        <DatePicker
          id="ledger-deadline"
          value={filters.deadlineBefore === undefined ? null : dayjs(filters.deadlineBefore)}
          onChange={(d) => {
            set({ deadlineBefore: d === null ? undefined : d.format("YYYY-MM-DD") });
          }}
        />
      </Form.Item>
      <Form.Item label={t("ledger.search")} htmlFor="ledger-q">
        <Input.Search
          id="ledger-q"
          allowClear
          maxLength={100}
          placeholder={t("ledger.searchPlaceholder")}
          defaultValue={filters.q}
          onSearch={(q) => {
            set({ q: q.trim() === "" ? undefined : q.trim() });
          }}
        />
      </Form.Item>
    </Form>
  );
}
