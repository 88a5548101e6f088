import { PreviewImportBar } from "../../components/preview-import-bar.tsx";
import { useState } from "react";
import { Alert, Button, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { CatchmentItem } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { editCatchment, importCatchments, useCatchmentCompare, useCatchments } from "./api.ts";
import { usePreviewImport } from "../../lib/use-preview-import.ts";

type Unit = CatchmentItem["units"][number];

/** One address unit per line: "乡镇 社区/小区/村" or "乡镇 社区/小区/村 路（街） 起-止". */
function parseUnitLines(text: string): Omit<Unit, "text">[] | string {
  const out: Omit<Unit, "text">[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const parts = line
      .trim()
      .split(/\s+/)
      .filter((p) => p !== "");
    if (parts.length === 0) {
      continue;
    }
    const [township, name, street, range] = parts;
    if (township === undefined || name === undefined || parts.length > 4) {
      return String(i + 1);
    }
    const m = range === undefined ? null : /^(\d+)[-–~](\d+)号?$/.exec(range);
    if (range !== undefined && m === null) {
      return String(i + 1);
    }
    out.push({
      township,
      name,
      kind: name.endsWith("村") ? "village" : name.endsWith("社区") ? "community" : "estate",
      street: street ?? null,
      from: m === null ? null : Number(m[1]),
      to: m === null ? null : Number(m[2]),
    });
  }
  return out;
}

const unitLine = (u: Unit) =>
  [u.township, u.name, u.street ?? "", u.from === null ? "" : `${String(u.from)}-${String(u.to)}`]
    .filter((p) => p !== "")
    .join(" ");

/** Edits one school's catchment of the year: its address units, 多校划片 group and seats. */
function EditModal({ item, year, onClose }: { item: CatchmentItem; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState(item.units.map(unitLine).join("\n"));
  const [seats, setSeats] = useState<number | null>(item.seats);
  const [group, setGroup] = useState(item.multiGroup ?? "");
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const units = parseUnitLines(lines);
    if (typeof units === "string") {
      setError(t("enrolment.unitLineBad", { line: units }));
      return;
    }
    try {
      await editCatchment(item.schoolId, {
        schoolYear: year,
        stage: item.stage,
        multiGroup: group.trim() === "" ? null : group.trim(),
        feederId: item.feederId,
        seats,
        units,
      });
      await queryClient.invalidateQueries({ queryKey: ["enrol-catchments"] });
      await queryClient.invalidateQueries({ queryKey: ["enrol-catchments-compare"] });
      onClose();
    } catch (e) {
      setError(errorText(e, (_k, fallback) => fallback));
    }
  };
  return (
    <Modal
      open
      title={t("enrolment.editTitle", { school: item.schoolName })}
      onOk={() => void save()}
      onCancel={onClose}
      okText={t("enrolment.save")}
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {error !== null && <Alert type="error" showIcon title={error} />}
        <Typography.Text type="secondary">{t("enrolment.unitLinesHint")}</Typography.Text>
        <Input.TextArea
          aria-label={t("enrolment.units")}
          rows={8}
          value={lines}
          onChange={(e) => {
            setLines(e.target.value);
          }}
        />
        <Space>
          <span>{t("enrolment.seats")}</span>
          <InputNumber
            aria-label={t("enrolment.seats")}
            min={0}
            max={5000}
            value={seats}
            onChange={(v) => {
              setSeats(v);
            }}
          />
          <span>{t("enrolment.multiGroup")}</span>
          <Input
            aria-label={t("enrolment.multiGroup")}
            value={group}
            onChange={(e) => {
              setGroup(e.target.value);
            }}
            style={{ width: 160 }}
          />
        </Space>
      </Space>
    </Modal>
  );
}

/** The bureau's import of the year's list: preview first, then import; errors name row and column. */
function ImportBar({ year }: { year: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { hasFile, result, error, chooseFile, run } = usePreviewImport(
    (file, preview) => importCatchments(file, year, preview),
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["enrol-catchments"] }),
        queryClient.invalidateQueries({ queryKey: ["enrol-catchments-compare"] }),
      ]),
  );
  return (
    <div className="no-print" style={{ marginBottom: 12 }}>
      <PreviewImportBar
        labels={{
          choose: t("enrolment.chooseFile"),
          preview: t("enrolment.preview"),
          apply: t("enrolment.import"),
        }}
        hasFile={hasFile}
        onFile={chooseFile}
        onRun={run}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("enrolment.importHint")}
      </Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={error} />}
      {result !== null && (
        <Alert
          type={result.applied ? "success" : "info"}
          showIcon
          title={t(result.applied ? "enrolment.imported" : "enrolment.previewed", {
            schools: result.schools,
            units: result.units,
            changed: result.changedSchools,
          })}
        />
      )}
    </div>
  );
}

