import { useState } from "react";
import {
  Alert,
  Button,
  DatePicker,
  Form,
  InputNumber,
  List,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import type { RegistryImportResult } from "@luoshi/contracts";
import type { StatsProblem } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../lib/i18n.tsx";
import { importStudents, StudentImportError, useCrossCheck, useMovements } from "./api.ts";

/** 导入学籍: choose a file, preview what it adds and which movements follow, then import it. */
export function ImportTab() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [schoolYear, setSchoolYear] = useState(new Date().getFullYear());
  const [term, setTerm] = useState<1 | 2>(1);
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<RegistryImportResult | null>(null);
  const [done, setDone] = useState<RegistryImportResult | null>(null);
  const [problems, setProblems] = useState<{ message: string; list: readonly StatsProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (isPreview: boolean) => {
    if (file === null) {
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const result = await importStudents(file, {
        schoolYear,
        term,
        preview: isPreview,
        ...(asOf === undefined ? {} : { asOf }),
      });
      if (isPreview) {
        setPreview(result);
      } else {
        setDone(result);
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: ["students"] });
      }
    } catch (e) {
      setProblems({
        message: e instanceof Error ? e.message : String(e),
        list: e instanceof StudentImportError ? e.problems : [],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph>{t("students.importHint")}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t("students.schoolYear")}>
          <InputNumber
            min={2000}
            max={2100}
            value={schoolYear}
            onChange={(v) => {
              setSchoolYear(v ?? schoolYear);
            }}
          />
        </Form.Item>
        <Form.Item label={t("students.term")}>
          <Select
            style={{ width: 120 }}
            value={term}
            onChange={(v: 1 | 2) => {
              setTerm(v);
            }}
            options={[
              { value: 1, label: t("students.term1") },
              { value: 2, label: t("students.term2") },
            ]}
          />
        </Form.Item>
        <Form.Item label={t("students.asOf")}>
          <DatePicker
            onChange={(d) => {
              setAsOf(d === null ? undefined : d.format("YYYY-MM-DD"));
            }}
          />
        </Form.Item>
        <Form.Item>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setPreview(null);
              setDone(null);
              return false;
            }}
          >
            <Button>{t("students.chooseFile")}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" disabled={file === null} loading={busy} onClick={() => void run(true)}>
            {t("students.preview")}
          </Button>
        </Form.Item>
      </Form>
      {problems !== null && (
        <Alert
          type="error"
          showIcon
          title={t("students.problems")}
          description={
            <List
              size="small"
              dataSource={problems.list.length > 0 ? problems.list.map((p) => p.message) : [problems.message]}
              renderItem={(m) => <List.Item>{m}</List.Item>}
            />
          }
        />
      )}
      {preview !== null && (
        <Alert
          type="info"
          showIcon
          title={t("students.previewResult", {
            rows: preview.rows,
            added: preview.added,
            updated: preview.updated,
            pending: preview.pendingTransfers,
          })}
          action={
            <Button type="primary" loading={busy} onClick={() => void run(false)}>
              {t("students.apply")}
            </Button>
          }
        />
      )}
      {done !== null && <Alert type="success" showIcon title={t("students.applied", { rows: done.rows })} />}
    </>
  );
}

/** 学籍变动: newest first, masked. */
export function MovementsTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useMovements(page, true);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t("students.occurredOn"), dataIndex: "occurredOn" },
        {
          title: t("students.movementKind"),
          key: "kind",
          render: (_v, m) => (
            <>
              {m.kindLabel} {m.pending && <Tag color="orange">{t("students.pending")}</Tag>}
            </>
          ),
        },
        { title: t("students.colName"), dataIndex: "name" },
        { title: t("students.colSchool"), dataIndex: "schoolName" },
        { title: t("students.colGrade"), dataIndex: "gradeLabel" },
        { title: t("students.otherSchool"), dataIndex: "otherSchoolName" },
      ]}
    />
  );
}

/** 与统计比对: registry pupils by school and grade against the year's statistics. */
export function CrossCheckTab() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const check = useCrossCheck(year, true);
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t("students.year")}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v ?? year);
            }}
          />
        </Form.Item>
        {check.data !== undefined && (
          <Form.Item>
            {t("students.totals", {
              registry: check.data.registryTotal,
              statistics: check.data.statisticsTotal,
            })}
          </Form.Item>
        )}
      </Form>
      <Table
        rowKey={(r) => `${r.schoolCode}-${r.level}-${r.grade}`}
        size="small"
        loading={check.isFetching}
        dataSource={check.data?.rows ?? []}
        columns={[
          { title: t("students.colSchool"), dataIndex: "schoolName" },
          { title: t("students.colGrade"), dataIndex: "gradeLabel" },
          { title: t("students.registry"), dataIndex: "registry", align: "right" },
          { title: t("students.statistics"), dataIndex: "statistics", align: "right" },
          {
            title: t("students.difference"),
            dataIndex: "difference",
            align: "right",
            render: (d: number | null) =>
              d === null || d === 0 ? (d ?? "—") : <Typography.Text type="danger">{d}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
