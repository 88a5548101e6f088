import { Button, Card, Input, InputNumber, Radio, Select, Space, Tag, Typography } from "antd";
import type { ChecklistDetail } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { readFileAsBase64 } from "../../lib/file-base64.ts";
import type { VisitDraft } from "./draft.ts";

type Item = ChecklistDetail["items"][number];
type Answer = VisitDraft["answers"][number];

/** A photo button: the phone's camera (or a file), read as base64 into the draft. */
function PhotoButton({ label, onPhoto }: { label: string; onPhoto: (name: string, base64: string) => void }) {
  return (
    <label className="ant-btn ant-btn-default ant-btn-sm" style={{ cursor: "pointer" }}>
      {label}
      <input
        type="file"
        accept="image/png,image/jpeg"
        capture="environment"
        style={{ display: "none" }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file !== undefined) {
            void readFileAsBase64(file).then((b64) => {
              onPhoto(file.name, b64);
            });
          }
          e.target.value = "";
        }}
      />
    </label>
  );
}

/** One checklist item on the phone: the answer by the item's judge, a note, and its photos. */
function ItemCard({
  item,
  answer,
  photoCount,
  onAnswer,
  onPhoto,
}: {
  item: Item;
  answer: Answer | undefined;
  photoCount: number;
  onAnswer: (a: Answer) => void;
  onPhoto: (name: string, base64: string) => void;
}) {
  const { t } = useI18n();
  const value = answer?.value ?? null;
  const set = (v: boolean | number | null) => {
    onAnswer({ itemId: item.id, value: v, note: answer?.note ?? "" });
  };
  return (
    <Card size="small" data-item={item.code}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text>
          {item.code} {item.text}
        </Typography.Text>
        {item.judge === "yesNo" ? (
          <Radio.Group
            value={value}
            onChange={(e) => {
              set(e.target.value as boolean);
            }}
            options={[
              { value: true, label: t("inspection.yes") },
              { value: false, label: t("inspection.no") },
            ]}
          />
        ) : (
          <InputNumber
            min={0}
            max={item.judge === "score" ? (item.maxScore ?? 0) : undefined}
            precision={item.judge === "count" ? 0 : 1}
            value={typeof value === "number" ? value : null}
            suffix={item.judge === "score" ? `/ ${String(item.maxScore ?? 0)}` : t("inspection.judge.count")}
            onChange={(v) => {
              set(v);
            }}
          />
        )}
        <Space wrap>
          <PhotoButton label={t("inspection.takePhoto")} onPhoto={onPhoto} />
          {photoCount > 0 && <Tag color="green">{t("inspection.photos", { count: photoCount })}</Tag>}
          {item.photoRequired && photoCount === 0 && (
            <Tag color="orange">{t("inspection.photoRequired")}</Tag>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** The checklist items of the draft, grouped by 督导事项. */
export function VisitItems({
  items,
  draft,
  onChange,
}: {
  items: readonly Item[];
  draft: VisitDraft;
  onChange: (d: VisitDraft) => void;
}) {
  const areas = [...new Set(items.map((i) => i.area))];
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {areas.map((area) => (
        <div key={area}>
          <Typography.Title level={5}>{area}</Typography.Title>
          <Space orientation="vertical" style={{ width: "100%" }}>
            {items
              .filter((i) => i.area === area)
              .map((item) => (
                <ItemCard
                  key={item.id}
                  item={item}
                  answer={draft.answers.find((a) => a.itemId === item.id)}
                  photoCount={draft.photos.filter((p) => p.itemId === item.id).length}
                  onAnswer={(a) => {
                    onChange({
                      ...draft,
                      answers: [...draft.answers.filter((x) => x.itemId !== a.itemId), a],
                    });
                  }}
                  onPhoto={(fileName, contentBase64) => {
                    onChange({
                      ...draft,
                      photos: [
                        ...draft.photos,
                        { itemId: item.id, findingIndex: null, fileName, contentBase64 },
                      ],
                    });
                  }}
                />
              ))}
          </Space>
        </div>
      ))}
    </Space>
  );
}

/** The findings of the draft: each with its 督导事项, text and severity. */
export function VisitFindings({
  items,
  draft,
  onChange,
}: {
  items: readonly Item[];
  draft: VisitDraft;
  onChange: (d: VisitDraft) => void;
}) {
  const { t } = useI18n();
  const areas = [...new Set(items.map((i) => i.area))];
  const update = (i: number, patch: Partial<VisitDraft["findings"][number]>) => {
    onChange({ ...draft, findings: draft.findings.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Title level={5}>{t("inspection.findings")}</Typography.Title>
      {draft.findings.map((f, i) => (
        <Card size="small" key={i} data-finding={i}>
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Select
              style={{ width: "100%" }}
              value={f.itemId ?? f.area}
              placeholder={t("inspection.findingItem")}
              options={[
                ...items.map((it) => ({ value: it.id, label: `${it.code} ${it.text}` })),
                ...areas.map((a) => ({ value: a, label: a })),
              ]}
              onChange={(v: string) => {
                const item = items.find((it) => it.id === v);
                update(
                  i,
                  item === undefined ? { itemId: null, area: v } : { itemId: item.id, area: item.area },
                );
              }}
            />
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t("inspection.findingText")}
              value={f.text}
              onChange={(e) => {
                update(i, { text: e.target.value });
              }}
            />
            <Radio.Group
              value={f.severity}
              onChange={(e) => {
                update(i, { severity: e.target.value as "minor" | "major" | "serious" });
              }}
              options={(["minor", "major", "serious"] as const).map((s) => ({
                value: s,
                label: t(`inspection.severity.${s}`),
              }))}
            />
            <Space wrap>
              <PhotoButton
                label={t("inspection.takePhoto")}
                onPhoto={(fileName, contentBase64) => {
                  onChange({
                    ...draft,
                    photos: [...draft.photos, { itemId: null, findingIndex: i, fileName, contentBase64 }],
                  });
                }}
              />
              <Button
                size="small"
                danger
                onClick={() => {
                  onChange({
                    ...draft,
                    findings: draft.findings.filter((_x, j) => j !== i),
                    photos: draft.photos
                      .filter((p) => p.findingIndex !== i)
                      .map((p) =>
                        p.findingIndex !== null && p.findingIndex > i
                          ? { ...p, findingIndex: p.findingIndex - 1 }
                          : p,
                      ),
                  });
                }}
              >
                {t("inspection.removeFinding")}
              </Button>
            </Space>
          </Space>
        </Card>
      ))}
      <Button
        onClick={() => {
          onChange({
            ...draft,
            findings: [
              ...draft.findings,
              { itemId: null, area: areas[0] ?? "", text: "", severity: "minor" },
            ],
          });
        }}
      >
        {t("inspection.addFinding")}
      </Button>
    </Space>
  );
}
