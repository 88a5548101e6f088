import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  Col,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
  Upload,
  message,
} from "antd";
import type { SchoolAgeImportResult } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCan, useSessionUser } from "../auth/api/session.ts";
import { downloadFile } from "../../lib/download.ts";
import { useI18n, type MessageKey } from "../../lib/i18n.tsx";
import { importSchoolAge, useCases, useMonitor, useReport, useSchoolAge } from "./api.ts";
import { CaseDrawer, LightTag } from "./case-drawer.tsx";

/** A school: the 适龄 list is the bureau's, so the tab says so instead of offering an import it refuses. */
function SchoolAgeAtSchool() {
  const { t } = useI18n();
  return (
    <Alert type="info" title={t("dropout.matchBureauOnly")} description={t("dropout.matchBureauOnlyHint")} />
  );
}

/** 适龄比对: import the list (preview first) and the unmatched children per township and village. */
function SchoolAgePanel() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const canWrite = useCan("pupil.write");
  const [page, setPage] = useState(1);
  const { data, error } = useSchoolAge(page, true);
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [source, setSource] = useState("police");
  const [result, setResult] = useState<SchoolAgeImportResult | null>(null);
  const run = (preview: boolean) => {
    if (file === null) {
      return;
    }
    importSchoolAge(file, { schoolYear: year, source, preview })
      .then(async (r) => {
        setResult(r);
        if (r.applied) {
          await queryClient.invalidateQueries({ queryKey: ["dropout-school-age"] });
          await queryClient.invalidateQueries({ queryKey: ["dropout-cases"] });
        }
      })
      .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
          >
            <Button>{t("dropout.chooseFile")}</Button>
          </Upload>
          <InputNumber
            aria-label={t("dropout.schoolYear")}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v ?? year);
            }}
          />
          <Select
            aria-label={t("dropout.source")}
            style={{ width: 180 }}
            value={source}
            onChange={setSource}
            options={["police", "health", "other"].map((s) => ({
              value: s,
              label: t(`dropout.source.${s}` as MessageKey),
            }))}
          />
          <Button
            disabled={file === null}
            onClick={() => {
              run(true);
            }}
          >
            {t("dropout.preview")}
          </Button>
          <Button
            type="primary"
            disabled={result === null || result.applied}
            onClick={() => {
              run(false);
            }}
          >
            {t("dropout.import")}
          </Button>
        </Space>
      )}
      {result !== null && (
        <Alert
          style={{ marginBottom: 12 }}
          type={result.applied ? "success" : "info"}
          title={t(result.applied ? "dropout.imported" : "dropout.previewed", {
            children: result.children,
            matched: result.matched,
            unmatched: result.unmatched,
            outOfAge: result.outOfAge,
            cases: result.casesOpened,
          })}
          description={result.rule}
        />
      )}
      {error !== null && <Alert type="error" title={error.message} />}
      {data?.list === null ? (
        <Alert type="info" title={t("dropout.noList")} description={t("dropout.noListHint")} />
      ) : (
        data !== undefined && (
          <>
            <Typography.Paragraph type="secondary">{`${data.list.fileName} · ${data.list.rule}`}</Typography.Paragraph>
            <Table
              rowKey={(v) => `${v.township}/${v.village}`}
              size="small"
              pagination={false}
              // a row's `children` would be read by the table as nested rows (and a number crashes it):
              // the count travels under another name
              dataSource={data.villages
                .filter((v) => v.unmatched > 0)
                .map(({ children, ...v }) => ({ ...v, listed: children }))}
              columns={[
                { title: t("dropout.township"), dataIndex: "township" },
                { title: t("dropout.village"), dataIndex: "village" },
                { title: t("dropout.children"), dataIndex: "listed" },
                { title: t("dropout.unmatched"), dataIndex: "unmatched" },
              ]}
            />
            <Typography.Title level={5}>{t("dropout.unmatchedList")}</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              dataSource={data.items}
              pagination={{ current: page, total: data.total, pageSize: 50, onChange: setPage }}
              columns={[
                { title: t("dropout.child"), dataIndex: "name" },
                { title: t("dropout.idNumber"), dataIndex: "idNumber" },
                { title: t("dropout.age"), dataIndex: "age" },
                { title: t("dropout.township"), dataIndex: "township" },
                { title: t("dropout.village"), dataIndex: "village" },
                {
                  title: t("dropout.case"),
                  render: (_v, c) => (c.caseId === null ? "—" : t("dropout.caseOpened")),
                },
              ]}
            />
          </>
        )
      )}
    </>
  );
}

