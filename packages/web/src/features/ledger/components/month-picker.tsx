import { useId } from "react";
import { DatePicker } from "antd";
import dayjs from "dayjs";
import { useI18n } from "../../../lib/i18n.tsx";

/**
 * A month picker labelled 月份 that gives `YYYY-MM`; with `isPastOnly`, months after the current one
 * are not offered (a bulletin of a month not yet begun has nothing to say).
 */
export function MonthPicker({
  month,
  onChange,
  isPastOnly = false,
}: {
  month: string;
  onChange: (month: string) => void;
  isPastOnly?: boolean;
}) {
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
        {...(isPastOnly ? { disabledDate: (d: dayjs.Dayjs) => d.isAfter(dayjs(), "month") } : {})}
        onChange={(d) => {
          if (d !== null) {
            onChange(d.format("YYYY-MM"));
          }
        }}
      />
    </span>
  );
}
