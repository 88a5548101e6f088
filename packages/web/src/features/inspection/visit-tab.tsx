import { useState } from "react";
import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { submitVisit, useChecklist, useChecklists, useSchoolCards } from "./api.ts";
import { clearDraft, loadDraft, newDraftKey, saveDraft, type VisitDraft } from "./draft.ts";
import { VisitFindings, VisitItems } from "./visit-items.tsx";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function emptyDraft(): VisitDraft {
  return {
    schoolId: "",
    checklistId: "",
    visitedOn: today(),
    clientKey: newDraftKey(),
    summary: "",
    answers: [],
    findings: [],
    photos: [],
  };
}

/**
 * 下校督导 on the phone: pick the school and the checklist, answer item by item (photos from the camera),
 * record findings with severity; the draft is kept on the phone at every change and sent on 提交.
 */
export function VisitTab({ onSent }: { onSent: (visitId: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<VisitDraft>(() => loadDraft() ?? emptyDraft());
  const [restored] = useState(() => loadDraft() !== null);
  const [storageFull, setStorageFull] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const schools = useSchoolCards();
  const lists = useChecklists();
  const checklist = useChecklist(draft.checklistId === "" ? null : draft.checklistId);
  /** Every change is saved on the phone at once: a reload or a lost connection keeps it. */
  const setDraft = (next: VisitDraft) => {
    setDraftState(next);
    setStorageFull(!saveDraft(next));
  };
  const current = (lists.data?.items ?? []).filter((c) => c.current);
  const send = () => {
    setSending(true);
    setProblem(null);
    submitVisit(draft)
      .then(async (visit) => {
        clearDraft();
        setDraftState(emptyDraft());
        message.success(t("inspection.sent"));
        await queryClient.invalidateQueries({ queryKey: ["inspection-visits"] });
        onSent(visit.id);
      })
      .catch((e: unknown) => {
        setProblem(errorText(e, (_k, f) => f));
      })
      .finally(() => {
        setSending(false);
      });
  };
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 640 }}>
      {restored && <Alert type="info" showIcon title={t("inspection.draftRestored")} />}
      {storageFull && <Alert type="warning" showIcon title={t("inspection.draftFull")} />}
      {schools.data?.items.length === 0 && (
        <Alert type="info" showIcon title={t("inspection.noZoneSchools")} />
      )}
      {lists.data !== undefined && current.length === 0 && (
        <Alert type="info" showIcon title={t("inspection.noCurrentChecklist")} />
      )}
      <Form layout="vertical">
        <Form.Item label={t("inspection.fieldSchool")}>
          <Select
            style={{ width: "100%" }}
            placeholder={t("inspection.pickSchool")}
            value={draft.schoolId === "" ? undefined : draft.schoolId}
            options={(schools.data?.items ?? []).map((c) => ({ value: c.school.id, label: c.school.name }))}
            onChange={(v: string) => {
              setDraft({ ...draft, schoolId: v });
            }}
          />
        </Form.Item>
        <Form.Item label={t("inspection.fieldChecklist")}>
          <Select
            style={{ width: "100%" }}
            placeholder={t("inspection.pickChecklist")}
            value={draft.checklistId === "" ? undefined : draft.checklistId}
            options={current.map((c) => ({ value: c.id, label: c.title }))}
            onChange={(v: string) => {
              setDraft({ ...draft, checklistId: v, answers: [], findings: [], photos: [] });
            }}
          />
        </Form.Item>
        <Form.Item label={t("inspection.fieldVisitedOn")}>
          <DatePicker
            style={{ width: "100%" }}
            value={dayjs(draft.visitedOn)}
            allowClear={false}
            onChange={(d) => {
              if (d !== null) {
                setDraft({ ...draft, visitedOn: d.format("YYYY-MM-DD") });
              }
            }}
          />
        </Form.Item>
      </Form>
      {checklist.error !== null && (
        <Alert type="error" showIcon title={errorText(checklist.error, (_k, f) => f)} />
      )}
      {checklist.data !== undefined && (
        <>
          <VisitItems items={checklist.data.items} draft={draft} onChange={setDraft} />
          <VisitFindings items={checklist.data.items} draft={draft} onChange={setDraft} />
          <Typography.Title level={5}>{t("inspection.summary")}</Typography.Title>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={draft.summary}
            onChange={(e) => {
              setDraft({ ...draft, summary: e.target.value });
            }}
          />
        </>
      )}
      {problem !== null && <Alert type="error" showIcon title={`${problem} ${t("inspection.draftKept")}`} />}
      <Button
        type="primary"
        block
        loading={sending}
        disabled={draft.schoolId === "" || draft.checklistId === ""}
        onClick={send}
      >
        {t("inspection.submitVisit")}
      </Button>
    </Space>
  );
}