/** 一生一案: the cases of one's scope with their lights; a case opens in a drawer. */
function CasesPanel() {
  const { t } = useI18n();
  const [state, setState] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const { data, error } = useCases(state, page);
  return (
    <>
      <Select
        aria-label={t("dropout.state")}
        allowClear
        placeholder={t("dropout.allStates")}
        style={{ width: 200, marginBottom: 12 }}
        value={state}
        onChange={(v) => {
          setState(v);
          setPage(1);
        }}
        options={["open", "returned", "closed"].map((s) => ({
          value: s,
          label: t(`dropout.state.${s}` as MessageKey),
        }))}
      />
      {error !== null && <Alert type="error" title={error.message} />}
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("dropout.noCases") }}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 50, onChange: setPage }}
        onRow={(c) => ({
          onClick: () => {
            setOpen(c.id);
          },
        })}
        columns={[
          { title: t("dropout.child"), dataIndex: "name" },
          { title: t("dropout.unit"), dataIndex: "unitName" },
          { title: t("dropout.township"), dataIndex: "township" },
          { title: t("dropout.village"), dataIndex: "village" },
          { title: t("dropout.cause"), dataIndex: "causeLabel" },
          { title: t("dropout.state"), dataIndex: "stateLabel" },
          {
            title: t("dropout.light"),
            render: (_v, c) => <LightTag light={c.light} reason={c.lightReason} />,
          },
        ]}
      />
      <CaseDrawer
        id={open}
        onClose={() => {
          setOpen(null);
        }}
      />
    </>
  );
}

/** This month in China, `YYYY-MM`. */
const currentMonth = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** 动态监测 and the monthly report (page and .docx). */
function MonitorPanel() {
  const { t } = useI18n();
  const [month] = useState(currentMonth);
  const { data } = useMonitor();
  const report = useReport(month);
  const pct = (x: number | null) => (x === null ? "—" : `${String(x)}%`);
  return (
    <>
      {data !== undefined && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.dropouts")} value={data.total.dropouts} />
            </Card>
          </Col>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.dropoutRate")} value={pct(data.total.rate)} />
            </Card>
          </Col>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.state.open")} value={data.cases.open} />
            </Card>
          </Col>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.state.returned")} value={data.cases.returned} />
            </Card>
          </Col>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.state.closed")} value={data.cases.closed} />
            </Card>
          </Col>
          <Col span={4}>
            <Card>
              <Statistic title={t("dropout.persuasionRate")} value={pct(data.cases.persuasionRate)} />
            </Card>
          </Col>
        </Row>
      )}
      <Button
        onClick={() => {
          downloadFile(`/api/dropout/report.docx?month=${month}`, `控辍保学月报-${month}.docx`).catch(
            (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
          );
        }}
      >
        {t("dropout.downloadReport")}
      </Button>
      {report.data !== undefined && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={4}>{report.data.title}</Typography.Title>
          {report.data.sections.map((s, i) =>
            s.kind === "heading" ? (
              <Typography.Title key={i} level={5}>
                {s.text}
              </Typography.Title>
            ) : s.kind === "paragraph" ? (
              <Typography.Paragraph key={i}>{s.text}</Typography.Paragraph>
            ) : (
              <Table
                key={i}
                size="small"
                pagination={false}
                rowKey={(r) => r.join("|")}
                dataSource={s.rows ?? []}
                columns={(s.header ?? []).map((h, j) => ({
                  title: h,
                  render: (_v: unknown, r: string[]) => r[j],
                }))}
              />
            ),
          )}
        </div>
      )}
    </>
  );
}

/** 控辍保学: 适龄比对, 一生一案 and 动态监测, in one tab of the 学籍 page. */
export function DropoutTab() {
  const { t } = useI18n();
  const atSchool = useSessionUser().orgUnit.kind === "school";
  return (
    <>
      <Typography.Paragraph type="secondary">{t("dropout.intro")}</Typography.Paragraph>
      <Tabs
        items={[
          { key: "cases", label: t("dropout.tabCases"), children: <CasesPanel /> },
          {
            key: "match",
            label: t("dropout.tabMatch"),
            children: atSchool ? <SchoolAgeAtSchool /> : <SchoolAgePanel />,
          },
          { key: "monitor", label: t("dropout.tabMonitor"), children: <MonitorPanel /> },
        ]}
      />
    </>
  );
}
