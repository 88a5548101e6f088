import { useState } from "react";
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { StudentList, type AidApplicationView, type AidProgramme } from "@luoshi/contracts";
import { useCan } from "../auth/api/session.ts";
import { getJson } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { post, useApplications, useProgrammes } from "./api.ts";
import { useAct } from "./use-act.ts";

const CATEGORIES = [
  "poverty",
  "monitored",
  "subsistence",
  "extremePoor",
  "orphan",
  "unsupported",
  "disabled",
];

interface ApplyForm {
  studentId: string;
  tier: string;
  claimed: string[];
  bankCard: string;
  bankName: string;
  holder: string;
}

/** The school's entry form: one of its pupils, the 档次, the categories stated, the bank card. */
function ApplyPanel({ programme }: { programme: AidProgramme }) {
  const { t } = useI18n();
  const act = useAct();
  const [form] = Form.useForm<ApplyForm>();
  const pupils = useQuery({
    queryKey: ["aid-pupils"],
    queryFn: ({ signal }) =>
      getJson("/api/registry/students?pageSize=200&status=enrolled", StudentList, signal),
  });
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      onFinish={(v) => {
        act(
          () => post("/api/aid/applications", { ...v, programmeId: programme.id }),
          () => {
            form.resetFields();
          },
        );
      }}
    >
      <Form.Item
        name="studentId"
        label={t("aid.pupil")}
        rules={[{ required: true, message: t("aid.choosePupil") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 220 }}
          options={(pupils.data?.items ?? []).map((s) => ({
            value: s.id,
            label: `${s.name} ${s.gradeLabel}${s.className}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="tier" label={t("aid.tier")} rules={[{ required: true }]}>
        <Select
          style={{ width: 100 }}
          options={programme.tiers.map((x) => ({ value: x.code, label: x.label }))}
        />
      </Form.Item>
      <Form.Item name="claimed" label={t("aid.categories")} initialValue={[]}>
        <Select
          mode="multiple"
          style={{ width: 220 }}
          options={CATEGORIES.map((c) => ({
            value: c,
            label: t(`aid.category.${c}` as "aid.category.orphan"),
          }))}
        />
      </Form.Item>
      <Form.Item name="bankCard" label={t("aid.bankCard")} rules={[{ required: true }]}>
        <Input style={{ width: 200 }} autoComplete="off" />
      </Form.Item>
      <Form.Item name="bankName" label={t("aid.bankName")} rules={[{ required: true }]}>
        <Input style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="holder" label={t("aid.holder")} rules={[{ required: true }]}>
        <Input style={{ width: 100 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t("aid.apply")}
      </Button>
    </Form>
  );
}

/** The buttons over a selection: 民主评议 at the school, 审核 at the 资助中心. */
function Actions({ selected, clear }: { selected: string[]; clear: () => void }) {
  const { t } = useI18n();
  const canApply = useCan("aid.apply");
  const canManage = useCan("aid.manage");
  const [votes, setVotes] = useState<[number, number]>([0, 0]);
  const act = useAct();
  return (
    <Space wrap style={{ margin: "12px 0" }}>
      {canApply && (
        <>
          <InputNumber
            aria-label={t("aid.votesFor")}
            prefix={t("aid.votesFor")}
            min={0}
            value={votes[0]}
            onChange={(v) => {
              setVotes([v ?? 0, votes[1]]);
            }}
          />
          <InputNumber
            aria-label={t("aid.votesAgainst")}
            prefix={t("aid.votesAgainst")}
            min={0}
            value={votes[1]}
            onChange={(v) => {
              setVotes([votes[0], v ?? 0]);
            }}
          />
          <Button
            disabled={selected.length === 0}
            onClick={() => {
              act(
                () =>
                  post("/api/aid/applications/assessment", {
                    ids: selected,
                    recommended: true,
                    votesFor: votes[0],
                    votesAgainst: votes[1],
                  }),
                clear,
              );
            }}
          >
            {t("aid.recommend")}
          </Button>
          <Button
            disabled={selected.length === 0}
            onClick={() => {
              act(
                () =>
                  post("/api/aid/applications/assessment", {
                    ids: selected,
                    recommended: false,
                    votesFor: votes[0],
                    votesAgainst: votes[1],
                  }),
                clear,
              );
            }}
          >
            {t("aid.notRecommend")}
          </Button>
        </>
      )}
      {canManage && (
        <>
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => {
              act(() => post("/api/aid/applications/review", { ids: selected, approve: true }), clear);
            }}
          >
            {t("aid.approve")}
          </Button>
          <Button
            danger
            disabled={selected.length === 0}
            onClick={() => {
              act(() => post("/api/aid/applications/review", { ids: selected, approve: false }), clear);
            }}
          >
            {t("aid.reject")}
          </Button>
        </>
      )}
    </Space>
  );
}

/** 申请 → 民主评议 (school) → 审核 (资助中心), over a selection of the list. */
export function ApplicationsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const canApply = useCan("aid.apply");
  const canManage = useCan("aid.manage");
  const programmes = useProgrammes(year);
  const [programmeId, setProgrammeId] = useState<string | undefined>(undefined);
  const [state, setState] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data, error } = useApplications(programmeId, state, page);
  const [selected, setSelected] = useState<string[]>([]);
  const programme = programmes.data?.items.find((p) => p.id === programmeId);
  const clear = () => {
    setSelected([]);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t("aid.applicationsIntro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("aid.programme")}
          placeholder={t("aid.chooseProgramme")}
          allowClear
          style={{ width: 300 }}
          value={programmeId}
          onChange={(v?: string) => {
            setProgrammeId(v);
            setPage(1);
          }}
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          aria-label={t("aid.state")}
          placeholder={t("aid.allStates")}
          allowClear
          style={{ width: 160 }}
          value={state}
          onChange={(v?: string) => {
            setState(v);
            setPage(1);
          }}
          options={["applied", "recommended", "notRecommended", "publicised", "approved", "rejected"].map(
            (s) => ({
              value: s,
              label: t(`aid.state.${s}` as "aid.state.applied"),
            }),
          )}
        />
      </Space>
      {canApply && programme && <ApplyPanel programme={programme} />}
      {canApply && !programme && <Alert type="info" showIcon title={t("aid.chooseProgrammeToApply")} />}
      {error && <Alert type="error" showIcon title={error.message} />}
      <Actions selected={selected} clear={clear} />
      <Table<AidApplicationView>
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("aid.noApplications") }}
        rowSelection={
          canApply || canManage
            ? {
                selectedRowKeys: selected,
                onChange: (k) => {
                  setSelected(k as string[]);
                },
              }
            : undefined
        }
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t("aid.pupil"), dataIndex: "name" },
          { title: t("aid.school"), dataIndex: "schoolName" },
          { title: t("aid.gradeClass"), dataIndex: "gradeClass" },
          { title: t("aid.programme"), dataIndex: "programmeName" },
          { title: t("aid.tier"), dataIndex: "tierLabel" },
          {
            title: t("aid.categories"),
            render: (_: unknown, r) =>
              r.claimed.map((c) => (
                <Tag key={c.category} color={c.verified ? "green" : "default"}>
                  {c.label}
                  {c.verified ? t("aid.verified") : ""}
                </Tag>
              )),
          },
          { title: t("aid.bankCard"), dataIndex: "bankCard" },
          { title: t("aid.state"), dataIndex: "stateLabel" },
        ]}
      />
    </>
  );
}
