import { useEffect, useState } from "react";
import { Alert, Radio, Select, Space, Typography } from "antd";
import type { DivisionItem } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useDivisions } from "../api/setup.ts";

type Level = "province" | "city" | "county";

/** The chosen jurisdiction: its code and full name, or null while the choice is incomplete. */
export interface PickedDivision {
  code: string;
  fullName: string;
}

/**
 * 省 → 市 → 县（区） cascading selects, stopping at the level the bureau serves. A city the data lists as
 * a county (东莞, 中山, 儋州) ends the choice at the city select.
 */
export function DivisionPicker({ onChange }: { onChange: (picked: PickedDivision | null) => void }) {
  const { t, tOr } = useI18n();
  const [level, setLevel] = useState<Level>("county");
  const [province, setProvince] = useState<DivisionItem>();
  const [city, setCity] = useState<DivisionItem>();
  const [county, setCounty] = useState<DivisionItem>();
  const provinces = useDivisions(undefined);
  const cities = useDivisions(province?.code, province !== undefined && level !== "province");
  const cityIsCounty = city?.level === "county";
  const counties = useDivisions(city?.code, city !== undefined && !cityIsCounty && level === "county");

  const chain = [province, city, county].filter((d): d is DivisionItem => d !== undefined);
  const picked: DivisionItem | undefined =
    level === "province" ? province : level === "city" ? city : cityIsCounty ? city : county;
  const fullName = chain
    .slice(0, chain.indexOf(picked as DivisionItem) + 1)
    .map((d) => d.name)
    .join("");
  useEffect(() => {
    onChange(picked === undefined ? null : { code: picked.code, fullName });
  }, [picked, fullName, onChange]);

  const failed = [provinces, cities, counties].find((q) => q.isError);
  const options = (items: readonly DivisionItem[] | undefined) =>
    (items ?? []).map((d) => ({ value: d.code, label: d.name }));
  const pick = (items: readonly DivisionItem[] | undefined, code: string) =>
    items?.find((d) => d.code === code);

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Radio.Group
        value={level}
        onChange={(e) => {
          setLevel(e.target.value as Level);
        }}
        aria-label={t("setup.level")}
      >
        <Radio.Button value="county">{t("setup.level.county")}</Radio.Button>
        <Radio.Button value="city">{t("setup.level.city")}</Radio.Button>
        <Radio.Button value="province">{t("setup.level.province")}</Radio.Button>
      </Radio.Group>
      {failed && <Alert type="error" showIcon title={errorText(failed.error, tOr)} />}
      <Space wrap>
        <Select
          aria-label={t("setup.province")}
          placeholder={t("setup.province")}
          style={{ width: 180 }}
          showSearch={{ optionFilterProp: "label" }}
          loading={provinces.isPending}
          options={options(provinces.data)}
          value={province?.code}
          onChange={(code: string) => {
            setProvince(pick(provinces.data, code));
            setCity(undefined);
            setCounty(undefined);
          }}
        />
        {level !== "province" && (
          <Select
            aria-label={t("setup.city")}
            placeholder={t("setup.city")}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: "label" }}
            disabled={province === undefined}
            loading={cities.isFetching}
            options={options(cities.data)}
            value={city?.code}
            onChange={(code: string) => {
              setCity(pick(cities.data, code));
              setCounty(undefined);
            }}
          />
        )}
        {level === "county" && !cityIsCounty && (
          <Select
            aria-label={t("setup.county")}
            placeholder={t("setup.county")}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: "label" }}
            disabled={city === undefined}
            loading={counties.isFetching}
            options={options(counties.data)}
            value={county?.code}
            onChange={(code: string) => {
              setCounty(pick(counties.data, code));
            }}
          />
        )}
      </Space>
      {picked !== undefined && (
        <Typography.Text strong data-testid="setup-selected">
          {t("setup.selected", { code: picked.code, name: fullName })}
        </Typography.Text>
      )}
    </Space>
  );
}
