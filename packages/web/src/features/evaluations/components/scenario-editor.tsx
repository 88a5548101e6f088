import { useState } from "react";
import { Button, Form, Input, InputNumber, Select, Space } from "antd";
import type { ScenarioChangeInput } from "@luoshi/contracts";
import { RESOURCE_INDICATOR_VALUES } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";

type Kind = ScenarioChangeInput["kind"];
type Field = (typeof RESOURCE_INDICATOR_VALUES)[number] | "students";

/** A school to pick from: code and name. */
export interface SchoolChoice {
  code: string;
  name: string;
}

interface ChangeForm {
  kind: Kind;
  schoolCode?: string;
  field?: Field;
  level?: "primary" | "junior" | "senior";
  number?: number;
  intoCode?: string;
  fromCodes?: string[];
  mergedType?: "nineYear" | "primary" | "junior";
  newCode?: string;
  newName?: string;
  newType?: "primary" | "junior";
  newStudents?: number;
  newQualified?: number;
  newBackbone?: number;
  newPeArt?: number;
  newFloor?: number;
  newSports?: number;
  newEquipment?: number;
  newClassrooms?: number;
}

const TEACHER_FIELDS: ReadonlySet<Field> = new Set([
  "qualifiedTeachers",
  "backboneTeachers",
  "peArtTeachers",
  "students",
]);

function toChange(v: ChangeForm): ScenarioChangeInput | null {
  switch (v.kind) {
    case "set":
    case "add": {
      if (v.schoolCode === undefined || v.field === undefined || v.number === undefined) {
        return null;
      }
      const level = TEACHER_FIELDS.has(v.field) ? (v.level ?? "primary") : undefined;
      const base = { schoolCode: v.schoolCode, field: v.field, ...(level ? { level } : {}) };
      return v.kind === "set"
        ? { kind: "set", ...base, value: v.number }
        : { kind: "add", ...base, amount: v.number };
    }
    case "remove-school":
      return v.schoolCode === undefined ? null : { kind: "remove-school", schoolCode: v.schoolCode };
    case "merge-schools":
      return v.intoCode === undefined || (v.fromCodes ?? []).length === 0
        ? null
        : {
            kind: "merge-schools",
            intoCode: v.intoCode,
            fromCodes: v.fromCodes ?? [],
            ...(v.mergedType ? { schoolType: v.mergedType } : {}),
          };
    case "add-school": {
      if (v.newCode === undefined || v.newName === undefined || v.newCode.trim() === "") {
        return null;
      }
      const lv = v.newType ?? "primary";
      const pair = (n: number | undefined) => ({
        primary: lv === "primary" ? (n ?? 0) : 0,
        junior: lv === "junior" ? (n ?? 0) : 0,
      });
      return {
        kind: "add-school",
        school: {
          code: v.newCode.trim(),
          name: v.newName.trim(),
          schoolType: lv,
          students: { ...pair(v.newStudents), senior: 0 },
          qualifiedTeachers: pair(v.newQualified),
          backboneTeachers: pair(v.newBackbone),
          peArtTeachers: pair(v.newPeArt),
          teachingFloorArea: v.newFloor ?? 0,
          sportsArea: v.newSports ?? 0,
          equipmentValue: v.newEquipment ?? 0,
          multimediaClassrooms: v.newClassrooms ?? 0,
        },
      };
    }
  }
}