/** 学区公示: the year's catchment list as a printable table; the bureau imports and edits it. */
export function CatchmentTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { data, error, isLoading } = useCatchments(year);
  const [editing, setEditing] = useState<CatchmentItem | null>(null);
  if (error !== null) {
    return <Alert type="error" showIcon title={errorText(error, (_k, fallback) => fallback)} />;
  }
  return (
    <>
      {data?.canEdit === true && <ImportBar year={year} />}
      <div className="enrol-publication">
        <Typography.Title level={2} className="enrol-publication-title">
          {t("enrolment.publicationTitle", { area: data?.areaName ?? "", year })}
        </Typography.Title>
        {data?.lastImport != null && (
          <Typography.Paragraph type="secondary">
            {t("enrolment.fileHash", { file: data.lastImport.fileName, hash: data.lastImport.sha256 })}
          </Typography.Paragraph>
        )}
        <Table<CatchmentItem>
          rowKey={(r) => `${r.schoolId}-${r.stage}`}
          loading={isLoading}
          pagination={false}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t("enrolment.noCatchments", { year }) }}
          columns={[
            { title: t("enrolment.school"), dataIndex: "schoolName" },
            {
              title: t("enrolment.stage"),
              dataIndex: "stage",
              render: (s: string) =>
                t(s === "primary" ? "enrolment.stage.primary" : "enrolment.stage.junior"),
            },
            {
              title: t("enrolment.units"),
              render: (_v, r) => (
                <ul className="enrol-units">
                  {r.units.map((u) => (
                    <li key={u.text}>{u.text}</li>
                  ))}
                </ul>
              ),
            },
            {
              title: t("enrolment.multiGroup"),
              dataIndex: "multiGroup",
              render: (g: string | null) => g ?? "—",
            },
            { title: t("enrolment.feeder"), dataIndex: "feederName", render: (f: string | null) => f ?? "—" },
            { title: t("enrolment.seats"), dataIndex: "seats", render: (s: number | null) => s ?? "—" },
            ...(data?.canEdit === true
              ? [
                  {
                    title: t("enrolment.actions"),
                    className: "no-print",
                    render: (_v: unknown, r: CatchmentItem) => (
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(r);
                        }}
                        aria-label={t("enrolment.editTitle", { school: r.schoolName })}
                      >
                        {t("enrolment.edit")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {editing !== null && (
        <EditModal
          item={editing}
          year={year}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

/** The year's list beside the year before's, school by school. */
export function CompareTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { data, error, isLoading } = useCatchmentCompare(year);
  if (error !== null) {
    return <Alert type="error" showIcon title={errorText(error, (_k, fallback) => fallback)} />;
  }
  type Row = NonNullable<typeof data>["items"][number];
  const list = (xs: string[]) => (xs.length === 0 ? "—" : xs.join("；"));
  const STATUS_COLOR: Record<string, string> = {
    new: "green",
    dropped: "red",
    changed: "orange",
    same: "default",
  };
  return (
    <Table<Row>
      rowKey={(r) => `${r.schoolId}-${r.stage}`}
      loading={isLoading}
      pagination={false}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t("enrolment.noCatchments", { year }) }}
      columns={[
        { title: t("enrolment.school"), dataIndex: "schoolName" },
        {
          title: t("enrolment.change"),
          dataIndex: "status",
          render: (s: string) => (
            <Tag color={STATUS_COLOR[s]}>{t(`enrolment.status.${s}` as "enrolment.status.new")}</Tag>
          ),
        },
        {
          title: t("enrolment.before", { year: year - 1 }),
          render: (_v, r) => list([...r.kept, ...r.removed]),
        },
        { title: t("enrolment.after", { year }), render: (_v, r) => list([...r.kept, ...r.added]) },
        { title: t("enrolment.added"), render: (_v, r) => list(r.added) },
        { title: t("enrolment.removed"), render: (_v, r) => list(r.removed) },
        {
          title: t("enrolment.seats"),
          render: (_v, r) => `${r.seatsBefore ?? "—"} → ${r.seatsAfter ?? "—"}`,
        },
      ]}
    />
  );
}

/** The years to choose from: the ones with a list, this year and next. */
export function YearSelect({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const { t } = useI18n();
  const { data } = useCatchments(year);
  const now = new Date().getFullYear();
  const years = [...new Set([now + 1, now, year, ...(data?.years ?? [])])].sort((a, b) => b - a);
  return (
    <Select
      aria-label={t("enrolment.year")}
      value={year}
      onChange={onChange}
      style={{ width: 140 }}
      options={years.map((y) => ({ value: y, label: t("enrolment.yearLabel", { year: y }) }))}
    />
  );
}
