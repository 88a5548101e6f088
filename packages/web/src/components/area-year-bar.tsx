/**
 * The unit-and-year choice shared by 指标监测 and 督导评估: kept in the address (`?unit=&year=`) so a
 * view can be bookmarked and sent, defaulting to the top area of the user's scope and the latest
 * published 统计年度 (statistics of year Y appear in Y+1, so two years back).
 */
import { useMemo } from "react";
import { InputNumber, Select, Space } from "antd";
import { useSearchParams } from "react-router";
import type { OrgUnit } from "@luoshi/contracts";
import { useOrgUnits, useScopeRoots, TREE_PAGE_SIZE } from "../features/org/api/org-units.ts";
import { useI18n } from "../lib/i18n.tsx";

/** The chosen unit and year; `unit` is undefined while the scope loads. */
export interface AreaYear {
  unit: OrgUnit | undefined;
  year: number;
  /** Units the user may pick: the scope's top area and the areas right below it. */
  choices: OrgUnit[];
  setUnit: (id: string) => void;
  setYear: (year: number) => void;
}

const AREA_KINDS: ReadonlySet<OrgUnit["kind"]> = new Set(["province", "city", "county", "township"]);

/** The default 统计年度: two years before today. */
function defaultStatsYear(): number {
  return new Date().getFullYear() - 2;
}

/** Reads and writes `?unit=&year=`. */
export function useAreaYear(): AreaYear {
  const [params, setParams] = useSearchParams();
  const roots = useScopeRoots();
  const top = roots.data?.find((u) => AREA_KINDS.has(u.kind)) ?? roots.data?.[0];
  const below = useOrgUnits({ parentId: top?.id ?? "", pageSize: TREE_PAGE_SIZE }, top !== undefined);
  const choices = useMemo(() => {
    const list = top === undefined ? [] : [top];
    for (const u of below.data?.items ?? []) {
      if (AREA_KINDS.has(u.kind)) {
        list.push(u);
      }
    }
    return list;
  }, [top, below.data]);
  const wanted = params.get("unit");
  const unit = choices.find((u) => u.id === wanted) ?? top;
  const yearParam = Number(params.get("year"));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : defaultStatsYear();
  const update = (key: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };
  return {
    unit,
    year,
    choices,
    setUnit: (id) => {
      update("unit", id);
    },
    setYear: (y) => {
      update("year", String(y));
    },
  };
}

/** The unit select and year input, for a page header's right side. */
export function AreaYearBar({ value }: { value: AreaYear }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Select
        aria-label={t("area.unit")}
        style={{ minWidth: 200 }}
        value={value.unit?.id}
        loading={value.unit === undefined}
        options={value.choices.map((u) => ({ value: u.id, label: u.name }))}
        onChange={value.setUnit}
      />
      <InputNumber
        aria-label={t("area.year")}
        min={2000}
        max={2100}
        value={value.year}
        suffix={t("area.yearSuffix")}
        onChange={(y) => {
          if (y !== null) {
            value.setYear(y);
          }
        }}
      />
    </Space>
  );
}
