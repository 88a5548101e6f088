import { useState } from "react";
import { Alert, Button, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import type { ClassPreview } from "@luoshi/contracts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { previewClasses, useLottery } from "./api.ts";

const fallback = (_k: string, text: string) => text;

/** 均衡编班: a school's placed pupils into classes, seeded by the lottery's public numbers; each class's balance. */
export function ClassesTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { data } = useLottery(year);
  const [school, setSchool] = useState<string | undefined>(undefined);
  const [count, setCount] = useState<number | null>(2);
  const [teachers, setTeachers] = useState("");
  const [result, setResult] = useState<ClassPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (data?.lottery?.status !== "drawn") {
    return <Typography.Paragraph>{t("enrolment.classesNeedLottery", { year })}</Typography.Paragraph>;
  }
  const run = () => {
    if (school === undefined || count === null) {
      return;
    }
    setError(null);
    const names = teachers
      .split(/[\s,，、]+/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    previewClasses({ schoolYear: year, schoolCode: school, classCount: count, teachers: names })
      .then(setResult)
      .catch((e: unknown) => {
        setResult(null);
        setError(errorText(e, fallback));
      });
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("enrolment.classesHint")}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t("enrolment.school")}
          placeholder={t("enrolment.school")}
          style={{ width: 220 }}
          value={school}
          onChange={setSchool}
          options={data.lottery.schools.map((s) => ({ value: s.code, label: s.name }))}
        />
        <InputNumber
          aria-label={t("enrolment.classCount")}
          min={1}
          max={40}
          value={count}
          onChange={setCount}
        />
        <Input
          aria-label={t("enrolment.teachers")}
          placeholder={t("enrolment.teachers")}
          style={{ width: 260 }}
          value={teachers}
          onChange={(e) => {
            setTeachers(e.target.value);
          }}
        />
        <Button type="primary" disabled={school === undefined || count === null} onClick={run}>
          {t("enrolment.balance")}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} />}
      {result !== null && (
        <>
          <Typography.Paragraph>
            {t("enrolment.classesSummary", {
              school: result.schoolName,
              pupils: result.pupils,
              deviation: result.maxDeviation,
            })}
          </Typography.Paragraph>
          <Table
            rowKey="classNo"
            size="small"
            pagination={false}
            dataSource={result.classes}
            columns={[
              {
                title: t("enrolment.classNo"),
                render: (_v, c) => t("enrolment.classLabel", { n: c.classNo }),
              },
              { title: t("enrolment.teacher"), render: (_v, c) => c.teacher ?? "—" },
              { title: t("enrolment.size"), dataIndex: "size" },
              {
                title: t("enrolment.boysGirls"),
                render: (_v, c) => `${String(c.boys)} / ${String(c.girls)}`,
              },
              { title: t("enrolment.migrant"), dataIndex: "migrant" },
              {
                title: t("enrolment.pupils"),
                render: (_v, c) => c.pupils.map((p) => `${p.label} ${p.name}`).join("；"),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
