import { monthlyBulletin, type LedgerTask, type ProgressReport } from "@luoshi/domain/ledger";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { bulletinDocx, bulletinTitle, percentText } from "./bulletin-docx.ts";

const units = [
  { id: "u-jj", name: "基建股" },
  { id: "u-cz", name: "财务股" },
  { id: "u-jy", name: "基础教育股" },
];

const task = (id: string, title: string, over: Partial<LedgerTask>): LedgerTask => ({
  id,
  title,
  source: { kind: "plan", planTitle: "崆峒区“十五五”教育发展规划", clausePath: "三、（一）" },
  leadUnit: "u-jj",
  coUnits: [],
  assignedAt: "2026-01-05",
  deadline: "2026-12-31",
  frequency: "monthly",
  milestones: [],
  priority: "high",
  targets: [],
  state: "inProgress",
  closedAt: null,
  pendingAdjustment: null,
  evidenceCount: 0,
  hasFinalReport: false,
  suspendedFrom: null,
  ...over,
});

const tasks = [
  task("t1", "新建城区第三幼儿园", { coUnits: ["u-cz"], deadline: "2026-02-28" }),
  task("t2", "消除56人以上大班额", { leadUnit: "u-jy", deadline: "2026-08-31" }),
  task("t3", "落实教师工资保障", {
    leadUnit: "u-cz",
    deadline: "2026-03-31",
    state: "closed",
    closedAt: new Date("2026-03-20T02:00:00Z"),
  }),
];

const report = (
  taskId: string,
  unitId: string,
  period: string,
  day: string,
  percent: number,
): ProgressReport => ({
  taskId,
  unitId,
  period,
  submittedAt: new Date(`${day}T02:00:00Z`),
  percent,
  text: "主体结构施工中",
});

const reports = [
  report("t1", "u-jj", "2026-01", "2026-01-20", 40),
  report("t1", "u-jj", "2026-02", "2026-02-24", 70),
  report("t2", "u-jy", "2026-01", "2026-01-20", 15),
  report("t2", "u-jy", "2026-02", "2026-02-20", 30),
];

const bulletin = monthlyBulletin(
  tasks,
  reports,
  [{ taskId: "t1", author: "王局长", at: new Date("2026-03-05T02:00:00Z"), text: "务必于4月底前竣工" }],
  "2026-03",
  units,
);

describe("bulletinDocx", () => {
  it("titles and formats numbers the Chinese way", () => {
    expect(bulletinTitle("崆峒区", "2026-03")).toBe("崆峒区教育局2026年3月重点任务督办情况通报");
    expect(percentText(0.75)).toBe("75.0%");
    expect(percentText(null)).toBe("—");
    // Official half-up on the decimal value: 23 of 80 is 28.75%, which (rate * 100).toFixed(1) printed 28.7%.
    expect(percentText(23 / 80)).toBe("28.8%");
  });

  it("writes the bulletin as a 公文 that reads back section by section", async () => {
    const buffer = await bulletinDocx(bulletin, {
      county: "崆峒区",
      issuer: "崆峒区教育局",
      date: "2026-04-03",
    });
    const zip = await JSZip.loadAsync(buffer);
    const doc = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体".*?崆峒区教育局2026年3月重点任务督办情况通报/s);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    const footer = (await zip.file("word/footer1.xml")?.async("string")) ?? "";
    expect(footer).toMatch(/— <\/w:t>.*PAGE.* —<\/w:t>/s);

    const { value } = await mammoth.extractRawText({ buffer });
    const lines = value
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    expect(lines[0]).toBe("崆峒区教育局2026年3月重点任务督办情况通报");
    const headings = lines.filter((l) => /^[一二三四五六]、/.test(l));
    expect(headings).toEqual([
      "一、总体情况",
      "二、各单位落实情况",
      "三、本月销号任务",
      "四、逾期和红灯任务",
      "五、领导批示",
      "六、下步工作要求",
    ]);
    expect(value).toContain(
      "截至2026年3月31日，全局共督办重点任务3项，已销号1项（其中2026年3月销号1项），正在办理2项，中止0项；逾期未完成1项。",
    );
    expect(value).toContain(
      "按报送期限统计，2026年3月内到期应报送进展1次，已报送0次，其中按时0次、迟报0次，未报送1次，报送及时率0.0%；" +
        "按报送日期统计，2026年3月共收到各单位进展报告0份（含报送期限在下月及以后的当期进展）。",
    );
    expect(value).toContain("2026年3月共销号重点任务1项，其中按期办结1项、逾期办结0项。");
    expect(value).toContain("3月5日，王局长对“新建城区第三幼儿园”批示：务必于4月底前竣工");
    expect(lines.slice(-2)).toEqual(["崆峒区教育局", "2026年4月3日"]);
  });

  it("titles a unit's own bulletin with its name and speaks of 本单位", async () => {
    expect(bulletinTitle("", "2026-03", "财务股")).toBe("财务股2026年3月承办重点任务督办情况");
    const buffer = await bulletinDocx(bulletin, { county: "", issuer: "财务股", unit: "财务股" });
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value.trim().split("\n")[0]).toBe("财务股2026年3月承办重点任务督办情况");
    expect(value).toContain("截至2026年3月31日，本单位（财务股）牵头或协办的重点任务共3项");
    expect(value).toContain("共收到上述任务各承办单位进展报告0份");
    expect(value).not.toContain("全局");
  });

  it("has a table row for each unit and the overdue task with its reason", async () => {
    const buffer = await bulletinDocx(bulletin, { county: "崆峒区", issuer: "崆峒区教育局" });
    const doc = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) ?? "";
    const rows = [...doc.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    );
    expect(rows).toContainEqual([
      "序号",
      "单位",
      "任务数",
      "其中牵头",
      "已销号",
      "按期办结",
      "逾期",
      "报送及时率",
    ]);
    expect(rows).toContainEqual(["1", "基建股", "1", "1", "0", "0", "1", "—"]);
    expect(rows).toContainEqual(["2", "财务股", "2", "1", "1", "1", "1", "—"]);
    expect(rows).toContainEqual(["3", "基础教育股", "1", "1", "0", "0", "0", "0.0%"]);
    expect(rows).toContainEqual([
      "1",
      "新建城区第三幼儿园",
      "基建股、财务股",
      "2026-02-28",
      "31",
      "已逾期31天（截止2026-02-28）；最新进展：2026年2月：主体结构施工中",
    ]);
    expect(rows).toContainEqual(["1", "落实教师工资保障", "财务股", "2026-03-31", "2026-03-20", "按期办结"]);
    expect(rows).toContainEqual([
      "1",
      "消除56人以上大班额",
      "基础教育股",
      "2026-08-31",
      "2026年3月进展逾期未报（应于2026-03-25前报送）",
    ]);
  });
});

describe("bulletinDocx with a long overdue list", () => {
  it("names at most 100 tasks and counts the rest", async () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      task(`o${String(i)}`, `逾期任务${String(i + 1)}`, { deadline: "2026-01-31" }),
    );
    const bulletin = monthlyBulletin(many, [], [], "2026-03", units);
    expect(bulletin.overdueList).toHaveLength(130);
    const buffer = await bulletinDocx(bulletin, { county: "崆峒区", issuer: "崆峒区教育局" });
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toMatch(/另有30项逾期任务未逐项列出，详见督办台账导出表/);
    expect((text.match(/逾期任务\d+/g) ?? []).length).toBe(100);
  });
});
