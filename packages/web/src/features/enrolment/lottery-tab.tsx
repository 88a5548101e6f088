import { useState } from "react";
import { Alert, Button, Descriptions, Input, Space, Table, Tag, Typography } from "antd";
import type { LotteryView } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { drawLottery, freezeLottery, useLottery } from "./api.ts";

type Lottery = NonNullable<LotteryView["lottery"]>;
const fallback = (_k: string, text: string) => text;

/** Saves a published text as a file (the verifier's inputs: list, public numbers, result). */
function saveText(name: string, text: string, type = "text/plain") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** 摇号: freeze the approved list, record the public numbers and draw; the result as 公示 with 调剂. */
export function LotteryTab({ year, canManage }: { year: number; canManage: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data, error, isLoading } = useLottery(year);
  const [entropy, setEntropy] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const act = (run: () => Promise<unknown>) => {
    setFailure(null);
    run()
      .then(() => queryClient.invalidateQueries({ queryKey: ["enrol-lottery"] }))
      .catch((e: unknown) => {
        setFailure(errorText(e, fallback));
      });
  };
  if (error !== null) {
    return <Alert type="error" showIcon title={errorText(error, fallback)} />;
  }
  if (isLoading || data === undefined) {
    return null;
  }
  const lottery = data.lottery;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {failure !== null && <Alert type="error" showIcon title={failure} />}
      {lottery === null ? (
        <>
          <Typography.Paragraph>{t("enrolment.lotteryNone", { year })}</Typography.Paragraph>
          {canManage && (
            <Button
              type="primary"
              onClick={() => {
                act(() => freezeLottery(year));
              }}
            >
              {t("enrolment.freeze")}
            </Button>
          )}
        </>
      ) : (
        <LotteryBody lottery={lottery} year={year} />
      )}
      {lottery?.status === "frozen" && canManage && (
        <>
          <Typography.Paragraph type="secondary">{t("enrolment.entropyHint")}</Typography.Paragraph>
          <Input.TextArea
            aria-label={t("enrolment.entropy")}
            rows={3}
            value={entropy}
            placeholder="双色球 2026060 期：3 11 19 24 27 31 9"
            onChange={(e) => {
              setEntropy(e.target.value);
            }}
          />
          <Button
            type="primary"
            disabled={entropy.trim() === ""}
            onClick={() => {
              act(() => drawLottery(year, entropy));
            }}
          >
            {t("enrolment.draw")}
          </Button>
        </>
      )}
    </Space>
  );
}

function LotteryBody({ lottery, year }: { lottery: Lottery; year: number }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("enrolment.lotteryStatus")}>
          {t(lottery.status === "drawn" ? "enrolment.drawn" : "enrolment.frozen")}
        </Descriptions.Item>
        <Descriptions.Item label={t("enrolment.listSha256")}>
          <Typography.Text code copyable>
            {lottery.listSha256}
          </Typography.Text>
        </Descriptions.Item>
        {lottery.entropy !== null && (
          <Descriptions.Item label={t("enrolment.entropy")}>
            <pre style={{ margin: 0 }}>{lottery.entropy}</pre>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap className="no-print">
        <Button
          onClick={() => {
            saveText(`摇号名单-${String(year)}.txt`, lottery.labels);
          }}
        >
          {t("enrolment.saveLabels")}
        </Button>
        {lottery.entropy !== null && (
          <Button
            onClick={() => {
              saveText(`公开随机数-${String(year)}.txt`, lottery.entropy ?? "");
            }}
          >
            {t("enrolment.saveEntropy")}
          </Button>
        )}
        {lottery.resultCsv !== null && (
          <Button
            onClick={() => {
              saveText(`摇号结果-${String(year)}.csv`, lottery.resultCsv ?? "", "text/csv");
            }}
          >
            {t("enrolment.saveResult")}
          </Button>
        )}
        {lottery.status === "drawn" && <a href="/verify-draw">{t("enrolment.verifyLink")}</a>}
      </Space>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={lottery.schools}
        columns={[
          { title: t("enrolment.school"), dataIndex: "name" },
          { title: t("enrolment.seats"), dataIndex: "seats" },
          { title: t("enrolment.applicants"), dataIndex: "applicants" },
          {
            title: t("enrolment.oversubscribed"),
            render: (_v, s) => (s.oversubscribed ? <Tag color="red">{t("enrolment.yes")}</Tag> : "—"),
          },
          { title: t("enrolment.admitted"), render: (_v, s) => s.admitted ?? "—" },
          { title: t("enrolment.reassignedIn"), render: (_v, s) => s.reassignedIn ?? "—" },
          { title: t("enrolment.neighbours"), render: (_v, s) => s.neighbours.join("、") || "—" },
        ]}
      />
      {lottery.admissions.length > 0 && (
        <Table
          rowKey="label"
          size="small"
          pagination={{ pageSize: 50 }}
          dataSource={lottery.admissions}
          columns={[
            { title: t("enrolment.applicationNo"), dataIndex: "label" },
            { title: t("enrolment.childName"), dataIndex: "name" },
            { title: t("enrolment.appliedTo"), dataIndex: "applied" },
            { title: t("enrolment.tier"), dataIndex: "tier" },
            { title: t("enrolment.lotteryRank"), dataIndex: "lotteryRank" },
            {
              title: t("enrolment.result"),
              render: (_v, a) => (
                <Tag color={a.status === "admitted" ? "green" : a.status === "reassigned" ? "orange" : "red"}>
                  {t(`enrolment.outcome.${a.status}`)}
                </Tag>
              ),
            },
            { title: t("enrolment.placedAt"), render: (_v, a) => a.school ?? "—" },
          ]}
        />
      )}
    </>
  );
}
