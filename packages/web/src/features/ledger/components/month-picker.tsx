import { useId } from "react";
import { DatePicker } from "antd";
import dayjs from "dayjs";
import { useI18n } from "../../../lib/i18n.tsx";

/** A month picker labelled 月份 that gives `YYYY-MM`. */
export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <span className="month-picker">
      <label htmlFor={id}>{t("dispatch.month")}</label>
      <DatePicker
        id={id}
        picker="month"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        onChange={(d) => {
          if (d !== null) {
            onChange(d.format("YYYY-MM"));
          }
        }}
      />
    </span>
  );
}
