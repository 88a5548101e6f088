import { PreviewImportBar } from "../../components/preview-import-bar.tsx";
import { useState } from "react";
import { Alert, Button, Form, Input, InputNumber, Select, Table, Typography, message } from "antd";
import type { AidListImportResult } from "@luoshi/contracts";
import { useCan } from "../auth/api/session.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { importList, post, useListImports, useProgrammes } from "./api.ts";
import { useAct } from "./use-act.ts";

interface ProgrammeForm {
  code: string;
  name: string;
  kind: string;
  stages: string[];
  target: string;
  basis: string;
  quota: number;
  budget: number;
  tier1: number;
  tier2?: number;
}

/** 资助项目 of a year, and — for the 资助中心 — a new programme (a new year's standards are new rows). */
export function ProgrammesTab({ year }: { year: number }) {
  const { t } = useI18n();
  const canManage = useCan("aid.manage");
  const { data, error } = useProgrammes(year);
  const act = useAct();
  const [form] = Form.useForm<ProgrammeForm>();
  const submit = (v: ProgrammeForm) => {
    const tiers = [{ code: "A", label: t("aid.tier1"), amountPerTerm: v.tier1 }];
    if (v.tier2 !== undefined) {
      tiers.push({ code: "B", label: t("aid.tier2"), amountPerTerm: v.tier2 });
    }
    const body = {
      code: v.code,
      name: v.name,
      kind: v.kind,
      stages: v.stages,
      target: v.target,
      basis: v.basis,
      quota: v.quota,
      budget: v.budget,
      schoolYear: year,
      tiers,
    };
    act(
      () => post("/api/aid/programmes", body),
      () => {
        form.resetFields();
      },
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t("aid.programmesIntro")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("aid.noProgrammes") }}
        columns={[
          { title: t("aid.programme"), dataIndex: "name" },
          { title: t("aid.basis"), dataIndex: "basis" },
          {
            title: t("aid.tiers"),
            render: (_: unknown, p: { tiers: { label: string; amountPerTerm: number }[] }) =>
              p.tiers.map((x) => `${x.label} ${String(x.amountPerTerm)}`).join("，"),
          },
          { title: t("aid.quota"), dataIndex: "quota" },
          { title: t("aid.approved"), dataIndex: "approved" },
          { title: t("aid.budget"), dataIndex: "budget" },
          { title: t("aid.committed"), dataIndex: "committed" },
        ]}
      />
      {canManage && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item name="code" label={t("aid.code")} rules={[{ required: true }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="name" label={t("aid.programme")} rules={[{ required: true }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="kind" label={t("aid.kind")} initialValue="living">
            <Select
              style={{ width: 140 }}
              options={["living", "grant", "tuition", "nutrition", "preschool", "local"].map((k) => ({
                value: k,
                label: t(`aid.kind.${k}` as "aid.kind.living"),
              }))}
            />
          </Form.Item>
          <Form.Item name="stages" label={t("aid.stages")} initialValue={["primary", "junior"]}>
            <Select
              mode="multiple"
              style={{ width: 220 }}
              options={["preschool", "primary", "junior", "senior", "vocational"].map((k) => ({
                value: k,
                label: t(`aid.stage.${k}` as "aid.stage.primary"),
              }))}
            />
          </Form.Item>
          <Form.Item name="target" label={t("aid.target")} rules={[{ required: true }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="basis" label={t("aid.basis")} rules={[{ required: true }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="quota" label={t("aid.quota")} initialValue={0}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="budget" label={t("aid.budget")} initialValue={0}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="tier1" label={t("aid.tier1Amount")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="tier2" label={t("aid.tier2Amount")}>
            <InputNumber min={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("aid.addProgramme")}
          </Button>
        </Form>
      )}
      {canManage && <ListImport year={year} />}
    </>
  );
}

/** 困难群体名单 import (preview first) and the imports so far: counts only. */
function ListImport({ year }: { year: number }) {
  const { t, tOr } = useI18n();
  const { data } = useListImports(true);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("civil");
  const [result, setResult] = useState<AidListImportResult | null>(null);
  const act = useAct();
  const run = (preview: boolean) => {
    if (file === null) {
      return;
    }
    if (preview) {
      importList(file, { schoolYear: year, source, preview })
        .then(setResult)
        .catch((e: unknown) => void message.error(errorText(e, tOr)));
      return;
    }
    act(
      () => importList(file, { schoolYear: year, source, preview }),
      () => {
        setResult(null);
      },
    );
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("aid.lists")}
      </Typography.Title>
      <PreviewImportBar
        labels={{ choose: t("aid.chooseList"), preview: t("aid.preview"), apply: t("aid.import") }}
        hasFile={file !== null}
        onFile={setFile}
        onRun={run}
      >
        <Select
          aria-label={t("aid.source")}
          style={{ width: 160 }}
          value={source}
          onChange={setSource}
          options={["civil", "rural", "disabled", "other"].map((s) => ({
            value: s,
            label: t(`aid.source.${s}` as "aid.source.civil"),
          }))}
        />
      </PreviewImportBar>
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          title={t("aid.previewed", { rows: result.rows, matched: result.matched })}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("aid.noLists") }}
        columns={[
          { title: t("aid.file"), dataIndex: "fileName" },
          { title: t("aid.source"), dataIndex: "source", render: (s: string) => tOr(`aid.source.${s}`, s) },
          { title: t("aid.rows"), dataIndex: "rows" },
          { title: t("aid.matched"), dataIndex: "matched" },
        ]}
      />
    </>
  );
}