/** The form that adds one change (set or add a figure, close, merge, or plan a new school) to a list. */
export function ScenarioChangeEditor({
  schools,
  onAdd,
}: {
  schools: SchoolChoice[];
  onAdd: (change: ScenarioChangeInput) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChangeForm>();
  const [kind, setKind] = useState<Kind>("add");
  const field = Form.useWatch("field", form);
  const schoolOptions = schools.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }));
  const schoolSelect = (
    <Select
      showSearch={{ optionFilterProp: "label" }}
      options={schoolOptions}
      style={{ width: 300 }}
      placeholder={t("eval.scenario.pickSchool")}
    />
  );
  const number = (name: keyof ChangeForm, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} style={{ width: 120 }} />
    </Form.Item>
  );
  return (
    <Form<ChangeForm>
      form={form}
      layout="inline"
      className="scenario-change-form"
      initialValues={{ kind: "add", field: "qualifiedTeachers", level: "primary", newType: "primary" }}
      onValuesChange={(changed: Partial<ChangeForm>) => {
        if (changed.kind) {
          setKind(changed.kind);
        }
      }}
      onFinish={(v) => {
        const change = toChange(v);
        if (change) {
          onAdd(change);
        }
      }}
    >
      <Form.Item name="kind" label={t("eval.scenario.kind")}>
        <Select<Kind>
          style={{ width: 160 }}
          options={(["add", "set", "add-school", "merge-schools", "remove-school"] as const).map((k) => ({
            value: k,
            label: t(`eval.scenario.kind.${k}`),
          }))}
        />
      </Form.Item>
      {(kind === "add" || kind === "set" || kind === "remove-school") && (
        <Form.Item
          name="schoolCode"
          label={t("eval.col.school")}
          rules={[{ required: true, message: t("eval.scenario.pickSchool") }]}
        >
          {schoolSelect}
        </Form.Item>
      )}
      {(kind === "add" || kind === "set") && (
        <>
          <Form.Item name="field" label={t("eval.scenario.field")}>
            <Select<Field>
              style={{ width: 240 }}
              options={[...RESOURCE_INDICATOR_VALUES, "students" as const].map((f) => ({
                value: f,
                label: t(`eval.field.${f}`),
              }))}
            />
          </Form.Item>
          {field !== undefined && TEACHER_FIELDS.has(field) && (
            <Form.Item name="level" label={t("eval.col.level")}>
              <Select
                style={{ width: 100 }}
                options={[
                  { value: "primary", label: t("eval.level.primary") },
                  { value: "junior", label: t("eval.level.junior") },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item
            name="number"
            label={kind === "add" ? t("eval.scenario.amount") : t("eval.scenario.value")}
            rules={[{ required: true, message: t("eval.scenario.needNumber") }]}
          >
            <InputNumber min={kind === "add" ? undefined : 0} style={{ width: 140 }} />
          </Form.Item>
        </>
      )}
      {kind === "merge-schools" && (
        <>
          <Form.Item
            name="intoCode"
            label={t("eval.scenario.into")}
            rules={[{ required: true, message: t("eval.scenario.pickSchool") }]}
          >
            {schoolSelect}
          </Form.Item>
          <Form.Item
            name="fromCodes"
            label={t("eval.scenario.from")}
            rules={[{ required: true, message: t("eval.scenario.pickSchool") }]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              options={schoolOptions}
              style={{ width: 360 }}
            />
          </Form.Item>
          <Form.Item name="mergedType" label={t("eval.scenario.mergedType")}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={(["primary", "junior", "nineYear"] as const).map((k) => ({
                value: k,
                label: t(`eval.schoolType.${k}`),
              }))}
            />
          </Form.Item>
        </>
      )}
      {kind === "add-school" && (
        <Space wrap>
          <Form.Item
            name="newCode"
            label={t("eval.school.code")}
            rules={[{ required: true, message: t("eval.scenario.needCode") }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="newName"
            label={t("eval.scenario.newName")}
            rules={[{ required: true, message: t("eval.scenario.needName") }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="newType" label={t("eval.col.level")}>
            <Select
              style={{ width: 100 }}
              options={[
                { value: "primary", label: t("eval.level.primary") },
                { value: "junior", label: t("eval.level.junior") },
              ]}
            />
          </Form.Item>
          {number("newStudents", t("eval.field.students"))}
          {number("newQualified", t("eval.short.qualifiedTeachers"))}
          {number("newBackbone", t("eval.short.backboneTeachers"))}
          {number("newPeArt", t("eval.short.peArtTeachers"))}
          {number("newFloor", t("eval.short.teachingFloorArea"))}
          {number("newSports", t("eval.short.sportsArea"))}
          {number("newEquipment", t("eval.short.equipmentValue"))}
          {number("newClassrooms", t("eval.short.multimediaClassrooms"))}
        </Space>
      )}
      <Form.Item>
        <Button htmlType="submit">{t("eval.scenario.addChange")}</Button>
      </Form.Item>
    </Form>
  );
}
